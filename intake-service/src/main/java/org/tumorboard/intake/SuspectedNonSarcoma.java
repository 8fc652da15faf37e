package org.tumorboard.intake;

/** What imaging suggests when the mass may not be a sarcoma (rps-reference.md section 2). */
public enum SuspectedNonSarcoma {
    LYMPHOMA, GIST, GERM_CELL, CARCINOMA, PARAGANGLIOMA
}
