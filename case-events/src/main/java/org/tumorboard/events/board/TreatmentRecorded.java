package org.tumorboard.events.board;

import java.time.LocalDate;
import java.util.List;

/**
 * A treatment milestone: {@code type} is one of the contract's treatment types (SURGERY, NOT_IMPLEMENTED, ...).
 * For surgery: whether it was en bloc, the organs resected and the surgeon's statement of gross residual disease;
 * for NOT_IMPLEMENTED: the coded reason.
 */
public record TreatmentRecorded(String caseId, String type, LocalDate date, Boolean enBloc, List<String> organsResected,
        Boolean grossResidualDisease, String reasonCode) {

    public TreatmentRecorded(String caseId, String type, LocalDate date) {
        this(caseId, type, date, null, List.of(), null, null);
    }
}
