package org.tumorboard.events.board;

import java.time.LocalDate;

/** A treatment milestone: {@code type} is one of the contract's treatment types (SURGERY, NOT_IMPLEMENTED, ...). */
public record TreatmentRecorded(String caseId, String type, LocalDate date) {
}
