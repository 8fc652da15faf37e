package org.tumorboard.pathology.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.BiopsyWaived;
import org.tumorboard.events.BoardFact;
import org.tumorboard.events.CaseDischarged;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseWithdrawn;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.IntakeFact;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.SurveillanceScheduled;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.events.Unknown;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;
import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyCase.Awaiting;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.platform.messaging.CaseEventHandler;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.logging.Log;

/** The worklist follows the case: referred -> biopsy report awaited; surgery recorded -> resection report awaited. */
@ApplicationScoped
public class WorklistService implements CaseEventHandler {

    public record WorklistItem(UUID caseId, String referringSite, PathologyCase.Awaiting awaiting, Instant waitingSince,
            long waitingDays) {
    }

    @Inject
    PathologyCaseRepository cases;

    @Inject
    SiteScope siteScope;

    @Inject
    Clock clock;

    /** A page of the worklist. */
    public record WorklistPage(List<WorklistItem> items, int page, int size, long total) {
    }

    /**
     * The worklist a page at a time, paged and filtered in SQL: the kind of report awaited, the start of a case's id
     * (the 8 characters the screens show; a pathologist sees no identity), a spoke's pathologist their own site's.
     */
    @Transactional
    public WorklistPage page(PathologyCase.Awaiting awaiting, String caseIdStart, int page, int size) {
        Instant now = clock.instant();
        String prefix = caseIdStart == null ? null
                : caseIdStart.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var query = cases.waiting(siteScope.restrictFilter(null), awaiting, prefix).page(page, size);
        List<WorklistItem> items = query.list().stream()
                .map(c -> new WorklistItem(c.caseId, c.referringSite, c.awaiting, c.awaitingSince,
                        Duration.between(c.awaitingSince, now).toDays()))
                .toList();
        return new WorklistPage(items, page, size, query.count());
    }

    /** What waits for a report, oldest first, with the days it has waited; a spoke's pathologist sees their own site's. */
    public List<WorklistItem> items() {
        Instant now = clock.instant();
        return cases.worklist(siteScope.restrictFilter(null)).stream()
                .map(c -> new WorklistItem(c.caseId, c.referringSite, c.awaiting, c.awaitingSince,
                        Duration.between(c.awaitingSince, now).toDays()))
                .toList();
    }

    /** Runs inside the consumer's inbox transaction. */
    @Override
    @Transactional(TxType.MANDATORY)
    public void intake(CaseEvent event, IntakeFact fact) {
        switch (fact) {
            case CaseReferred p -> referred(event, p);
            case CaseWithdrawn p -> cases.findByIdOptional(event.caseUuid())
                    .orElseGet(() -> newCase(event.caseUuid(), Awaiting.NOTHING, event.time()))
                    .withdrawn(event.time());
            // Nothing for the worklist (and types from a newer intake).
            case ImagingUpdated p -> { }
            case WorkupCompleted p -> { }
            case WorkupReopened p -> { }
            case Unknown p -> { }
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void board(CaseEvent event, BoardFact fact) {
        switch (fact) {
            case TreatmentRecorded p -> {
                if (p.isSurgery()) {
                    surgeryRecorded(event);
                }
            }
            // The chair waived the biopsy: no biopsy report is awaited any more (issue 20, path 5).
            case BiopsyWaived p -> cases.findByIdOptional(event.caseUuid())
                    .ifPresent(c -> c.reported(Awaiting.BIOPSY_REPORT, event.time()));
            // Nothing for the worklist (and types from a newer board).
            case CaseScheduled p -> { }
            case PlanDecided p -> { }
            case SurveillanceScheduled p -> { }
            case VisitRecorded p -> { }
            case RecurrenceRecorded p -> { }
            case CaseDischarged p -> { }
            case Unknown p -> { }
        }
    }

    private void referred(CaseEvent event, CaseReferred referred) {
        PathologyCase c = cases.findByIdOptional(event.caseUuid()).orElse(null);
        if (c == null) {
            c = newCase(event.caseUuid(), Awaiting.BIOPSY_REPORT, event.time());
            Log.infof("case %s on the biopsy worklist", c.caseId);
        }
        // A case first seen through a later event keeps what that event set; the referral adds who and when.
        c.referringSite = referred.siteFor(c.referringSite);
        c.referredAt = referred.referredAt();
    }

    private void surgeryRecorded(CaseEvent event) {
        PathologyCase c = cases.findByIdOptional(event.caseUuid())
                .orElseGet(() -> newCase(event.caseUuid(), Awaiting.RESECTION_REPORT, event.time()));
        c.surgeryRecorded(event.time());
        Log.infof("case %s on the resection worklist", c.caseId);
    }

    private PathologyCase newCase(UUID caseId, Awaiting awaiting, Instant since) {
        PathologyCase c = new PathologyCase();
        c.caseId = caseId;
        c.awaiting = awaiting;
        c.awaitingSince = since;
        cases.persist(c);
        return c;
    }
}
