package org.tumorboard.platform.audit;

/** The outcome of an audited call, from the HTTP status it answered with. */
public enum AuditOutcome {
    SUCCESS, REJECTED, DENIED, NOT_FOUND, FAILED;

    public static AuditOutcome of(int status) {
        if (status >= 200 && status < 400) {
            return SUCCESS;
        }
        return switch (status) {
            case 401, 403 -> DENIED;
            case 404 -> NOT_FOUND;
            default -> status >= 400 && status < 500 ? REJECTED : FAILED;
        };
    }
}
