package org.tumorboard.pathology;

/** Histologic diagnoses of the contract (api-contract.md, pathology-service). */
public enum Histology {
    WELL_DIFFERENTIATED_LIPOSARCOMA,
    DEDIFFERENTIATED_LIPOSARCOMA,
    LEIOMYOSARCOMA,
    MPNST,
    SOLITARY_FIBROUS_TUMOR,
    UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA,
    OTHER_SARCOMA,
    NOT_SARCOMA;

    public boolean isLiposarcoma() {
        return this == WELL_DIFFERENTIATED_LIPOSARCOMA || this == DEDIFFERENTIATED_LIPOSARCOMA;
    }
}
