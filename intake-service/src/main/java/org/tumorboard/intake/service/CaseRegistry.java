package org.tumorboard.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventPayload;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PathologyFact;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Unknown;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.rules.CaseEventMeaning;
import org.tumorboard.intake.rules.WorkupChecklist;
import org.tumorboard.platform.messaging.CaseEventHandler;
import org.tumorboard.platform.messaging.RetryLaterException;
import org.tumorboard.platform.outbox.Outbox;

import io.quarkus.logging.Log;

/** Keeps every case's status and timeline from the events of all four services. */
@ApplicationScoped
public class CaseRegistry implements CaseEventHandler {

    @Inject
    CaseRepository cases;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Runs inside the consumer's inbox transaction. */
    @Override
    @Transactional(TxType.MANDATORY)
    public void handle(CaseEvent event) {
        apply(event, true);
    }

    /** A replayed event (a rebuild): applied like a live one, but nothing is published again. */
    @Transactional(TxType.MANDATORY)
    void replayed(CaseEvent event) {
        apply(event, false);
    }

    private void apply(CaseEvent event, boolean live) {
        UUID caseId = event.caseUuid();
        IntakeCase c = cases.findByIdOptional(caseId)
                .orElseThrow(() -> new RetryLaterException("case " + caseId + " is not known to intake-service"));
        if (c.hasTimelineEntry(event.id())) {
            return; // our own event, recorded when it was emitted
        }
        CaseEventPayload payload = event.payload();
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        boolean workupWasComplete = c.missingWorkup().isEmpty();
        // Pathology's verdict on whether it is a sarcoma at all, and its restore, by pathology's commit order: an older
        // verdict delivered late goes on the timeline but moves nothing (issue 22, item 5).
        boolean staleVerdict = (payload instanceof NonSarcomaFlagged || payload instanceof SarcomaDiagnosisRestored)
                && !c.pathwayVerdict(event);
        // Pathology's facts say more than the status: the grade, amendments, a restored diagnosis. Every other topic's
        // events move only the status and the timeline.
        boolean amendment = Sources.PATHOLOGY.equals(event.source())
                && pathology(c, event, event.payload(PathologyFact.class), staleVerdict);
        // Pathology publishes each amendment as two types while consumers move to the new ones: one timeline entry.
        if (!(amendment && c.hasTimelineSummary(meaning.summary()))) {
            c.addTimelineEntry(event.id(), event.type(), event.time(), meaning.summary());
        }
        if (!staleVerdict && c.moveStatus(meaning.target(), event.time())) {
            Log.infof("case %s is now %s (%s)", c.caseId, c.status, event.type());
        }
        if (live) {
            reviewWorkup(c, workupWasComplete);
        }
    }

    /** What pathology's fact says beyond the status; true for an amendment (one timeline entry for its two types). */
    private static boolean pathology(IntakeCase c, CaseEvent event, PathologyFact fact, boolean staleVerdict) {
        return switch (fact) {
            case BiopsyReported p -> {
                c.gradeReported(event, p.grade());
                yield false;
            }
            case BiopsyAmended p -> {
                c.gradeReported(event, p.grade());
                yield true;
            }
            case ReportAmended p -> {
                if (p.grade() != null) {
                    c.gradeReported(event, p.grade());
                }
                yield true;
            }
            case ResectionAmended p -> true;
            case SarcomaDiagnosisRestored p -> {
                // pathology's sequence decided it is the newest verdict: a flag dated ahead of it does not hold it back
                Instant at = event.time().isBefore(c.statusSince) ? c.statusSince : event.time();
                if (!staleVerdict && c.returnToPathway(at)) {
                    Log.infof("case %s back on the sarcoma pathway (%s)", c.caseId, p.histology());
                }
                yield false;
            }
            // the status and the timeline say the rest
            case ResectionReported p -> false;
            case NonSarcomaFlagged p -> false;
            case Unknown p -> false;
        };
    }

    /**
     * Work-up is re-evaluated whenever the grade arrives or changes (rps-reference.md section 8): a chest radiograph
     * suffices only for G1, so a grade that is not G1 reopens it and G1 completes it. Each change is an event of
     * intake's, on the timeline, so the board follows it.
     */
    private void reviewWorkup(IntakeCase c, boolean wasComplete) {
        List<WorkupChecklist.Item> missing = c.missingWorkup();
        if (!c.isOpen() || wasComplete == missing.isEmpty()) {
            return;
        }
        String caseId = c.caseId.toString();
        CaseEvent own = missing.isEmpty()
                ? outbox.publish(CaseEventTypes.WORKUP_COMPLETED, caseId, new WorkupCompleted(caseId, clock.instant()))
                : outbox.publish(CaseEventTypes.WORKUP_REOPENED, caseId,
                        new WorkupReopened(caseId, missing.stream().map(Enum::name).toList(), c.knownGrade, clock.instant()));
        c.recordOwn(own);
        Log.infof("case %s: work-up %s with grade %s", c.caseId, missing.isEmpty() ? "complete" : "incomplete again " + missing,
                c.knownGrade);
    }
}
