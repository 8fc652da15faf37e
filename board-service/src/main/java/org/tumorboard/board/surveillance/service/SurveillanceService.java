package org.tumorboard.board.surveillance.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.SurveillanceVisit;
import org.tumorboard.board.VisitOutcome;
import org.tumorboard.board.agenda.service.PlacesReadyCases;
import org.tumorboard.board.decision.rules.PlanSuggestions;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.SurveillanceRepository;
import org.tumorboard.board.repository.TreatmentRepository;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule;
import org.tumorboard.board.surveillance.rules.VisitState;
import org.tumorboard.events.CaseDischarged;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.SurveillanceScheduled;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.outbox.Outbox;

import io.quarkus.logging.Log;
import org.tumorboard.board.service.BoardViews;

/** Surveillance after resection (rps-reference.md section 6): the schedule, the visits, recurrence, discharge. */
@ApplicationScoped
public class SurveillanceService {

    public record VisitView(int number, int month, LocalDate due, List<String> exams, VisitState.State state, LocalDate doneOn,
            VisitOutcome outcome) {
    }

    public record VisitCommand(@NotNull LocalDate date, @NotNull VisitOutcome outcome, @Size(max = 4000) String notes) {
    }

    public record Schedule(UUID caseId, SurveillanceSchedule.Track track, LocalDate surgeryDate, boolean inSurveillance, boolean discharged,
            List<VisitView> visits) {
    }

    public record DueVisit(UUID caseId, String referringSite, int number, LocalDate due, List<String> exams, VisitState.State state,
            long daysOverdue) {
    }

    @Inject
    SurveillanceRepository visits;

    @Inject
    BoardCaseRepository cases;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    org.tumorboard.board.config.BoardPolicies policies;

    @Inject
    BoardViews views;

    @Inject
    TreatmentRepository treatments;

    @Inject
    JsonWebToken caller;


    /**
     * The resection is reported: routine surveillance from the surgery date, unless the margin is R2 or the surgeon
     * stated gross residual disease, in which case the case goes back to the board.
     */
    @Transactional(TxType.MANDATORY)
    public void resectionReported(BoardCase c, boolean grossResidualMargin, Instant reportedAt) {
        if (c.inSurveillance || c.discharged || !visits.ofCase(c.caseId).stream().filter(v -> v.doneOn == null).toList().isEmpty()) {
            return;
        }
        if (c.phase == Lifecycle.Phase.OFF_PATHWAY || c.phase == Lifecycle.Phase.WITHDRAWN) {
            Log.infof("case %s is %s: no sarcoma surveillance", c.caseId, c.phase);
            return;
        }
        if (grossResidualMargin || Boolean.TRUE.equals(c.grossResidual)
                || c.decidedOption == PlanOption.DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC) {
            Log.infof("case %s: gross residual disease, or a resection under an unresectable plan: back to the board", c.caseId);
            c.reopen();
            return;
        }
        followFrom(c, c.surgeryDate != null ? c.surgeryDate : LocalDate.ofInstant(reportedAt, ZoneOffset.UTC));
    }

    /**
     * The patient is followed from this operation on the track of record: the whole schedule planned, numbered after the
     * visits a case keeps from before (a recurrence, a schedule ended or replaced in an earlier round), and published.
     */
    private void followFrom(BoardCase c, LocalDate surgery) {
        SurveillanceSchedule.Track track = track(c);
        List<SurveillanceSchedule.Visit> schedule = SurveillanceSchedule.visits(surgery, track, policies.surveillance());
        int number = visits.ofCase(c.caseId).stream().mapToInt(v -> v.number).max().orElse(0);
        for (SurveillanceSchedule.Visit v : schedule) {
            persistVisit(c, ++number, v);
        }
        c.surveillanceStarted(track);
        outbox.publish(CaseEventTypes.SURVEILLANCE_SCHEDULED, c.caseId.toString(),
                new SurveillanceScheduled(c.caseId.toString(), schedule.get(0).due()));
    }

    /**
     * The resection report was amended while the patient is followed: an R2 margin sends the case back to the board
     * (open visits dropped); a specimen histology or grade that changes the track re-plans the visits not yet done,
     * from the surgery date, after the last one done (issue 19, item 4).
     */
    @Transactional(TxType.MANDATORY)
    public void resectionAmended(BoardCase c, boolean grossResidualMargin) {
        if (!c.inSurveillance) {
            return;
        }
        if (grossResidualMargin) {
            endAndReturnToBoard(c);
            Log.infof("case %s: resection amended to R2, back to the board", c.caseId);
            return;
        }
        SurveillanceSchedule.Track track = track(c);
        if (track == c.surveillanceTrack) {
            return;
        }
        List<SurveillanceVisit> planned = visits.ofCase(c.caseId);
        if (planned.isEmpty()) {
            return;
        }
        // The schedule counts from the day it was planned from: the surgery, or the report when no surgery was recorded.
        LocalDate from = c.surgeryDate != null ? c.surgeryDate : planned.get(0).due.minusMonths(planned.get(0).month);
        // visits done before this schedule's operation (an earlier resection's) do not count towards it
        int lastMonth = planned.stream().filter(v -> v.doneOn != null && !v.doneOn.isBefore(from)).mapToInt(v -> v.month).max()
                .orElse(0);
        visits.deleteOpen(c.caseId);
        visits.flush();
        int number = visits.ofCase(c.caseId).stream().mapToInt(v -> v.number).max().orElse(0);
        for (SurveillanceSchedule.Visit v : SurveillanceSchedule.visits(from, track, policies.surveillance())) {
            if (v.month() > lastMonth) {
                persistVisit(c, ++number, v);
            }
        }
        Log.infof("case %s: surveillance re-planned from %s to %s after the resection was amended", c.caseId, c.surveillanceTrack,
                track);
        c.retracked(track);
    }

    /** The surgeon stated gross residual disease after surveillance started: open visits dropped, back to the board. */
    @Transactional(TxType.MANDATORY)
    public void grossResidualStated(BoardCase c) {
        endAndReturnToBoard(c);
        Log.infof("case %s: gross residual disease stated after the report, back to the board", c.caseId);
    }

    /**
     * A re-resection decided in a new round while the patient is still followed (issue 20, path 7): the visits not yet
     * done are planned again from the new operation, on the track of record, after the visits already done; gross
     * residual disease stated with it sends the case back to the board instead.
     */
    @Transactional(TxType.MANDATORY)
    public void reResected(BoardCase c, LocalDate surgery, boolean grossResidual) {
        if (grossResidual) {
            grossResidualStated(c);
            return;
        }
        visits.deleteOpen(c.caseId);
        visits.flush();
        followFrom(c, surgery);
        Log.infof("case %s: surveillance planned again from the re-resection of %s", c.caseId, surgery);
    }

    /** The open visits are dropped and the case goes back to the board: a recurrence, or gross residual disease. */
    private void endAndReturnToBoard(BoardCase c) {
        visits.deleteOpen(c.caseId);
        c.surveillanceEnded();
        c.reopen();
    }

    /** The track the patient is followed on: the governing histology and grade, after neoadjuvant therapy the pre-treatment one. */
    private SurveillanceSchedule.Track track(BoardCase c) {
        PathologyOfRecord record = c.pathologyOfRecord(treatments.neoadjuvantGiven(c.caseId));
        return SurveillanceSchedule.track(record.grade(), record.histology());
    }

    private void persistVisit(BoardCase c, int number, SurveillanceSchedule.Visit v) {
        SurveillanceVisit visit = new SurveillanceVisit();
        visit.id = UUID.randomUUID();
        visit.caseId = c.caseId;
        visit.number = number;
        visit.month = v.month();
        visit.due = v.due();
        visit.exams = v.exams().stream().map(Enum::name).toList();
        visits.persist(visit);
    }

    /** The nurse records a visit: the earliest open one is done; a recurrence sends the case back to the board. */
    @Transactional
    @Audited(value = "SURVEILLANCE_VISIT", creates = true)
    @PlacesReadyCases
    public VisitView recordVisit(UUID caseId, @NotNull(message = "a visit body is required") @Valid VisitCommand command) {
        BoardCase c = views.visibleCase(caseId);
        LocalDate date = command.date();
        VisitOutcome outcome = command.outcome();
        String notes = command.notes();
        String by = caller.getName();
        c.command(Lifecycle.Trigger.RECORD_VISIT);
        boolean afterDischarge = c.phase == Lifecycle.Phase.DISCHARGED;
        if (afterDischarge && outcome == VisitOutcome.NO_EVIDENCE_OF_DISEASE) {
            throw new Conflict("case " + c.caseId + " is discharged: after discharge only a recurrence is recorded");
        }
        if (!afterDischarge && !c.inSurveillance) {
            throw new Conflict("Not in surveillance", "Case " + c.caseId + " is " + c.phase + ": no surveillance schedule runs",
                    Map.of("phase", c.phase.name()));
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("date", "must not be in the future");
        }
        if (c.surgeryDate != null && date.isBefore(c.surgeryDate)) {
            throw new InvalidInput("date", "must not be before the surgery of " + c.surgeryDate);
        }
        List<SurveillanceVisit> open = visits.ofCase(c.caseId).stream().filter(v -> v.doneOn == null).toList();
        if (!afterDischarge && open.isEmpty()) {
            throw new Conflict("No visit due", "Case " + c.caseId + " is " + c.phase + ": its surveillance schedule has no open visit",
                    Map.of("phase", c.phase.name()));
        }
        // After discharge the recurrence is an unscheduled visit, numbered after the schedule (issue 20, path 8).
        SurveillanceVisit visit = afterDischarge ? unscheduledVisit(c, date) : open.get(0);
        visit.doneOn = date;
        visit.outcome = outcome;
        visit.notes = notes;
        visit.recordedBy = by;
        // Every visit, for the read models that keep the disease status at each one (issue 23); a recurrence also below.
        outbox.publish(CaseEventTypes.VISIT_RECORDED, c.caseId.toString(),
                new VisitRecorded(c.caseId.toString(), visit.number, date, outcome.name()));
        if (outcome != VisitOutcome.NO_EVIDENCE_OF_DISEASE) {
            outbox.publish(CaseEventTypes.RECURRENCE_RECORDED, c.caseId.toString(),
                    new RecurrenceRecorded(c.caseId.toString(), outcome.name(), date));
            c.recurred(outcome == VisitOutcome.DISTANT_METASTASIS ? PlanSuggestions.Recurrence.DISTANT
                    : PlanSuggestions.Recurrence.LOCAL);
            endAndReturnToBoard(c);
            Log.infof("case %s: %s, back to the board", c.caseId, outcome);
        } else if (open.size() == 1 && c.phase != Lifecycle.Phase.IN_SURVEILLANCE) {
            // The schedule is complete while the case is discussed again: the new round decides, not the last visit.
            c.surveillanceEnded();
            Log.infof("case %s: last visit done while the case is %s: no discharge", c.caseId, c.phase);
        } else if (open.size() == 1) {
            c.discharge();
            outbox.publish(CaseEventTypes.CASE_DISCHARGED, c.caseId.toString(), new CaseDischarged(c.caseId.toString()));
        }
        return view(visit, LocalDate.now(clock));
    }

    private SurveillanceVisit unscheduledVisit(BoardCase c, LocalDate date) {
        List<SurveillanceVisit> planned = visits.ofCase(c.caseId);
        SurveillanceVisit visit = new SurveillanceVisit();
        visit.id = UUID.randomUUID();
        visit.caseId = c.caseId;
        visit.number = planned.size() + 1;
        LocalDate from = c.surgeryDate != null ? c.surgeryDate
                : planned.isEmpty() ? date : planned.get(0).due.minusMonths(planned.get(0).month);
        visit.month = (int) java.time.temporal.ChronoUnit.MONTHS.between(from, date);
        visit.due = date;
        visit.exams = List.of();
        visits.persist(visit);
        return visit;
    }

    /** The case's surveillance track and every visit with its state. */
    @Transactional
    public Schedule scheduleOf(UUID caseId) {
        BoardCase c = views.visibleCase(caseId);
        return new Schedule(caseId, c.surveillanceTrack, c.surgeryDate, c.inSurveillance, c.discharged, schedule(caseId));
    }

    List<VisitView> schedule(UUID caseId) {
        LocalDate today = LocalDate.now(clock);
        return visits.ofCase(caseId).stream().map(v -> view(v, today)).toList();
    }

    /** Open visits due within the window or overdue, overdue first; {@code site} null for every site. */
    @Transactional
    public List<DueVisit> due(int withinDays, String site) {
        return duePage(withinDays, site, java.util.Set.of(), 0, Integer.MAX_VALUE).items();
    }

    /** How many open visits are overdue (due more than the grace days ago), counted in SQL. */
    @Transactional
    public long countOverdue(String site) {
        return visits.countOpenDueBy(LocalDate.now(clock).minusDays(policies.graceDays() + 1L), site, java.util.Set.of());
    }

    /** A page of the nurses' worklist. */
    public record DuePage(List<DueVisit> items, int page, int size, long total) {
    }

    /**
     * The visits due within the window or overdue, a page at a time, paged in SQL. Overdue visits are those due
     * earliest (due plus the grace days before today), so the order by due date puts them first.
     */
    @Transactional
    public DuePage duePage(int withinDays, String site, java.util.Set<UUID> cases, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        LocalDate by = today.plusDays(withinDays);
        List<DueVisit> items = visits.openDueBy(by, site, cases, page, size).stream()
                .map(row -> {
                    SurveillanceVisit v = row.visit();
                    return new DueVisit(v.caseId, row.referringSite(), v.number, v.due, v.exams,
                            VisitState.of(v.due, false, today, policies.graceDays()),
                            Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(v.due.plusDays(policies.graceDays()), today)));
                })
                .toList();
        long total = size == Integer.MAX_VALUE ? items.size() : visits.countOpenDueBy(by, site, cases);
        return new DuePage(items, page, size, total);
    }

    private VisitView view(SurveillanceVisit v, LocalDate today) {
        return new VisitView(v.number, v.month, v.due, v.exams, VisitState.of(v.due, v.doneOn != null, today, policies.graceDays()), v.doneOn,
                v.outcome);
    }
}
