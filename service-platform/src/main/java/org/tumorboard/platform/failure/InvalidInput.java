package org.tumorboard.platform.failure;

/** A command's field breaks a clinical rule that Bean Validation cannot express; {@code field} is its JSON path. */
public final class InvalidInput extends DomainFailure {

    private final String field;
    private final String reason;

    public InvalidInput(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
