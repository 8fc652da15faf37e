package org.tumorboard.intake.rules;

import java.util.Optional;

import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.BiopsyWaived;
import org.tumorboard.events.CaseDischarged;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.CaseWithdrawn;
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
import org.tumorboard.events.Unknown;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;
import org.tumorboard.intake.CaseStatus;

/**
 * What each event of the contract means for the coordinator: the status it points to and the timeline's one-line
 * summary. Unknown types (a newer producer) get a neutral summary and move nothing.
 */
public final class CaseEventMeaning {

    public record Meaning(Optional<CaseStatus> target, String summary) {
    }

    private CaseEventMeaning() {
    }

    public static Meaning of(CaseEvent event) {
        return switch (event.payload()) {
            case CaseReferred p -> meaning(Boolean.FALSE.equals(p.workupComplete()) ? CaseStatus.WORKUP : CaseStatus.REFERRED,
                    "Referred by " + p.referringSite());
            case ImagingUpdated p -> meaning(null, "Imaging findings updated" + (p.missingWorkup() == null || p.missingWorkup().isEmpty()
                    ? "" : "; work-up still missing " + String.join(", ", p.missingWorkup())));
            case WorkupCompleted p -> meaning(CaseStatus.BIOPSY, "Work-up complete; awaiting pathology");
            case WorkupReopened p -> meaning(null, "Work-up incomplete again with grade " + p.grade() + ": "
                    + String.join(", ", p.missing()) + " needed before the board");
            case CaseWithdrawn p -> meaning(CaseStatus.WITHDRAWN, "Withdrawn: " + p.reason());
            case BiopsyReported p -> meaning(CaseStatus.DIAGNOSED, "Biopsy reported: " + diagnosis(p.histology(), p.grade()));
            case BiopsyAmended p -> amended(p.version(), p.histology(), p.grade());
            case ResectionAmended p -> amended(p.version(), null, null);
            case ReportAmended p -> amended(p.version(), p.histology(), p.grade());
            case NonSarcomaFlagged p -> meaning(CaseStatus.NOT_SARCOMA, "Not a sarcoma"
                    + (p.findings() == null || p.findings().isEmpty() ? "" : ": " + String.join(", ", p.findings())));
            case SarcomaDiagnosisRestored p -> meaning(null, "Back on the sarcoma pathway: pathology report amended (version "
                    + p.version() + ") to " + p.histology());
            case ResectionReported p -> meaning(null, "Resection reported: margin " + p.margin()
                    + (p.histology() == null && p.grade() == null ? "" : "; specimen " + diagnosis(p.histology(), p.grade())));
            case CaseStaged p -> meaning(CaseStatus.STAGED, "Staged " + p.prefix() + p.t() + " " + p.n() + " " + p.m() + " " + p.g()
                    + ": stage " + p.group());
            case CaseScheduled p -> meaning(CaseStatus.BOARD_SCHEDULED, "On the tumor board of " + p.meetingDate());
            case PlanDecided p -> meaning(p.notResectable() ? CaseStatus.UNRESECTABLE : CaseStatus.PLAN_DECIDED,
                    "Board decided: " + p.option());
            case TreatmentRecorded p -> meaning(p.isNeoadjuvant() ? CaseStatus.NEOADJUVANT : p.isSurgery() ? CaseStatus.SURGERY : null,
                    "Treatment recorded: " + p.type() + (p.date() == null ? "" : " on " + p.date()));
            case SurveillanceScheduled p -> meaning(CaseStatus.SURVEILLANCE, "Surveillance scheduled; first visit due " + p.firstVisitDue());
            case VisitRecorded p -> meaning(null, "Surveillance visit " + p.number() + " on " + p.visitDate() + ": "
                    + p.outcome().replace('_', ' ').toLowerCase());
            case RecurrenceRecorded p -> meaning(CaseStatus.RECURRENCE, "Recurrence found (" + p.outcome() + "); back to the board");
            case CaseDischarged p -> meaning(CaseStatus.DISCHARGED, "Discharged from surveillance");
            case BiopsyWaived p -> meaning(null, "Biopsy waived by the board's chair; staged clinically without a grade");
            case Unknown p -> meaning(null, "Event " + p.type());
        };
    }

    /**
     * An amendment, whichever of its two types brought it (pathology publishes both while consumers move): the same
     * summary for both, so that the timeline shows it once.
     */
    private static Meaning amended(int version, String histology, String grade) {
        return meaning(null, "Pathology report amended (version " + version + ")"
                + (histology == null ? "" : ": " + diagnosis(histology, grade)));
    }

    /** Histology and grade as the timeline says them; a non-sarcoma has no FNCLCC grade. */
    private static String diagnosis(String histology, String grade) {
        return (histology == null ? "histology as before" : histology) + ", " + (grade == null ? "no FNCLCC grade" : "grade " + grade);
    }

    private static Meaning meaning(CaseStatus target, String summary) {
        return new Meaning(Optional.ofNullable(target), summary);
    }
}
