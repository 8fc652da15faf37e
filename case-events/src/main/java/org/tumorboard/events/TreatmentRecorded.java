package org.tumorboard.events;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A treatment milestone: {@code type} is one of the contract's treatment types (SURGERY, NOT_IMPLEMENTED, ...).
 * For surgery: whether it was en bloc, the organs resected and the surgeon's statement of gross residual disease;
 * for NOT_IMPLEMENTED: the coded reason.
 */
public record TreatmentRecorded(String caseId, String type, LocalDate date, Boolean enBloc, List<String> organsResected,
        Boolean grossResidualDisease, String reasonCode) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public TreatmentRecorded {
        String self = "TreatmentRecorded";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.required(self, "type", type);
        PayloadChecks.oneOf(self, "type", type, Vocabulary.Board.TREATMENT_TYPES);
        PayloadChecks.codes(self, "organsResected", organsResected);
        PayloadChecks.oneOf(self, "reasonCode", reasonCode, Vocabulary.Board.NOT_IMPLEMENTED_REASONS);
    }

    public TreatmentRecorded(String caseId, String type, LocalDate date) {
        this(caseId, type, date, null, List.of(), null, null);
    }

    public static final String SURGERY = "SURGERY";
    public static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";
    /** Every neoadjuvant milestone's type starts so (NEOADJUVANT_CHEMOTHERAPY_STARTED, ...). */
    public static final String NEOADJUVANT_PREFIX = "NEOADJUVANT_";

    @JsonIgnore
    public boolean isSurgery() {
        return SURGERY.equals(type);
    }

    @JsonIgnore
    public boolean isNeoadjuvant() {
        return type != null && type.startsWith(NEOADJUVANT_PREFIX);
    }
}
