package org.tumorboard.platform.failure;

import java.util.List;
import java.util.Map;

/**
 * The command cannot be carried out in the current state of the case (a vote after the decision, a replayed dead
 * letter). {@code title} names the kind of conflict for the caller ("No quorum"); {@code details} say what the caller
 * needs to act (the current phase, what is missing) and travel as members of the problem; {@code fields} name request
 * fields whose change would let the command through.
 */
public final class Conflict extends DomainFailure {

    public record FieldHint(String field, String message) {
    }

    private final String title;
    private final Map<String, Object> details;
    private final List<FieldHint> fields;

    public Conflict(String detail) {
        this("Conflict", detail, Map.of(), List.of());
    }

    public Conflict(String title, String detail, Map<String, Object> details) {
        this(title, detail, details, List.of());
    }

    public Conflict(String title, String detail, Map<String, Object> details, List<FieldHint> fields) {
        super(detail);
        this.title = title;
        this.details = Map.copyOf(details);
        this.fields = List.copyOf(fields);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> details() {
        return details;
    }

    public List<FieldHint> fields() {
        return fields;
    }
}
