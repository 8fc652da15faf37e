package org.tumorboard.events;

/**
 * The board's chair recorded why no biopsy is needed (issue 20, path 5): staging stages the case clinically with grade
 * GX (grouped as G1, rps-reference.md section 4) until pathology reports one. The chair's reason stays in
 * board-service (free text never travels in an event).
 */
public record BiopsyWaived(String caseId) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public BiopsyWaived {
        String self = "BiopsyWaived";
        PayloadChecks.required(self, "caseId", caseId);
    }
}
