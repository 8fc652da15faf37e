package org.tumorboard.fhir.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.events.Sources;

/** The fold of one case's events: late, twice, out of order and amended, the same facts. */
public class CaseRecordTest {

    public static final String CASE = "0b6c3f2e-8f0e-4e63-9a57-2f1f5f3b9d10";
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    public static CaseEvent event(org.tumorboard.events.EventType<?> type, String source, Object payload, int minutes, long sequence) {
        @SuppressWarnings({ "unchecked", "rawtypes" })
        CaseEvent e = CaseEvent.create((org.tumorboard.events.EventType) type, source, CASE,
                (org.tumorboard.events.CaseEventPayload) payload, T0.plusSeconds(60L * minutes), sequence);
        return e;
    }

    public static List<CaseEvent> journey() {
        return List.of(
                event(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, new CaseReferred(CASE, "SPOKE-NORTH", T0, new BigDecimal("22.0"),
                        false, false, true), 0, 1),
                event(CaseEventTypes.BIOPSY_REPORTED, Sources.PATHOLOGY, new BiopsyReported(CASE, "b1", 1,
                        "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1", 2, List.of(), new SpecimenFindings(1, 1, 0,
                                List.of(new SpecimenFindings.Stain("MDM2", "POSITIVE")), true, null, "FISH")), 10, 1),
                event(CaseEventTypes.BIOPSY_AMENDED, Sources.PATHOLOGY, new BiopsyAmended(CASE, "b1", 2,
                        "DEDIFFERENTIATED_LIPOSARCOMA", "G3", 6, List.of(), new SpecimenFindings(3, 2, 1,
                                List.of(new SpecimenFindings.Stain("MDM2", "POSITIVE"), new SpecimenFindings.Stain("CDK4", "POSITIVE"),
                                        new SpecimenFindings.Stain("DESMIN", "NEGATIVE")), true, true, "FISH")), 20, 2),
                event(CaseEventTypes.CASE_STAGED, Sources.STAGING, staged("c", "G1", "IA"), 11, 1),
                event(CaseEventTypes.CASE_STAGED, Sources.STAGING, staged("c", "G3", "IIIB"), 21, 2),
                event(CaseEventTypes.PLAN_DECIDED, Sources.BOARD, new PlanDecided(CASE, "UPFRONT_RESECTION", new PlanDecided.Votes(5,
                        java.util.Map.of("UPFRONT_RESECTION", 4, "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION", 1),
                        List.of(new PlanDecided.Dissent("RADIATION_ONCOLOGY", "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION")))), 30, 1),
                event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY", LocalDate.parse("2026-11-02"),
                        true, List.of("KIDNEY_LEFT"), null, null), 40, 2),
                event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r1", 1, "R0",
                        new BigDecimal("21.5"), 2, 0, null, null, null, null, List.of()), 50, 3));
    }

    static CaseStaged staged(String prefix, String g, String group) {
        return new CaseStaged(CASE, prefix, "T4", "N0", "M0", g, group);
    }

    @Test
    void theAmendedBiopsyAndTheLatestStagingAreOfRecordWhateverTheOrderOfArrival() {
        List<CaseEvent> events = new ArrayList<>(journey());
        CaseRecord inOrder = CaseRecord.of(CASE, events);
        Random random = new Random(23);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertEquals(inOrder, CaseRecord.of(CASE, events), "shuffle " + i);
        }
        assertEquals("DEDIFFERENTIATED_LIPOSARCOMA", inOrder.biopsy().fact().histology());
        assertEquals(2, inOrder.biopsy().fact().version());
        assertEquals("IIIB", inOrder.clinical().fact().group());
        assertEquals(T0.plusSeconds(600), inOrder.diagnosedAt(), "dated by the first report that diagnosed a sarcoma");
        assertEquals(new PathologyOfRecord("DEDIFFERENTIATED_LIPOSARCOMA", PathologyOfRecord.Source.BIOPSY, "G3",
                PathologyOfRecord.Source.BIOPSY), inOrder.pathologyOfRecord().orElseThrow());
        assertEquals("SPOKE-NORTH", inOrder.referringSite().orElseThrow());
    }

    @Test
    void anEventTwiceIsOneFact() {
        List<CaseEvent> events = new ArrayList<>(journey());
        events.addAll(journey());
        CaseRecord twice = CaseRecord.of(CASE, events);
        assertEquals(CaseRecord.of(CASE, journey()), twice);
        assertEquals(1, twice.surgeries().size());
        assertEquals(1, twice.decisions().size());
    }

    @Test
    void anOlderVersionArrivingLateDoesNotReplaceTheAmendment() {
        List<CaseEvent> events = new ArrayList<>(journey());
        // version 1 again, numbered after the amendment (a replay from a stale copy): the report's version decides
        events.add(event(CaseEventTypes.BIOPSY_REPORTED, Sources.PATHOLOGY, new BiopsyReported(CASE, "b1", 1,
                "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1"), 60, 9));
        assertEquals("DEDIFFERENTIATED_LIPOSARCOMA", CaseRecord.of(CASE, events).biopsy().fact().histology());
    }

    @Test
    void theSpecimensHistologyAndGradeGovernOnceReported() {
        List<CaseEvent> events = new ArrayList<>(journey());
        events.add(event(CaseEventTypes.RESECTION_AMENDED, Sources.PATHOLOGY, new org.tumorboard.events.ResectionAmended(CASE, "r1", 2,
                "R1", new BigDecimal("21.5"), 2, 0, null, "LEIOMYOSARCOMA", "G2", null, List.of()), 70, 4));
        CaseRecord record = CaseRecord.of(CASE, events);
        assertEquals("R1", record.resection().fact().margin());
        assertEquals(new PathologyOfRecord("LEIOMYOSARCOMA", PathologyOfRecord.Source.SPECIMEN, "G2", PathologyOfRecord.Source.SPECIMEN),
                record.pathologyOfRecord().orElseThrow());
    }

    /** Issue 23: the board publishes each visit, and a recurrence's visit also as RecurrenceRecorded; older history only the latter. */
    @Test
    void aVisitIsOneFactWhetherPublishedAsAVisitAsARecurrenceOrBoth() {
        List<CaseEvent> events = new ArrayList<>(journey());
        LocalDate first = LocalDate.parse("2027-02-20");
        LocalDate second = LocalDate.parse("2027-05-20");
        events.add(event(CaseEventTypes.RECURRENCE_RECORDED, Sources.BOARD, new RecurrenceRecorded(CASE, "DISTANT_METASTASIS",
                LocalDate.parse("2026-12-20")), 55, 3)); // before VisitRecorded was published: the recurrence alone
        events.add(event(CaseEventTypes.VISIT_RECORDED, Sources.BOARD, new VisitRecorded(CASE, 1, first, "NO_EVIDENCE_OF_DISEASE"), 60, 4));
        events.add(event(CaseEventTypes.VISIT_RECORDED, Sources.BOARD, new VisitRecorded(CASE, 2, first, "NO_EVIDENCE_OF_DISEASE"), 61, 5));
        events.add(event(CaseEventTypes.VISIT_RECORDED, Sources.BOARD, new VisitRecorded(CASE, 3, second, "LOCAL_RECURRENCE"), 70, 6));
        events.add(event(CaseEventTypes.RECURRENCE_RECORDED, Sources.BOARD, new RecurrenceRecorded(CASE, "LOCAL_RECURRENCE", second), 70, 7));
        List<CaseRecord.Visit> expected = List.of(new CaseRecord.Visit(null, LocalDate.parse("2026-12-20"), "DISTANT_METASTASIS"),
                new CaseRecord.Visit(1, first, "NO_EVIDENCE_OF_DISEASE"), new CaseRecord.Visit(2, first, "NO_EVIDENCE_OF_DISEASE"),
                new CaseRecord.Visit(3, second, "LOCAL_RECURRENCE"));
        Random random = new Random(23);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertEquals(expected, CaseRecord.of(CASE, events).visits());
        }
        events.addAll(List.copyOf(events)); // every event redelivered
        assertEquals(expected, CaseRecord.of(CASE, events).visits());
    }

    /**
     * Of two biopsy reports, the one pathology updated last is of record (as pathology-service and staging have it), even
     * when it was published first; the reports keep the order pathology first published them.
     */
    @Test
    void theBiopsyPathologyUpdatedLastIsOfRecord() {
        List<CaseEvent> events = new ArrayList<>(journey().subList(0, 1));
        events.add(event(CaseEventTypes.BIOPSY_REPORTED, Sources.PATHOLOGY, new BiopsyReported(CASE, "b1", 1, "LEIOMYOSARCOMA", "G2"), 10, 1));
        events.add(event(CaseEventTypes.BIOPSY_REPORTED, Sources.PATHOLOGY, new BiopsyReported(CASE, "b2", 1,
                "DEDIFFERENTIATED_LIPOSARCOMA", "G3"), 20, 2));
        assertEquals("b2", CaseRecord.of(CASE, events).biopsy().fact().reportId());
        events.add(event(CaseEventTypes.BIOPSY_AMENDED, Sources.PATHOLOGY, new BiopsyAmended(CASE, "b1", 2, "LEIOMYOSARCOMA", "G1", 3,
                List.of()), 30, 3));
        CaseRecord record = CaseRecord.of(CASE, events);
        assertEquals("G1", record.biopsy().fact().grade());
        assertEquals("G1", record.pathologyOfRecord().orElseThrow().grade());
        assertEquals(List.of("b1", "b2"), record.biopsies().stream().map(b -> b.fact().reportId()).toList());
    }

    /** Issue 23: a report's findings are those of its latest version; a legacy amendment (no findings) keeps none of the old. */
    @Test
    void theFindingsAreThoseOfTheReportsLatestVersion() {
        List<CaseEvent> events = new ArrayList<>(journey().subList(0, 3));
        assertEquals(3, CaseRecord.of(CASE, events).biopsy().fact().findings().differentiationScore());
        assertEquals(3, CaseRecord.of(CASE, events).biopsy().fact().findings().ihc().size());
        events.add(event(CaseEventTypes.REPORT_AMENDED, Sources.PATHOLOGY, new org.tumorboard.events.ReportAmended(CASE, "b1", 3, "BIOPSY",
                "DEDIFFERENTIATED_LIPOSARCOMA", "G2", null, null, null, null), 25, 3));
        assertEquals("G2", CaseRecord.of(CASE, events).biopsy().fact().grade());
        assertNull(CaseRecord.of(CASE, events).biopsy().fact().findings(), "the G3 scores do not describe the G2 amendment");
    }

    @Test
    void anAmendmentPublishedOnlyInTheLegacyShapeIsApplied() {
        List<CaseEvent> events = new ArrayList<>(journey().subList(0, 2));
        events.add(event(CaseEventTypes.REPORT_AMENDED, Sources.PATHOLOGY, new org.tumorboard.events.ReportAmended(CASE, "b1", 2, "BIOPSY",
                "LEIOMYOSARCOMA", "G2", null, null, null, null), 15, 3));
        assertEquals("LEIOMYOSARCOMA", CaseRecord.of(CASE, events).biopsy().fact().histology());
        // published after its typed twin (same version): one amendment, the twin's
        events.add(event(CaseEventTypes.BIOPSY_AMENDED, Sources.PATHOLOGY, new BiopsyAmended(CASE, "b1", 2, "LEIOMYOSARCOMA", "G2", 5,
                List.of()), 15, 2));
        assertEquals(5, CaseRecord.of(CASE, events).biopsy().fact().score());
    }

    @Test
    void aSarcomaFoundOnlyInTheSpecimenIsDiagnosedByTheResectionReport() {
        List<CaseEvent> events = new ArrayList<>(List.of(journey().get(0),
                event(CaseEventTypes.BIOPSY_WAIVED, Sources.BOARD, new org.tumorboard.events.BiopsyWaived(CASE), 5, 1),
                event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r1", 1, "R1", new BigDecimal("18.0"),
                        null, null, null, "LEIOMYOSARCOMA", "G2", null, List.of()), 50, 1)));
        CaseRecord record = CaseRecord.of(CASE, events);
        assertEquals(T0.plusSeconds(3000), record.diagnosedAt());
        assertEquals("LEIOMYOSARCOMA", record.pathologyOfRecord().orElseThrow().histology());
    }

    @Test
    void eachDecisionSaysWhatBecameOfIt() {
        List<CaseEvent> events = new ArrayList<>(journey());
        events.add(event(CaseEventTypes.PLAN_DECIDED, Sources.BOARD, new PlanDecided(CASE, "SYSTEMIC_THERAPY"), 80, 3));
        events.add(event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "NOT_IMPLEMENTED", null, null,
                null, null, "PATIENT_CHOICE"), 90, 4));
        events.add(event(CaseEventTypes.PLAN_DECIDED, Sources.BOARD, new PlanDecided(CASE, "CLINICAL_TRIAL"), 100, 5));
        assertEquals(List.of(CaseRecord.PlanStatus.COMPLETED, CaseRecord.PlanStatus.REVOKED, CaseRecord.PlanStatus.ACTIVE),
                CaseRecord.of(CASE, events).decisions().stream().map(CaseRecord.Decision::status).toList());
        events.add(event(CaseEventTypes.CASE_WITHDRAWN, Sources.INTAKE, new org.tumorboard.events.CaseWithdrawn(CASE, "PATIENT_CHOICE"),
                110, 2));
        assertEquals(CaseRecord.PlanStatus.REVOKED, CaseRecord.of(CASE, events).decisions().get(2).status());
    }

    @Test
    void aReResectionHasItsOwnReport() {
        List<CaseEvent> events = new ArrayList<>(journey());
        events.add(event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY", LocalDate.parse("2027-03-01"),
                true, List.of(), null, null), 200, 7));
        events.add(event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r2", 1, "R1",
                new BigDecimal("4.0"), null, null, null, null, null, null, List.of()), 210, 8));
        CaseRecord record = CaseRecord.of(CASE, events);
        assertEquals(List.of("R0", "R1"), record.resections().stream().map(r -> r.fact().margin()).toList());
        assertEquals(2, record.surgeries().size());
    }

    @Test
    void aReferralNamingAnotherSiteDoesNotMoveTheCase() {
        List<CaseEvent> events = new ArrayList<>(journey());
        events.add(event(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, new CaseReferred(CASE, "SPOKE-SOUTH", T0, new BigDecimal("9.0"),
                false, false, true), 5, 7));
        CaseRecord record = CaseRecord.of(CASE, events);
        assertEquals("SPOKE-NORTH", record.referringSite().orElseThrow());
        assertEquals(new BigDecimal("22.0"), record.imagingSize());
    }

    @Test
    void pathologyFindingNoSarcomaSetsTheBoardsPlanAside() {
        List<CaseEvent> events = new ArrayList<>(journey().subList(0, 6));
        events.add(event(CaseEventTypes.NON_SARCOMA_FLAGGED, Sources.PATHOLOGY, new org.tumorboard.events.NonSarcomaFlagged(CASE, "b1",
                List.of("LYMPHOMA")), 35, 3));
        assertEquals(CaseRecord.PlanStatus.REVOKED, CaseRecord.of(CASE, events).decisions().get(0).status());
        // restored, a new plan, flagged again: the new plan is set aside too
        events.add(event(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, Sources.PATHOLOGY, new org.tumorboard.events.SarcomaDiagnosisRestored(CASE,
                "b1", 3, "DEDIFFERENTIATED_LIPOSARCOMA"), 50, 4));
        events.add(event(CaseEventTypes.PLAN_DECIDED, Sources.BOARD, new PlanDecided(CASE, "UPFRONT_RESECTION"), 60, 3));
        assertEquals(CaseRecord.PlanStatus.ACTIVE, CaseRecord.of(CASE, events).decisions().get(1).status());
        events.add(event(CaseEventTypes.NON_SARCOMA_FLAGGED, Sources.PATHOLOGY, new org.tumorboard.events.NonSarcomaFlagged(CASE, "b1",
                List.of("LYMPHOMA")), 70, 5));
        assertEquals(CaseRecord.PlanStatus.REVOKED, CaseRecord.of(CASE, events).decisions().get(1).status());
    }

    @Test
    void aCaseWhoseReferralHasNotArrivedHasNoSite() {
        CaseRecord record = CaseRecord.of(CASE, journey().subList(1, 3));
        assertTrue(record.referringSite().isEmpty());
        assertNull(record.imagingSize());
        assertFalse(record.withdrawn());
    }
}
