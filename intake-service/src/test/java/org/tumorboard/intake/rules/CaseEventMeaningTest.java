package org.tumorboard.intake.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseDischarged;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.CaseWithdrawn;
import org.tumorboard.events.EventType;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.SurveillanceScheduled;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;
import org.tumorboard.intake.CaseStatus;

/** Every event type of the contract has a status meaning and a summary a coordinator can read. */
class CaseEventMeaningTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    static Stream<Arguments> events() {
        return Stream.of(
                row(CaseEventTypes.CASE_REFERRED, new CaseReferred("c", "SPOKE-NORTH", T, BigDecimal.TEN, false, false, true),
                        CaseStatus.REFERRED, "Referred by SPOKE-NORTH"),
                row(CaseEventTypes.CASE_REFERRED, new CaseReferred("c", "SPOKE-NORTH", T, BigDecimal.TEN, false, false, true, true),
                        CaseStatus.REFERRED, "Referred by SPOKE-NORTH"),
                row(CaseEventTypes.CASE_REFERRED, new CaseReferred("c", "HUB", T, BigDecimal.TEN, false, false, true, false),
                        CaseStatus.WORKUP, "Referred by HUB"),
                row(CaseEventTypes.IMAGING_UPDATED, new ImagingUpdated("c", BigDecimal.TEN, false, false, List.of("CHEST_IMAGING")),
                        null, "Imaging findings updated; work-up still missing CHEST_IMAGING"),
                row(CaseEventTypes.WORKUP_COMPLETED, new WorkupCompleted("c", T), CaseStatus.BIOPSY, "Work-up complete; awaiting pathology"),
                row(CaseEventTypes.WORKUP_REOPENED, new WorkupReopened("c", List.of("CHEST_CT"), "G3", T), null,
                        "Work-up incomplete again with grade G3: CHEST_CT needed before the board"),
                row(CaseEventTypes.CASE_WITHDRAWN, new CaseWithdrawn("c", "treated elsewhere"), CaseStatus.WITHDRAWN,
                        "Withdrawn: treated elsewhere"),
                row(CaseEventTypes.BIOPSY_REPORTED, new BiopsyReported("c", "r", 1, "LEIOMYOSARCOMA", "G3"), CaseStatus.DIAGNOSED,
                        "Biopsy reported: LEIOMYOSARCOMA, grade G3"),
                row(CaseEventTypes.REPORT_AMENDED, new ReportAmended("c", "r", 2, "BIOPSY", "LEIOMYOSARCOMA", "G2"), null,
                        "Pathology report amended (version 2): LEIOMYOSARCOMA, grade G2"),
                row(CaseEventTypes.BIOPSY_AMENDED, new BiopsyAmended("c", "r", 2, "LEIOMYOSARCOMA", "G2", 4, List.of()), null,
                        "Pathology report amended (version 2): LEIOMYOSARCOMA, grade G2"),
                row(CaseEventTypes.RESECTION_AMENDED, new ResectionAmended("c", "r", 3, "R1", BigDecimal.TEN, 2, 0, null), null,
                        "Pathology report amended (version 3)"),
                row(CaseEventTypes.REPORT_AMENDED, new ReportAmended("c", "r", 3, "RESECTION", null, null, "R1", BigDecimal.TEN, 2, 0),
                        null, "Pathology report amended (version 3)"),
                row(CaseEventTypes.NON_SARCOMA_FLAGGED, new NonSarcomaFlagged("c", "r", List.of("CD45 positive: lymphoma")),
                        CaseStatus.NOT_SARCOMA, "Not a sarcoma: CD45 positive: lymphoma"),
                row(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, new SarcomaDiagnosisRestored("c", "r", 3, "LEIOMYOSARCOMA"), null,
                        "Back on the sarcoma pathway: pathology report amended (version 3) to LEIOMYOSARCOMA"),
                row(CaseEventTypes.RESECTION_REPORTED, new ResectionReported("c", "r", 1, "R0"), null, "Resection reported: margin R0"),
                // issue 19: a non-sarcoma has no FNCLCC grade; a re-assessed specimen says what it found
                row(CaseEventTypes.BIOPSY_REPORTED, new BiopsyReported("c", "r", 1, "NOT_SARCOMA", null), CaseStatus.DIAGNOSED,
                        "Biopsy reported: NOT_SARCOMA, no FNCLCC grade"),
                row(CaseEventTypes.BIOPSY_AMENDED, new BiopsyAmended("c", "r", 2, "NOT_SARCOMA", null, null, List.of()), null,
                        "Pathology report amended (version 2): NOT_SARCOMA, no FNCLCC grade"),
                row(CaseEventTypes.RESECTION_REPORTED, new ResectionReported("c", "r", 1, "R1", BigDecimal.TEN, 2, 0, null,
                        "DEDIFFERENTIATED_LIPOSARCOMA", "G3", null, List.of()), null,
                        "Resection reported: margin R1; specimen DEDIFFERENTIATED_LIPOSARCOMA, grade G3"),
                row(CaseEventTypes.RESECTION_REPORTED, new ResectionReported("c", "r", 1, "R1", BigDecimal.TEN, 2, 0, null,
                        null, "G2", null, List.of()), null, "Resection reported: margin R1; specimen histology as before, grade G2"),
                row(CaseEventTypes.CASE_STAGED, new CaseStaged("c", "c", "T4", "N0", "M0", "G2", "IIIB"), CaseStatus.STAGED,
                        "Staged cT4 N0 M0 G2: stage IIIB"),
                row(CaseEventTypes.CASE_SCHEDULED, new CaseScheduled("c", "m", LocalDate.parse("2026-11-10")),
                        CaseStatus.BOARD_SCHEDULED, "On the tumor board of 2026-11-10"),
                row(CaseEventTypes.PLAN_DECIDED, new PlanDecided("c", "UPFRONT_RESECTION"), CaseStatus.PLAN_DECIDED,
                        "Board decided: UPFRONT_RESECTION"),
                row(CaseEventTypes.PLAN_DECIDED, new PlanDecided("c", "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC"), CaseStatus.UNRESECTABLE,
                        "Board decided: DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC"),
                row(CaseEventTypes.TREATMENT_RECORDED, new TreatmentRecorded("c", "NEOADJUVANT_CHEMOTHERAPY_STARTED",
                        LocalDate.parse("2026-11-20")), CaseStatus.NEOADJUVANT,
                        "Treatment recorded: NEOADJUVANT_CHEMOTHERAPY_STARTED on 2026-11-20"),
                row(CaseEventTypes.TREATMENT_RECORDED, new TreatmentRecorded("c", "SURGERY", LocalDate.parse("2026-12-01")),
                        CaseStatus.SURGERY, "Treatment recorded: SURGERY on 2026-12-01"),
                row(CaseEventTypes.TREATMENT_RECORDED, new TreatmentRecorded("c", "NOT_IMPLEMENTED", null), null,
                        "Treatment recorded: NOT_IMPLEMENTED"),
                row(CaseEventTypes.SURVEILLANCE_SCHEDULED, new SurveillanceScheduled("c", LocalDate.parse("2027-03-01")),
                        CaseStatus.SURVEILLANCE, "Surveillance scheduled; first visit due 2027-03-01"),
                row(CaseEventTypes.VISIT_RECORDED, new VisitRecorded("c", 1, LocalDate.parse("2027-03-02"), "NO_EVIDENCE_OF_DISEASE"),
                        null, "Surveillance visit 1 on 2027-03-02: no evidence of disease"),
                row(CaseEventTypes.VISIT_RECORDED, new VisitRecorded("c", 2, LocalDate.parse("2027-06-02"), "LOCAL_RECURRENCE"),
                        null, "Surveillance visit 2 on 2027-06-02: local recurrence"),
                row(CaseEventTypes.RECURRENCE_RECORDED, new RecurrenceRecorded("c", "LOCAL_RECURRENCE", LocalDate.parse("2027-03-02")),
                        CaseStatus.RECURRENCE, "Recurrence found (LOCAL_RECURRENCE); back to the board"),
                row(CaseEventTypes.CASE_DISCHARGED, new CaseDischarged("c"), CaseStatus.DISCHARGED, "Discharged from surveillance"),
                row(CaseEventTypes.BIOPSY_WAIVED, new org.tumorboard.events.BiopsyWaived("c"), null,
                        "Biopsy waived by the board's chair; staged clinically without a grade"));
    }

    private static <T extends org.tumorboard.events.CaseEventPayload> Arguments row(EventType<T> type, T payload, CaseStatus target, String summary) {
        return Arguments.of(type.name(), CaseEvent.create(type, "/test", "c", payload, T, 1), target, summary);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("events")
    void meaning(String type, CaseEvent event, CaseStatus target, String summary) {
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        assertEquals(Optional.ofNullable(target), meaning.target());
        assertEquals(summary, meaning.summary());
    }

    @Test
    void everyTypeOfTheContractIsCovered() {
        List<String> covered = events().map(a -> (String) a.get()[0]).toList();
        for (EventType<?> type : CaseEventTypes.ALL) {
            assertTrue(covered.contains(type.name()), "no meaning tested for " + type.name());
        }
    }

    @Test
    void anUnknownTypeMovesNothing() {
        CaseEvent event = new CaseEvent(java.util.UUID.randomUUID(), "/x", "tumorboard.board.something-new.v1", "c", T, 1, "{}");
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        assertFalse(meaning.target().isPresent());
        assertEquals("Event tumorboard.board.something-new.v1", meaning.summary());
    }
}
