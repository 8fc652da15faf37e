package org.tumorboard.events;

/**
 * Every payload of the contract. Decoding an event ({@link CaseEvent#payload()}) returns one of these, so a consumer is
 * a pattern {@code switch} with one named handler per event: the compiler then shows what a service ignores. A type
 * this build does not know (a newer producer's) decodes as {@link Unknown}.
 */
public sealed interface CaseEventPayload permits
        // intake-service
        CaseReferred, ImagingUpdated, WorkupCompleted, WorkupReopened, CaseWithdrawn,
        // pathology-service
        BiopsyReported, ResectionReported, BiopsyAmended, ResectionAmended, ReportAmended, NonSarcomaFlagged,
        SarcomaDiagnosisRestored,
        // staging-service
        CaseStaged,
        // board-service
        CaseScheduled, PlanDecided, TreatmentRecorded, SurveillanceScheduled, VisitRecorded, RecurrenceRecorded, CaseDischarged,
        BiopsyWaived,
        // anything else
        Unknown {
}
