package org.tumorboard.platform.audit;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** What an audited endpoint tells the audit trail about its own call: whether patient identity went out, and
 * which case it concerned when nothing else says so. */
@RequestScoped
public class AuditContext {

    private boolean identityDisclosed;
    private UUID caseId;

    public void identityDisclosed() {
        identityDisclosed = true;
    }

    /** The case the call concerns, where neither its path nor its body or answer names it. */
    public void concerns(UUID caseId) {
        this.caseId = caseId;
    }

    UUID caseId() {
        return caseId;
    }

    boolean isIdentityDisclosed() {
        return identityDisclosed;
    }
}
