package org.tumorboard.events;

import java.time.Instant;

/** Every work-up item of rps-reference.md section 2 is on record for the case. */
public record WorkupCompleted(String caseId, Instant completedAt) implements CaseEventPayload {
}
