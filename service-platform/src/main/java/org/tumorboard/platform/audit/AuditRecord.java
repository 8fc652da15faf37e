package org.tumorboard.platform.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit trail. {@code identityDisclosed} is true when the answer carried the patient's name, MRN or
 * birth date (intake only). {@code detail} is the problem's title for a failed call, never the request's content.
 */
public record AuditRecord(UUID id, Instant recordedAt, String actor, String roles, String site, String action, String method,
        String path, UUID caseId, AuditOutcome outcome, int status, boolean identityDisclosed, String detail) {
}
