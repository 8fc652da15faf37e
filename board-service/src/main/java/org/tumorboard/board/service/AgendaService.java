package org.tumorboard.board.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Meeting;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.MeetingRepository;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.board.CaseScheduled;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.problem.ProblemException;

import io.quarkus.logging.Log;

/** Meetings and their agendas: a ready case goes on the earliest open meeting with room, oldest referral first. */
@ApplicationScoped
public class AgendaService {

    @Inject
    BoardCaseRepository cases;

    @Inject
    MeetingRepository meetings;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Meeting create(LocalDate date, int capacity, String by) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw ProblemException.invalidField("date", "must not be in the past");
        }
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.date = date;
        m.capacity = capacity;
        m.createdAt = clock.instant();
        m.createdBy = by;
        meetings.persist(m);
        placeWaitingCases();
        return m;
    }

    /** Closes the meeting; its undecided cases move to the next meeting with room. */
    @Transactional
    public Meeting close(UUID meetingId) {
        Meeting m = meetings.findByIdOptional(meetingId).orElseThrow(() -> ProblemException.notFound("meeting " + meetingId));
        if (m.closed) {
            throw ProblemException.conflict("meeting " + meetingId + " is already closed");
        }
        m.closed = true;
        for (BoardCase c : cases.onAgenda(meetingId)) {
            if (c.decidedOption == null) {
                c.meetingId = null;
            }
        }
        cases.flush();
        placeWaitingCases();
        return m;
    }

    /** The chair moves a case to another open meeting that has room. */
    @Transactional
    public BoardCase move(BoardCase c, UUID meetingId) {
        if (c.decidedOption != null) {
            throw ProblemException.conflict("case " + c.caseId + " is decided; reopen it to discuss it again");
        }
        if (!c.readiness().ready()) {
            throw ProblemException.conflict("case " + c.caseId + " is not ready for the agenda: " + c.readiness().missing());
        }
        Meeting target = meetings.findByIdOptional(meetingId, LockModeType.PESSIMISTIC_WRITE)
                .filter(m -> !m.closed)
                .orElseThrow(() -> ProblemException.invalidField("meetingId", "must be an open meeting"));
        if (!target.id.equals(c.meetingId) && cases.countOnAgenda(target.id) >= target.capacity) {
            throw ProblemException.conflict("meeting " + meetingId + " is full (" + target.capacity + " cases)");
        }
        schedule(c, target);
        return c;
    }

    /** Places every ready case that waits, in referral order, on the earliest open meeting with room. */
    @Transactional(TxType.MANDATORY)
    public void placeWaitingCases() {
        List<BoardCase> waiting = cases.waiting().stream().filter(BoardCase::awaitsPlacement).toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<Meeting> open = meetings.openFrom(LocalDate.now(clock));
        for (BoardCase c : waiting) {
            for (Meeting m : open) {
                // Locking the meeting row serializes placements across replicas, so capacity holds.
                Meeting locked = meetings.findById(m.id, LockModeType.PESSIMISTIC_WRITE);
                if (cases.countOnAgenda(locked.id) < locked.capacity) {
                    schedule(c, locked);
                    break;
                }
            }
            if (c.meetingId == null) {
                Log.infof("case %s is ready but no open meeting has room", c.caseId);
            }
        }
    }

    private void schedule(BoardCase c, Meeting m) {
        c.meetingId = m.id;
        cases.flush();
        outbox.publish(CaseEventTypes.CASE_SCHEDULED, c.caseId.toString(),
                new CaseScheduled(c.caseId.toString(), m.id.toString(), m.date));
        Log.infof("case %s on the agenda of %s", c.caseId, m.date);
    }
}
