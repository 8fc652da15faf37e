package org.tumorboard.intake.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The referring sites: the hub (code HUB, the sarcoma center) and its spokes, by code. A hospital adds a spoke by
 * configuration: {@code tumorboard.intake.sites.SPOKE-EAST.name=East General}.
 */
@ConfigMapping(prefix = "tumorboard.intake")
public interface SitesConfig {

    Map<String, Site> sites();

    interface Site {
        String name();
    }
}
