package org.tumorboard.board.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;

import io.quarkus.logging.Log;

/**
 * What the other services tell the board about a case. The case record is created by whichever event arrives first,
 * so the inputs commute; after each event every ready case that waits is placed on an agenda.
 */
@ApplicationScoped
public class BoardEventsService {

    @Inject
    BoardCaseRepository cases;

    @Inject
    AgendaService agenda;

    @Inject
    SurveillanceService surveillance;

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(TxType.MANDATORY)
    public void apply(CaseEvent event) {
        if (event.is(CaseEventTypes.CASE_REFERRED)) {
            var p = event.payload(CaseEventTypes.CASE_REFERRED);
            BoardCase c = caseOf(event);
            c.referringSite = p.referringSite();
            c.referredAt = p.referredAt();
        } else if (event.is(CaseEventTypes.WORKUP_COMPLETED)) {
            caseOf(event).workupComplete = true;
        } else if (event.is(CaseEventTypes.CASE_WITHDRAWN)) {
            BoardCase c = caseOf(event);
            c.withdrawn = true;
            c.meetingId = null;
        } else if (event.is(CaseEventTypes.BIOPSY_REPORTED)) {
            var p = event.payload(CaseEventTypes.BIOPSY_REPORTED);
            BoardCase c = caseOf(event);
            c.biopsyReported = true;
            c.alerts = p.alerts() == null ? null : String.join(",", p.alerts());
            pathology(c, event.time(), p.histology(), p.grade());
        } else if (event.is(CaseEventTypes.REPORT_AMENDED)) {
            var p = event.payload(CaseEventTypes.REPORT_AMENDED);
            if ("BIOPSY".equals(p.reportKind())) {
                pathology(caseOf(event), event.time(), p.histology(), p.grade());
            }
        } else if (event.is(CaseEventTypes.RESECTION_REPORTED)) {
            surveillance.resectionReported(caseOf(event), event.payload(CaseEventTypes.RESECTION_REPORTED).margin(), event.time());
        } else if (event.is(CaseEventTypes.NON_SARCOMA_FLAGGED)) {
            var p = event.payload(CaseEventTypes.NON_SARCOMA_FLAGGED);
            BoardCase c = caseOf(event);
            c.nonSarcoma = true;
            c.nonSarcomaReason = p.findings() == null ? "pathology flagged a non-sarcoma" : String.join("; ", p.findings());
            if (c.decidedOption == null) {
                c.meetingId = null; // off the sarcoma agenda, with the reason on the case
            }
        } else if (event.is(CaseEventTypes.CASE_STAGED)) {
            var p = event.payload(CaseEventTypes.CASE_STAGED);
            BoardCase c = caseOf(event);
            if (c.stagedAt == null || !event.time().isBefore(c.stagedAt)) {
                c.staged = true;
                c.stageGroup = p.group();
                c.metastatic = "M1".equals(p.m());
                c.failurePattern = p.failurePattern();
                c.stagedAt = event.time();
            }
        } else {
            return;
        }
        cases.flush();
        agenda.placeWaitingCases();
    }

    /** Grade and histology; a change after the decision brings the case back for a new round. */
    private void pathology(BoardCase c, Instant time, String histology, String grade) {
        if (c.gradeAt != null && time.isBefore(c.gradeAt)) {
            return;
        }
        boolean changed = c.gradeAt != null && (!Objects.equals(c.histology, histology) || !Objects.equals(c.grade, grade));
        c.histology = histology;
        c.grade = grade;
        c.gradeAt = time;
        if (changed && c.decidedOption != null) {
            c.reopen();
            Log.infof("case %s back to the board: pathology amended to %s %s", c.caseId, histology, grade);
        }
    }

    private BoardCase caseOf(CaseEvent event) {
        UUID caseId = event.caseUuid();
        return cases.findByIdOptional(caseId).orElseGet(() -> {
            BoardCase created = new BoardCase();
            created.caseId = caseId;
            cases.persist(created);
            return created;
        });
    }
}
