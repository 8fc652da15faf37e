package org.tumorboard.board;

/** Treatment milestones (api-contract.md, board-service). */
public enum TreatmentType {
    NEOADJUVANT_CHEMOTHERAPY_STARTED, NEOADJUVANT_CHEMOTHERAPY_COMPLETED, NEOADJUVANT_RADIOTHERAPY_STARTED, NEOADJUVANT_RADIOTHERAPY_COMPLETED, SURGERY, NOT_IMPLEMENTED;

    /** A milestone of therapy given before the resection: staging's yp, the pre-treatment grade. */
    public boolean isNeoadjuvant() {
        return switch (this) {
            case NEOADJUVANT_CHEMOTHERAPY_STARTED, NEOADJUVANT_CHEMOTHERAPY_COMPLETED, NEOADJUVANT_RADIOTHERAPY_STARTED,
                    NEOADJUVANT_RADIOTHERAPY_COMPLETED -> true;
            case SURGERY, NOT_IMPLEMENTED -> false;
        };
    }
}
