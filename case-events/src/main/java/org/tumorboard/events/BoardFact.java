package org.tumorboard.events;

/**
 * The facts board-service publishes on {@link Topics#BOARD}: a consumer of that topic switches over these alone.
 * {@link Unknown} is a type of a newer board this build does not know.
 */
public sealed interface BoardFact extends CaseEventPayload permits CaseScheduled, PlanDecided, TreatmentRecorded,
        SurveillanceScheduled, VisitRecorded, RecurrenceRecorded, CaseDischarged, BiopsyWaived, Unknown {
}
