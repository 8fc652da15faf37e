package org.tumorboard.staging.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.BiopsyWaived;
import org.tumorboard.events.BoardFact;
import org.tumorboard.events.CaseDischarged;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.CaseWithdrawn;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.IntakeFact;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PathologyFact;
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
import org.tumorboard.platform.messaging.CaseEventHandler;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.staging.Staging;
import org.tumorboard.staging.StagingCase;
import org.tumorboard.staging.repository.StagingCaseRepository;
import org.tumorboard.staging.repository.StagingRepository;
import org.tumorboard.staging.rules.CaseStagingRule;

import io.quarkus.logging.Log;

/** Takes each input from the event that brings it and re-stages the case whenever an input changes. */
@ApplicationScoped
public class StagingInputsService implements CaseEventHandler {

    @Inject
    StagingCaseRepository cases;

    @Inject
    StagingRepository stagings;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Runs inside the consumer's inbox transaction. */
    @Override
    @Transactional(TxType.MANDATORY)
    public void intake(CaseEvent event, IntakeFact fact) {
        switch (fact) {
            case CaseReferred p -> {
                StagingCase c = caseOf(event);
                c.referringSite = p.siteFor(c.referringSite);
                c.clinical(event, p.greatestDimensionCm(), p.suspiciousNodes(), p.distantLesions());
                restage(c, event);
            }
            case ImagingUpdated p -> {
                StagingCase c = caseOf(event);
                c.clinical(event, p.greatestDimensionCm(), p.suspiciousNodes(), p.distantLesions());
                restage(c, event);
            }
            // Not staging inputs (and types from a newer intake).
            case WorkupCompleted p -> { }
            case WorkupReopened p -> { }
            case CaseWithdrawn p -> { }
            case Unknown p -> { }
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void pathology(CaseEvent event, PathologyFact fact) {
        switch (fact) {
            case BiopsyReported p -> grading(event, p.grade(), p.histology());
            case BiopsyAmended p -> grading(event, p.grade(), p.histology());
            case ResectionReported p -> resection(event, new StagingCase.Specimen(p.greatestDimensionCm(), p.nodesExamined(),
                    p.nodesPositive(), p.histology(), p.grade(), p.treatmentEffectPercent()));
            case ResectionAmended p -> resection(event, specimen(p));
            case ReportAmended p -> {
                switch (p.asSpecificAmendment()) {
                    case ResectionAmended r -> {
                        StagingCase c = caseOf(event);
                        c.legacyResectionAmendment(event, r.greatestDimensionCm(), r.nodesExamined(), r.nodesPositive());
                        restage(c, event);
                    }
                    case BiopsyAmended b -> grading(event, b.grade(), b.histology());
                }
            }
            // Not staging inputs (and types from a newer pathology).
            case NonSarcomaFlagged p -> { }
            case SarcomaDiagnosisRestored p -> { }
            case Unknown p -> { }
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void board(CaseEvent event, BoardFact fact) {
        switch (fact) {
            case BiopsyWaived p -> {
                StagingCase c = caseOf(event);
                c.biopsyWaived(event);
                restage(c, event);
            }
            case TreatmentRecorded p -> {
                StagingCase c = caseOf(event);
                if (p.isNeoadjuvant()) {
                    c.neoadjuvantTherapy(event);
                    restage(c, event);
                }
            }
            case RecurrenceRecorded p -> {
                StagingCase c = caseOf(event);
                c.recurrence(event, p.outcome());
                restage(c, event);
            }
            // Not staging inputs (and types from a newer board).
            case CaseScheduled p -> { }
            case PlanDecided p -> { }
            case SurveillanceScheduled p -> { }
            case VisitRecorded p -> { }
            case CaseDischarged p -> { }
            case Unknown p -> { }
        }
    }

    private void grading(CaseEvent event, String grade, String histology) {
        StagingCase c = caseOf(event);
        c.grading(event, grade, histology);
        restage(c, event);
    }

    private void resection(CaseEvent event, StagingCase.Specimen specimen) {
        StagingCase c = caseOf(event);
        c.resection(event, specimen);
        restage(c, event);
    }

    private static StagingCase.Specimen specimen(ResectionAmended p) {
        return new StagingCase.Specimen(p.greatestDimensionCm(), p.nodesExamined(), p.nodesPositive(), p.histology(), p.grade(),
                p.treatmentEffectPercent());
    }

    /** Records a new staging when the evaluation is complete and differs from the latest one. */
    private void restage(StagingCase c, CaseEvent trigger) {
        CaseStagingRule.Evaluation evaluation = CaseStagingRule.evaluate(c.facts());
        if (!evaluation.complete()) {
            return;
        }
        Optional<Staging> latest = stagings.latest(c.caseId);
        List<String> changed = latest
                .map(previous -> CaseStagingRule.changed(previous.prefix, previous.inputs, evaluation.prefix(), evaluation.inputs()))
                .orElse(List.of("initial"));
        if (changed.isEmpty()) {
            return;
        }
        var stage = evaluation.stage();
        Staging s = new Staging();
        s.id = UUID.randomUUID();
        s.caseId = c.caseId;
        s.prefix = evaluation.prefix();
        s.t = stage.t();
        s.n = stage.n();
        s.m = stage.m();
        s.g = stage.g();
        s.group = stage.group();
        s.edition = stage.edition();
        s.failurePattern = evaluation.failurePattern() == null ? null : evaluation.failurePattern().pattern();
        s.inputs = evaluation.inputs();
        s.changed = changed;
        s.triggerEventId = trigger.id();
        s.stagedAt = clock.instant();
        stagings.persist(s);
        outbox.publish(CaseEventTypes.CASE_STAGED, c.caseId.toString(), new CaseStaged(c.caseId.toString(), s.prefix,
                s.t.name(), s.n.name(), s.m.name(), s.g.name(), s.group.name(), s.edition,
                s.failurePattern == null ? null : s.failurePattern.name(), changed));
        Log.infof("case %s staged %s%s %s %s %s: %s (changed: %s)", c.caseId, s.prefix, s.t, s.n, s.m, s.g, s.group, changed);
    }

    /** The case's record, created by whichever of its events arrives first: staging's inputs commute. */
    private StagingCase caseOf(CaseEvent event) {
        UUID caseId = event.caseUuid();
        return cases.findByIdOptional(caseId).orElseGet(() -> {
            StagingCase created = new StagingCase();
            created.caseId = caseId;
            cases.persist(created);
            return created;
        });
    }
}
