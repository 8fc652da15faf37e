package org.tumorboard.platform.security;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.tumorboard.events.NetworkSites;

/**
 * The sites of the sarcoma network: the hub (code {@code HUB}, the sarcoma center) and its spokes, by code, with their
 * names. Every service knows them: a token naming a site that is not one of them is refused (issue 24, item 3), and
 * intake accepts referrals only from them. A hospital sets them for every service at once with one variable,
 * {@code TUMORBOARD_NETWORK_SITE_LIST="HUB=Sarcoma Center;SPOKE-EAST=East General"} (the shared ConfigMap in Kubernetes),
 * which replaces the built-in list ({@code tumorboard.network.sites.<CODE>.name}).
 */
@ApplicationScoped
public class Network {

    private final Map<String, String> names = new TreeMap<>();

    @Inject
    Network(Config config) {
        names.putAll(NetworkSites.of(config.getPropertyNames(), property -> config.getOptionalValue(property, String.class)));
    }

    /** {@code CODE=Name;CODE=Name}: every entry a code and a name. */
    static Map<String, String> parse(String list) {
        return NetworkSites.parse(list);
    }

    /** Site code to name. */
    public Map<String, String> sites() {
        return Map.copyOf(names);
    }

    public boolean knows(String site) {
        return site != null && names.containsKey(site);
    }
}
