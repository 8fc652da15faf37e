package org.tumorboard.intake.rules;

import java.util.Optional;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.intake.CaseStatus;

/**
 * What each event of the contract means for the coordinator: the status it points to and the timeline's one-line
 * summary. Unknown types (a newer producer) get a neutral summary and move nothing.
 */
public final class CaseEventMeaning {

    /** Plan option that means the tumor is not resectable now (api-contract.md, plan options). */
    static final String NOT_RESECTABLE_OPTION = "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC";

    public record Meaning(Optional<CaseStatus> target, String summary) {
    }

    private CaseEventMeaning() {
    }

    public static Meaning of(CaseEvent event) {
        String type = event.type();
        if (event.is(CaseEventTypes.CASE_REFERRED)) {
            var p = event.payload(CaseEventTypes.CASE_REFERRED);
            return meaning(Boolean.FALSE.equals(p.workupComplete()) ? CaseStatus.WORKUP : CaseStatus.REFERRED,
                    "Referred by " + p.referringSite());
        }
        if (event.is(CaseEventTypes.IMAGING_UPDATED)) {
            var p = event.payload(CaseEventTypes.IMAGING_UPDATED);
            return meaning(null, "Imaging findings updated" + (p.missingWorkup() == null || p.missingWorkup().isEmpty()
                    ? "" : "; work-up still missing " + String.join(", ", p.missingWorkup())));
        }
        if (event.is(CaseEventTypes.WORKUP_COMPLETED)) {
            return meaning(CaseStatus.BIOPSY, "Work-up complete; awaiting pathology");
        }
        if (event.is(CaseEventTypes.CASE_WITHDRAWN)) {
            return meaning(CaseStatus.WITHDRAWN, "Withdrawn: " + event.payload(CaseEventTypes.CASE_WITHDRAWN).reason());
        }
        if (event.is(CaseEventTypes.BIOPSY_REPORTED)) {
            var p = event.payload(CaseEventTypes.BIOPSY_REPORTED);
            return meaning(CaseStatus.DIAGNOSED, "Biopsy reported: " + p.histology() + ", grade " + p.grade());
        }
        if (event.is(CaseEventTypes.REPORT_AMENDED)) {
            var p = event.payload(CaseEventTypes.REPORT_AMENDED);
            return meaning(null, "Pathology report amended (version " + p.version() + ")"
                    + (p.grade() == null ? "" : ": " + p.histology() + ", grade " + p.grade()));
        }
        if (event.is(CaseEventTypes.NON_SARCOMA_FLAGGED)) {
            var p = event.payload(CaseEventTypes.NON_SARCOMA_FLAGGED);
            return meaning(CaseStatus.NOT_SARCOMA, "Not a sarcoma"
                    + (p.findings() == null || p.findings().isEmpty() ? "" : ": " + String.join(", ", p.findings())));
        }
        if (event.is(CaseEventTypes.RESECTION_REPORTED)) {
            return meaning(null, "Resection reported: margin " + event.payload(CaseEventTypes.RESECTION_REPORTED).margin());
        }
        if (event.is(CaseEventTypes.CASE_STAGED)) {
            var p = event.payload(CaseEventTypes.CASE_STAGED);
            return meaning(CaseStatus.STAGED, "Staged " + p.prefix() + p.t() + " " + p.n() + " " + p.m() + " " + p.g()
                    + ": stage " + p.group());
        }
        if (event.is(CaseEventTypes.CASE_SCHEDULED)) {
            return meaning(CaseStatus.BOARD_SCHEDULED, "On the tumor board of " + event.payload(CaseEventTypes.CASE_SCHEDULED).meetingDate());
        }
        if (event.is(CaseEventTypes.PLAN_DECIDED)) {
            String option = event.payload(CaseEventTypes.PLAN_DECIDED).option();
            return meaning(NOT_RESECTABLE_OPTION.equals(option) ? CaseStatus.UNRESECTABLE : CaseStatus.PLAN_DECIDED,
                    "Board decided: " + option);
        }
        if (event.is(CaseEventTypes.TREATMENT_RECORDED)) {
            var p = event.payload(CaseEventTypes.TREATMENT_RECORDED);
            CaseStatus target = p.type() == null ? null
                    : p.type().startsWith("NEOADJUVANT_") ? CaseStatus.NEOADJUVANT
                    : p.type().equals("SURGERY") ? CaseStatus.SURGERY : null;
            return meaning(target, "Treatment recorded: " + p.type() + (p.date() == null ? "" : " on " + p.date()));
        }
        if (event.is(CaseEventTypes.SURVEILLANCE_SCHEDULED)) {
            return meaning(CaseStatus.SURVEILLANCE, "Surveillance scheduled; first visit due "
                    + event.payload(CaseEventTypes.SURVEILLANCE_SCHEDULED).firstVisitDue());
        }
        if (event.is(CaseEventTypes.RECURRENCE_RECORDED)) {
            var p = event.payload(CaseEventTypes.RECURRENCE_RECORDED);
            return meaning(CaseStatus.RECURRENCE, "Recurrence found (" + p.outcome() + "); back to the board");
        }
        if (event.is(CaseEventTypes.CASE_DISCHARGED)) {
            return meaning(CaseStatus.DISCHARGED, "Discharged from surveillance");
        }
        return meaning(null, "Event " + type);
    }

    private static Meaning meaning(CaseStatus target, String summary) {
        return new Meaning(Optional.ofNullable(target), summary);
    }
}
