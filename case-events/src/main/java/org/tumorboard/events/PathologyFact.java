package org.tumorboard.events;

/**
 * The facts pathology-service publishes on {@link Topics#PATHOLOGY}: a consumer of that topic switches over these
 * alone. {@link ReportAmended} is the union amendment of the first waves, read from history only: new amendments are
 * published as their typed events alone. {@link Unknown} is a type of a newer pathology this build does not know.
 */
public sealed interface PathologyFact extends CaseEventPayload permits BiopsyReported, ResectionReported, ReportAmendment,
        ReportAmended, NonSarcomaFlagged, SarcomaDiagnosisRestored, Unknown {
}
