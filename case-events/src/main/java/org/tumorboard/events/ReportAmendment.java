package org.tumorboard.events;

/**
 * A new version of a report, by the kind of report: what the union {@link ReportAmended} of the first waves reads as
 * ({@link ReportAmended#asSpecificAmendment()}), so a consumer switches over the two kinds with nothing left over.
 */
public sealed interface ReportAmendment extends PathologyFact permits BiopsyAmended, ResectionAmended {
}
