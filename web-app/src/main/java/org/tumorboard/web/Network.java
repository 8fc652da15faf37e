package org.tumorboard.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.Config;
import org.tumorboard.events.NetworkSites;

/**
 * The network's sites as every service has them ({@link NetworkSites}): which codes are sites, and the hospital's name
 * a page shows instead of a code ({@code {inject:network.name(c.referringSite)}}).
 */
@ApplicationScoped
@Named("network")
public class Network {

    private final Map<String, String> names;

    @Inject
    Network(Config config) {
        // In the network's order (the hub first, then the spokes by code), for the lists that offer the sites.
        names = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                NetworkSites.of(config.getPropertyNames(), property -> config.getOptionalValue(property, String.class))));
    }

    public boolean contains(String code) {
        return code != null && names.containsKey(code);
    }

    /** The hospital's name, or the code itself for a site the network no longer lists (an old case's). */
    public String name(String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }

    public Map<String, String> names() {
        return names;
    }
}
