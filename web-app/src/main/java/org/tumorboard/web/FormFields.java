package org.tumorboard.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A form whose inputs are named by the JSON paths of a service's request body, so a problem's {@code errors[].field}
 * lands next to its input. Blank fields are left out, not sent empty; numbers and yes/no answers are typed; the service
 * decides everything else, and the page shows what it says.
 */
public record FormFields(List<String> fields, List<String> required, List<String> numbers, List<String> booleans) {

    /** The known fields of the posted form, trimmed; anything else posted is ignored. */
    public Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String v = form.getFirst(field);
            if (v != null && !v.isBlank()) {
                values.put(field, v.strip());
            }
        }
        return values;
    }

    /** What can be said before asking the service: required fields and numbers. */
    public Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : required) {
            if (!values.containsKey(field)) {
                errors.put(field, "is required");
            }
        }
        for (String field : numbers) {
            if (values.containsKey(field)) {
                try {
                    new BigDecimal(values.get(field));
                } catch (NumberFormatException e) {
                    errors.put(field, "must be a number");
                }
            }
        }
        return errors;
    }

    /** The request body: nested by the fields' paths, typed. */
    public Map<String, Object> body(Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        values.forEach((field, value) -> put(body, field.split("\\."), 0, typed(field, value)));
        return body;
    }

    /** The form's values from a stored body (to amend it): the same paths, only the fields this form has. */
    public Map<String, String> valuesOf(JsonNode stored) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode node = stored;
            for (String part : field.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node != null && !node.isNull() && !node.isContainerNode()) {
                values.put(field, node.asText());
            }
        }
        return values;
    }

    private Object typed(String field, String value) {
        if (booleans.contains(field)) {
            return Boolean.valueOf(value);
        }
        if (numbers.contains(field)) {
            return new BigDecimal(value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String[] path, int i, Object value) {
        if (i == path.length - 1) {
            into.put(path[i], value);
            return;
        }
        Map<String, Object> child = (Map<String, Object>) into.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        put(child, path, i + 1, value);
    }
}
