package org.tumorboard.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a pathology report found besides its histology and grade, for the read models that pass the report on (the FHIR
 * facade's TumorMarkerTest and FNCLCC component observations, issue 23): the three FNCLCC component scores behind the
 * grade (rps-reference.md section 3; null where the component was not assessable), the immunohistochemistry panel and the
 * MDM2/CDK4 amplification tests (null where not tested). Optional on every report event: an older producer sends none.
 *
 * @param differentiationScore 1-3
 * @param mitosisScore         1-3 (mitotic count per 10 high-power fields)
 * @param necrosisScore        0-2
 * @param ihc                  the stains, each marker once
 * @param molecularMethod      how amplification was tested (FISH, NGS, PCR, OTHER), null when not tested
 */
public record SpecimenFindings(Integer differentiationScore, Integer mitosisScore, Integer necrosisScore, List<Stain> ihc,
        Boolean mdm2Amplified, Boolean cdk4Amplified, String molecularMethod) {

    /** One immunohistochemistry result. */
    public record Stain(String marker, String result) {
    }

    public SpecimenFindings {
        // nulls kept for check() to name, not a NullPointerException naming nothing
        ihc = ihc == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ihc));
    }

    /** The three component scores, when each was assessable. */
    public boolean fullyScored() {
        return differentiationScore != null && mitosisScore != null && necrosisScore != null;
    }

    /** Whether amplification was tested at all. */
    public boolean molecularTested() {
        return mdm2Amplified != null || cdk4Amplified != null;
    }

    /**
     * Issue 22, item 3 for the findings: the REST side's ranges and vocabularies, each marker once, and the scores
     * agreeing with the event's grade as FNCLCC adds them (rps-reference.md section 3: a sum of 2-3 is G1, 4-5 G2, 6-8
     * G3; a component missing is GX) and with its total score where it states one.
     *
     * @param grade the event's FNCLCC grade (G1, G2, G3, GX or null)
     * @param score the event's FNCLCC total score, null where it states none
     */
    static void check(String self, SpecimenFindings f, String grade, Integer score) {
        if (f == null) {
            return;
        }
        String at = "findings.";
        PayloadChecks.range(self, at + "differentiationScore", f.differentiationScore(), 1, 3);
        PayloadChecks.range(self, at + "mitosisScore", f.mitosisScore(), 1, 3);
        PayloadChecks.range(self, at + "necrosisScore", f.necrosisScore(), 0, 2);
        if (f.fullyScored()) {
            int sum = f.differentiationScore() + f.mitosisScore() + f.necrosisScore();
            String band = sum <= 3 ? Grades.G1 : sum <= 5 ? Grades.G2 : Grades.G3;
            if (!band.equals(grade) || score != null && sum != score) {
                throw PayloadChecks.invalid(self, at + "differentiationScore", "the component scores add up to " + sum + " ("
                        + band + "), not the event's grade " + grade + (score == null ? "" : " and score " + score));
            }
        } else if ((f.differentiationScore() != null || f.mitosisScore() != null || f.necrosisScore() != null)
                && grade != null && !Grades.GX.equals(grade)) {
            throw PayloadChecks.invalid(self, at + "differentiationScore", "a component is not scored: the grade is GX, not "
                    + grade);
        }
        if (f.ihc().size() > PayloadChecks.MAX_CODES) {
            throw PayloadChecks.invalid(self, at + "ihc", "has more than " + PayloadChecks.MAX_CODES + " entries");
        }
        for (int i = 0; i < f.ihc().size(); i++) {
            Stain stain = f.ihc().get(i);
            String field = at + "ihc[" + i + "]";
            if (stain == null) {
                throw PayloadChecks.invalid(self, field, "is missing");
            }
            PayloadChecks.required(self, field + ".marker", stain.marker());
            PayloadChecks.oneOf(self, field + ".marker", stain.marker(), Vocabulary.Pathology.MARKERS);
            PayloadChecks.required(self, field + ".result", stain.result());
            PayloadChecks.oneOf(self, field + ".result", stain.result(), Vocabulary.Pathology.MARKER_RESULTS);
            for (int j = 0; j < i; j++) {
                if (f.ihc().get(j).marker().equals(stain.marker())) {
                    throw PayloadChecks.invalid(self, field + ".marker", "is given twice: " + stain.marker());
                }
            }
        }
        PayloadChecks.oneOf(self, at + "molecularMethod", f.molecularMethod(), Vocabulary.Pathology.MOLECULAR_METHODS);
    }
}
