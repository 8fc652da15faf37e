package org.tumorboard.events.board;

/** The surveillance schedule ended; the case is discharged. */
public record CaseDischarged(String caseId) {
}
