package org.tumorboard.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The user's site as a validated token's {@code site} claim carries it (architecture, Security; issue 24, item 3). The
 * realm maps the claim multivalued, aggregating the user's own attribute with their groups', so a user put in two site
 * groups, or given an attribute that disagrees with their group, shows both sites, and is refused: a user belongs to
 * exactly one site, and which one must never be a silent choice.
 *
 * <p>The claim arrives as a JSON array (Keycloak's multivalued mapper; one element for a well-formed account) or as a
 * plain string (a single-valued mapper); the token library hands the array's elements over as JSON values, whose text
 * is read here.
 */
public sealed interface SiteClaim {

    /** Exactly one site. */
    record One(String site) implements SiteClaim {
    }

    /** No site: not a user of this network. */
    record Missing() implements SiteClaim {
    }

    /** More than one distinct site, or a value that is not a site code: the account must be fixed. */
    record Ambiguous(List<String> values) implements SiteClaim {
    }

    ObjectMapper JSON = new ObjectMapper();

    static SiteClaim read(Object claim) {
        if (claim == null) {
            return new Missing();
        }
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> elements) {
            for (Object element : elements) {
                values.add(text(element));
            }
        } else {
            values.add(text(claim));
        }
        Set<String> sites = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                return new Ambiguous(values.stream().map(v -> v == null ? "(not a string)" : v).toList());
            }
            if (!value.isBlank()) {
                sites.add(value.strip());
            }
        }
        return switch (sites.size()) {
            case 0 -> new Missing();
            case 1 -> new One(sites.iterator().next());
            default -> new Ambiguous(List.copyOf(sites));
        };
    }

    /** The text of a string claim or of one element of an array claim; null when it is not a string. */
    private static String text(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value.toString());
            return node != null && node.isTextual() ? node.textValue() : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** How the claim reads on the audit trail: the site, or every value it carried. */
    default String describe() {
        return switch (this) {
            case One one -> one.site();
            case Missing missing -> null;
            case Ambiguous ambiguous -> String.join(",", ambiguous.values());
        };
    }
}
