package org.tumorboard.platform.security;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The sites of the sarcoma network: the hub (code {@code HUB}, the sarcoma center) and its spokes, by code, with their
 * names. Every service knows them: a token naming a site that is not one of them is refused (issue 24, item 3), and
 * intake accepts referrals only from them. A hospital sets them for every service at once with one variable,
 * {@code TUMORBOARD_NETWORK_SITE_LIST="HUB=Sarcoma Center;SPOKE-EAST=East General"} (the shared ConfigMap in Kubernetes),
 * which replaces the built-in list ({@code tumorboard.network.sites.<CODE>.name}).
 */
@ApplicationScoped
public class Network {

    static final String SITE_LIST = "tumorboard.network.site-list";
    private static final String PREFIX = "tumorboard.network.sites.";
    private static final String NAME = ".name";

    private final Map<String, String> names = new TreeMap<>();

    @Inject
    Network(Config config) {
        String list = config.getOptionalValue(SITE_LIST, String.class).orElse("").strip();
        if (!list.isEmpty()) {
            names.putAll(parse(list));
            return;
        }
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(PREFIX) && property.endsWith(NAME) && property.length() > PREFIX.length() + NAME.length()) {
                String code = property.substring(PREFIX.length(), property.length() - NAME.length()).replace("\"", "");
                config.getOptionalValue(property, String.class).ifPresent(name -> names.put(code, name));
            }
        }
    }

    /** {@code CODE=Name;CODE=Name}: every entry a code and a name. */
    static Map<String, String> parse(String list) {
        Map<String, String> sites = new TreeMap<>();
        for (String entry : list.split(";")) {
            int eq = entry.indexOf('=');
            String code = eq < 0 ? "" : entry.substring(0, eq).strip();
            String name = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (entry.isBlank()) {
                continue;
            }
            if (!code.matches("[A-Z][A-Z0-9-]*") || name.isEmpty()) {
                throw new IllegalArgumentException(SITE_LIST + ": '" + entry.strip() + "' is not CODE=Name (a code in capitals, digits and '-')");
            }
            sites.put(code, name);
        }
        return sites;
    }

    /** Site code to name. */
    public Map<String, String> sites() {
        return Map.copyOf(names);
    }

    public boolean knows(String site) {
        return site != null && names.containsKey(site);
    }
}
