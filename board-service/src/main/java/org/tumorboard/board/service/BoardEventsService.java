package org.tumorboard.board.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.agenda.service.PlacesReadyCases;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.DecisionRepository;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.CaseWithdrawn;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.IntakeFact;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PathologyFact;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.StagingFact;
import org.tumorboard.events.Unknown;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;
import org.tumorboard.platform.messaging.CaseEventHandler;

import io.quarkus.logging.Log;
import org.tumorboard.board.surveillance.service.SurveillanceService;

/**
 * What the other services tell the board about a case. The case record is created by whichever event arrives first,
 * so the inputs commute; after each event every ready case that waits is placed on an agenda.
 */
@ApplicationScoped
public class BoardEventsService implements CaseEventHandler {

    @Inject
    BoardCaseRepository cases;

    @Inject
    SurveillanceService surveillance;

    @Inject
    DecisionRepository decisions;

    /** Runs inside the consumer's inbox transaction. */
    @Override
    @Transactional(TxType.MANDATORY)
    @PlacesReadyCases
    public void handle(CaseEvent event) {
        CaseEventHandler.super.handle(event);
    }

    @Override
    public void intake(CaseEvent event, IntakeFact fact) {
        factsChanged(event, switch (fact) {
            case CaseReferred p -> referred(event, p);
            case WorkupCompleted p -> workupCompleted(event);
            case WorkupReopened p -> workupReopened(event, p);
            case CaseWithdrawn p -> withdrawn(event);
            case ImagingUpdated p -> imaged(event, p);
            case Unknown p -> false;
        });
    }

    @Override
    public void pathology(CaseEvent event, PathologyFact fact) {
        factsChanged(event, switch (fact) {
            case BiopsyReported p -> biopsyReported(event, p);
            case BiopsyAmended p -> biopsyAmended(event, p);
            case SarcomaDiagnosisRestored p -> backOnPathway(event, p);
            case ResectionReported p -> resectionReported(event, p);
            case ReportAmended p -> p.asSpecificAmendment() instanceof BiopsyAmended biopsy
                    && caseOf(event).pathologyReported(event, biopsy.histology(), biopsy.grade());
            case NonSarcomaFlagged p -> nonSarcomaFlagged(event, p);
            case ResectionAmended p -> resectionAmended(event, p);
            case Unknown p -> false;
        });
    }

    @Override
    public void staging(CaseEvent event, StagingFact fact) {
        factsChanged(event, switch (fact) {
            case CaseStaged p -> staged(event, p);
            case Unknown p -> false;
        });
    }

    /** After a fact that may change readiness: ready for the board or not (BoardCase#factsChanged). */
    private void factsChanged(CaseEvent event, boolean changed) {
        if (changed) {
            cases.findByIdOptional(event.caseUuid()).ifPresent(BoardCase::factsChanged);
        }
    }

    private boolean referred(CaseEvent event, CaseReferred p) {
        BoardCase c = caseOf(event);
        c.referred(p.siteFor(c.referringSite), p.referredAt());
        c.imaged(event, p.imaging(), p.biopsyIndicated());
        return true;
    }

    /** Vessels, organs abutted and a solid enhancing component: shown on the board's view, checked against pathology. */
    private boolean imaged(CaseEvent event, ImagingUpdated p) {
        caseOf(event).imaged(event, p.imaging(), p.biopsyIndicated());
        return false;
    }

    private boolean workupCompleted(CaseEvent event) {
        caseOf(event).workupCompleted();
        return true;
    }

    /** Intake reopened the work-up (a chest CT is needed): not ready, and off an agenda while undecided. */
    private boolean workupReopened(CaseEvent event, WorkupReopened p) {
        caseOf(event).workupReopened(p.missing());
        return true;
    }

    private boolean withdrawn(CaseEvent event) {
        caseOf(event).withdraw();
        return true;
    }

    private boolean biopsyReported(CaseEvent event, BiopsyReported p) {
        BoardCase c = caseOf(event);
        c.biopsyReported(event, p.alerts());
        c.pathologyReported(event, p.histology(), p.grade());
        return true;
    }

    /** The amended report's alerts replace the earlier ones (a discordance found on review shows on the agenda). */
    private boolean biopsyAmended(CaseEvent event, BiopsyAmended p) {
        BoardCase c = caseOf(event);
        c.biopsyReported(event, p.alerts());
        c.pathologyReported(event, p.histology(), p.grade());
        return true;
    }

    /** The pathologist amended the not-sarcoma histology back to a sarcoma: the case waits for the board again. */
    private boolean backOnPathway(CaseEvent event, SarcomaDiagnosisRestored p) {
        BoardCase c = caseOf(event);
        if (!c.pathwayVerdict(event)) {
            Log.infof("case %s: a restore pathology committed before its latest verdict, delivered late, changes nothing", c.caseId);
            return false;
        }
        c.backOnPathway();
        Log.infof("case %s back on the sarcoma pathway (%s), round %d", c.caseId, p.histology(), c.discussionRound);
        return true;
    }

    private boolean resectionReported(CaseEvent event, ResectionReported p) {
        BoardCase c = caseOf(event);
        boolean newest = c.specimenReported(event, p.margin(), p.histology(), p.grade(), p.alerts());
        if (newest && c.inSurveillance) {
            // A re-resection's report while the patient is still followed (issue 20, path 7): an R2 margin sends the case
            // back to the board, a new histology or grade re-plans the open visits, as an amendment does.
            surveillance.resectionAmended(c, c.specimenGrossResidual());
        } else {
            // The newest version held decides: an R2 amendment that arrived before its original is not undone by it.
            surveillance.resectionReported(c, c.specimenGrossResidual(), event.time());
        }
        return true;
    }

    /** The specimen's diagnosis or margin changed: the follow-up follows it (issue 19, item 4). */
    private boolean resectionAmended(CaseEvent event, ResectionAmended p) {
        BoardCase c = caseOf(event);
        if (c.specimenReported(event, p.margin(), p.histology(), p.grade(), p.alerts())) {
            surveillance.resectionAmended(c, p.grossResidual());
        }
        return true;
    }

    private boolean nonSarcomaFlagged(CaseEvent event, NonSarcomaFlagged p) {
        BoardCase c = caseOf(event);
        if (!c.pathwayVerdict(event)) {
            Log.infof("case %s: a not-sarcoma flag pathology committed before its latest verdict, delivered late, changes nothing", c.caseId);
            return false;
        }
        String reason = p.findings() == null || p.findings().isEmpty() ? "pathology: not a sarcoma" : String.join("; ", p.findings());
        c.offPathway(reason);
        // A plan decided for a sarcoma is withdrawn by the fact: kept on record, superseded, with the reason (issue 20).
        decisions.of(c.caseId, c.discussionRound).ifPresent(d -> d.supersede("not a sarcoma: " + reason, event.time()));
        return true;
    }

    private boolean staged(CaseEvent event, CaseStaged p) {
        caseOf(event).staged(event, p.prefix(), p.group(), p.metastatic(), p.failurePattern());
        return true;
    }

    private BoardCase caseOf(CaseEvent event) {
        UUID caseId = event.caseUuid();
        return cases.findByIdOptional(caseId).orElseGet(() -> {
            BoardCase created = BoardCase.firstHeardOf(caseId);
            cases.persist(created);
            return created;
        });
    }
}
