package org.tumorboard.events;

import java.util.List;
import java.util.Optional;


/**
 * The registry of every event type in the contract. Each producing service owns its payloads and may add optional
 * fields; a breaking change is a new version ({@code .v2}) published beside the old one while consumers move.
 */
public final class CaseEventTypes {

    // intake-service
    public static final EventType<CaseReferred> CASE_REFERRED =
            new EventType<>("tumorboard.intake.case-referred.v1", Topics.INTAKE, CaseReferred.class);
    public static final EventType<ImagingUpdated> IMAGING_UPDATED =
            new EventType<>("tumorboard.intake.imaging-updated.v1", Topics.INTAKE, ImagingUpdated.class);
    public static final EventType<WorkupCompleted> WORKUP_COMPLETED =
            new EventType<>("tumorboard.intake.workup-completed.v1", Topics.INTAKE, WorkupCompleted.class);
    public static final EventType<WorkupReopened> WORKUP_REOPENED =
            new EventType<>("tumorboard.intake.workup-reopened.v1", Topics.INTAKE, WorkupReopened.class);
    public static final EventType<CaseWithdrawn> CASE_WITHDRAWN =
            new EventType<>("tumorboard.intake.case-withdrawn.v1", Topics.INTAKE, CaseWithdrawn.class);

    // pathology-service
    public static final EventType<BiopsyReported> BIOPSY_REPORTED =
            new EventType<>("tumorboard.pathology.biopsy-reported.v1", Topics.PATHOLOGY, BiopsyReported.class);
    public static final EventType<ResectionReported> RESECTION_REPORTED =
            new EventType<>("tumorboard.pathology.resection-reported.v1", Topics.PATHOLOGY, ResectionReported.class);
    public static final EventType<ReportAmended> REPORT_AMENDED =
            new EventType<>("tumorboard.pathology.report-amended.v1", Topics.PATHOLOGY, ReportAmended.class);
    public static final EventType<BiopsyAmended> BIOPSY_AMENDED =
            new EventType<>("tumorboard.pathology.biopsy-amended.v1", Topics.PATHOLOGY, BiopsyAmended.class);
    public static final EventType<ResectionAmended> RESECTION_AMENDED =
            new EventType<>("tumorboard.pathology.resection-amended.v1", Topics.PATHOLOGY, ResectionAmended.class);
    public static final EventType<NonSarcomaFlagged> NON_SARCOMA_FLAGGED =
            new EventType<>("tumorboard.pathology.non-sarcoma-flagged.v1", Topics.PATHOLOGY, NonSarcomaFlagged.class);
    public static final EventType<SarcomaDiagnosisRestored> SARCOMA_DIAGNOSIS_RESTORED =
            new EventType<>("tumorboard.pathology.sarcoma-diagnosis-restored.v1", Topics.PATHOLOGY, SarcomaDiagnosisRestored.class);

    // staging-service
    public static final EventType<CaseStaged> CASE_STAGED =
            new EventType<>("tumorboard.staging.case-staged.v1", Topics.STAGING, CaseStaged.class);

    // board-service
    public static final EventType<CaseScheduled> CASE_SCHEDULED =
            new EventType<>("tumorboard.board.case-scheduled.v1", Topics.BOARD, CaseScheduled.class);
    public static final EventType<PlanDecided> PLAN_DECIDED =
            new EventType<>("tumorboard.board.plan-decided.v1", Topics.BOARD, PlanDecided.class);
    public static final EventType<TreatmentRecorded> TREATMENT_RECORDED =
            new EventType<>("tumorboard.board.treatment-recorded.v1", Topics.BOARD, TreatmentRecorded.class);
    public static final EventType<SurveillanceScheduled> SURVEILLANCE_SCHEDULED =
            new EventType<>("tumorboard.board.surveillance-scheduled.v1", Topics.BOARD, SurveillanceScheduled.class);
    public static final EventType<VisitRecorded> VISIT_RECORDED =
            new EventType<>("tumorboard.board.visit-recorded.v1", Topics.BOARD, VisitRecorded.class);
    public static final EventType<RecurrenceRecorded> RECURRENCE_RECORDED =
            new EventType<>("tumorboard.board.recurrence-recorded.v1", Topics.BOARD, RecurrenceRecorded.class);
    public static final EventType<CaseDischarged> CASE_DISCHARGED =
            new EventType<>("tumorboard.board.case-discharged.v1", Topics.BOARD, CaseDischarged.class);
    public static final EventType<BiopsyWaived> BIOPSY_WAIVED =
            new EventType<>("tumorboard.board.biopsy-waived.v1", Topics.BOARD, BiopsyWaived.class);

    public static final List<EventType<?>> ALL = List.of(
            CASE_REFERRED, IMAGING_UPDATED, WORKUP_COMPLETED, WORKUP_REOPENED, CASE_WITHDRAWN,
            BIOPSY_REPORTED, RESECTION_REPORTED, REPORT_AMENDED, BIOPSY_AMENDED, RESECTION_AMENDED, NON_SARCOMA_FLAGGED, SARCOMA_DIAGNOSIS_RESTORED,
            CASE_STAGED,
            CASE_SCHEDULED, PLAN_DECIDED, TREATMENT_RECORDED, SURVEILLANCE_SCHEDULED, VISIT_RECORDED, RECURRENCE_RECORDED,
            CASE_DISCHARGED, BIOPSY_WAIVED);

    private CaseEventTypes() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
