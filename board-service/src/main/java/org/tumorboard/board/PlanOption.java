package org.tumorboard.board;

/** The plan options the board votes on (api-contract.md; rps-reference.md section 5). */
public enum PlanOption {
    UPFRONT_RESECTION,
    NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION,
    NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION,
    NEOADJUVANT_CHEMORADIATION_THEN_RESECTION,
    DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC,
    SYSTEMIC_THERAPY,
    NON_SARCOMA_PATHWAY,
    CLINICAL_TRIAL
}
