package org.tumorboard.platform.audit;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** What an audited endpoint tells the audit trail about its own call: whether patient identity went out, and
 * which case it concerned when nothing else says so. */
@RequestScoped
public class AuditContext {

    private boolean identityDisclosed;
    private UUID caseId;
    private String detail;

    public void identityDisclosed() {
        identityDisclosed = true;
    }

    /** The case the call concerns, where neither its path nor its body or answer names it. */
    public void concerns(UUID caseId) {
        this.caseId = caseId;
    }

    /** What the record should say beyond who did what (an operator's reason, a digest of a corrected value). */
    public void note(String detail) {
        this.detail = detail;
    }

    String detail() {
        return detail;
    }

    UUID caseId() {
        return caseId;
    }

    boolean isIdentityDisclosed() {
        return identityDisclosed;
    }
}
