package org.tumorboard.fhir.mcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.events.Vocabulary;
import org.tumorboard.fhir.conformance.McodeValidator;
import org.tumorboard.fhir.conformance.ValidationReport;

/**
 * Our observations against mCODE 4.0.0 itself (issue 23, item 4): every staging, grade, FNCLCC component, tumour marker
 * test and disease status our facts can take validates with no error outside CannotCheckHere; what was explained and warned is printed.
 */
@org.junit.jupiter.api.Order(1)
public class McodeObservationsConformanceTest {

    public static final McodeValidator VALIDATOR = new McodeValidator();
    static final String CASE = UUID.randomUUID().toString();
    static final Reference PATIENT = new Reference("Patient/" + CASE);
    static final Reference CONDITION = new Reference("Condition/" + CASE + "-primary");

    @Test
    void everyStagingGradeAndDiseaseStatusConformsToItsProfile() {
        List<Observation> all = new ArrayList<>();
        for (String prefix : List.of("c", "p")) {
            for (String t : Vocabulary.Staging.T) {
                all.addAll(McodeObservations.staging(CASE, new CaseStaged(CASE, prefix, t, "N0", "M0", "G2", "IB", "AJCC8", null, List.of()),
                        Instant.parse("2026-11-02T10:15:30Z"), PATIENT, CONDITION));
            }
            all.addAll(McodeObservations.staging(CASE, new CaseStaged(CASE, prefix, "T4", "N1", "M1", "G3", "IV", "AJCC8", null, List.of()),
                    Instant.parse("2026-11-02T10:15:30Z"), PATIENT, CONDITION));
        }
        for (String grade : List.of("G1", "G2", "G3")) {
            all.add(McodeObservations.histologicGrade(CASE, new BiopsyReported(CASE, "r1", 1, "LEIOMYOSARCOMA", grade, null, List.of()),
                    Instant.parse("2026-10-20T08:00:00Z"), PATIENT, CONDITION).orElseThrow());
        }
        int visit = 0;
        for (String outcome : Vocabulary.Board.VISIT_OUTCOMES) {
            all.add(McodeObservations.diseaseStatus(CASE, ++visit, LocalDate.parse("2027-05-03"), outcome, PATIENT, CONDITION));
        }
        // every marker with every result, each amplification by each method, every component score (issue 23)
        int reportNo = 0;
        for (String result : Vocabulary.Pathology.MARKER_RESULTS) {
            List<SpecimenFindings.Stain> stains = Vocabulary.Pathology.MARKERS.stream().map(m -> new SpecimenFindings.Stain(m, result))
                    .toList();
            all.addAll(McodePathology.markers(CASE, "r" + ++reportNo, new SpecimenFindings(null, null, null, stains, null, null, null),
                    Instant.parse("2026-10-20T08:00:00Z"), PATIENT, CONDITION));
        }
        for (String method : Vocabulary.Pathology.MOLECULAR_METHODS) {
            all.addAll(McodePathology.markers(CASE, "r" + ++reportNo, new SpecimenFindings(null, null, null, List.of(), true, false, method),
                    Instant.parse("2026-10-20T08:00:00Z"), PATIENT, CONDITION));
        }
        for (int score = 1; score <= 3; score++) {
            all.addAll(McodePathology.components(CASE, "r" + ++reportNo, new SpecimenFindings(score, score, score - 1, List.of(), null,
                    null, null), Instant.parse("2026-10-20T08:00:00Z"), PATIENT, CONDITION));
        }
        assertEquals(3 * Vocabulary.Pathology.MARKERS.size() + 2 * Vocabulary.Pathology.MOLECULAR_METHODS.size() + 9,
                all.stream().filter(o -> o.getIdElement().getIdPart().matches(".*-(ihc|amp|fnclcc)-r\\d+-.*"))
                        .count());
        int explained = 0;
        int warnings = 0;
        java.util.Map<String, Integer> warningKinds = new java.util.TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (Observation o : all) {
            String profile = o.getMeta().getProfile().isEmpty() ? "Observation" : o.getMeta().getProfile().get(0).getValue();
            ValidationReport report = VALIDATOR.validate(profile + " " + o.getIdElement().getIdPart(), o);
            explained += report.explainedErrors().size();
            warnings += report.warnings().size();
            report.warnings().forEach(w -> warningKinds.merge(w.message().replaceAll("'[^']*'", "'..'").replaceAll("\\d{5,}", "#"), 1,
                    Integer::sum));
            if (!report.unexplainedErrors().isEmpty()) {
                unexplained.add(report.summary());
            }
            report.explainedErrors().forEach(f -> System.out.println("  cannot be checked here: " + f));
        }
        System.out.printf("our mCODE observations: %d validated, %d unexplained errors, %d errors that cannot be checked here, %d warnings%n",
                all.size(), unexplained.size(), explained, warnings);
        warningKinds.forEach((kind, n) -> System.out.println("  warning x" + n + ": " + kind));
        assertEquals(List.of(), unexplained);
        // clinical: T, N, M and the group; pathologic: M and the group
        assertEquals((Vocabulary.Staging.T.size() + 1) * (4 + 2) + 3 + Vocabulary.Board.VISIT_OUTCOMES.size()
                + 3 * Vocabulary.Pathology.MARKERS.size() + 2 * Vocabulary.Pathology.MOLECULAR_METHODS.size() + 9, all.size());
    }

    @Test
    void aStageGroupNamesItsCategoriesAndAPostTherapyStagingIsNotExported() {
        List<Observation> staging = McodeObservations.staging(CASE, new CaseStaged(CASE, "c", "T3", "N0", "M0", "G2", "IIIA", "AJCC8", null,
                List.of()), Instant.now(), PATIENT, CONDITION);
        Observation group = staging.get(3);
        assertEquals(3, group.getHasMember().size());
        assertTrue(group.getHasMember().get(0).getReference().endsWith(CASE + "-c-t"));
        List<Observation> pathologic = McodeObservations.staging(CASE, new CaseStaged(CASE, "p", "T3", "N0", "M0", "G2", "IIIA", "AJCC8",
                null, List.of()), Instant.now(), PATIENT, CONDITION);
        assertEquals(List.of("399387003", "399588009"), pathologic.stream().map(o -> o.getCode().getCodingFirstRep().getCode()).toList(),
                "a pathologic staging claims no pT or pN it cannot vouch for: its M (clinical) and its group");
        assertEquals(List.of(), McodeObservations.staging(CASE, new CaseStaged(CASE, "yp", "T3", "N0", "M0", "G2", "IIIA", "AJCC8", null,
                List.of()), Instant.now(), PATIENT, CONDITION));
    }
}
