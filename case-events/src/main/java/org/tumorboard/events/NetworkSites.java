package org.tumorboard.events;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The sites of the sarcoma network as configured, by code with their names (issue 24, item 3), read alike by every
 * service and the web app: {@code tumorboard.network.site-list} ({@code TUMORBOARD_NETWORK_SITE_LIST="HUB=Sarcoma
 * Center;SPOKE-EAST=East General"}, the shared ConfigMap in Kubernetes) when set, else the built-in
 * {@code tumorboard.network.sites.<CODE>.name} properties.
 */
public final class NetworkSites {

    public static final String SITE_LIST = "tumorboard.network.site-list";
    private static final String PREFIX = "tumorboard.network.sites.";
    private static final String NAME = ".name";

    private NetworkSites() {
    }

    /**
     * @param propertyNames every configuration property's name
     * @param value         a property's value, empty when unset
     */
    public static Map<String, String> of(Iterable<String> propertyNames, Function<String, Optional<String>> value) {
        String list = value.apply(SITE_LIST).orElse("").strip();
        if (!list.isEmpty()) {
            return parse(list);
        }
        Map<String, String> names = new TreeMap<>();
        for (String property : propertyNames) {
            if (property.startsWith(PREFIX) && property.endsWith(NAME) && property.length() > PREFIX.length() + NAME.length()) {
                String code = property.substring(PREFIX.length(), property.length() - NAME.length()).replace("\"", "");
                value.apply(property).ifPresent(name -> names.put(code, name));
            }
        }
        return names;
    }

    /** {@code CODE=Name;CODE=Name}: every entry a code and a name. */
    public static Map<String, String> parse(String list) {
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
}
