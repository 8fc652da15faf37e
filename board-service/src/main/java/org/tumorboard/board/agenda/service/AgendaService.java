package org.tumorboard.board.agenda.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Meeting;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.MeetingRepository;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.events.BiopsyWaived;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.logging.Log;
import org.tumorboard.board.service.BoardViews;

/**
 * Meetings and their agendas: a ready case goes on the earliest open meeting with room, oldest referral first. The
 * chair's use cases on them: plan and close a meeting, move a case, waive its biopsy, reopen it.
 */
@ApplicationScoped
public class AgendaService {

    /** A meeting as the chair plans it; {@code startTime} and {@code room} optional. */
    public record MeetingCommand(@NotNull LocalDate date, @NotNull @Min(1) @Max(100) Integer capacity, LocalTime startTime,
            @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String room) {
    }

    public record MeetingView(UUID meetingId, LocalDate date, int capacity, long scheduled, boolean closed, LocalTime startTime,
            String room, boolean cancelled) {
    }

    /** One agenda line: what the board needs to see at a glance. */
    public record AgendaItem(UUID caseId, String referringSite, String stageGroup, String histology, String grade,
            String failurePattern, List<String> alerts, Long daysSinceReferral, PlanOption decidedOption, String chairReview) {
    }

    public record Agenda(MeetingView meeting, List<AgendaItem> cases) {
    }

    /** A reason the chair records: why no biopsy is needed, why the case is discussed again. */
    public record ChairReason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record MoveCommand(@NotNull UUID meetingId) {
    }

    @Inject
    BoardCaseRepository cases;

    @Inject
    MeetingRepository meetings;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BoardViews views;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    @Transactional
    @Audited(value = "MEETING_CREATE", creates = true)
    @PlacesReadyCases
    public UUID createMeeting(@NotNull(message = "a meeting body is required") @Valid MeetingCommand meeting) {
        Meeting m = create(meeting.date(), meeting.capacity(), caller.getName());
        m.startTime = meeting.startTime();
        m.room = blankToNull(meeting.room());
        return m.id;
    }

    /**
     * The chair moves a meeting to another day, time or room, or changes its capacity; the cases on its agenda stay on
     * it. A meeting cannot shrink below the cases it holds (move some first), nor move into the past.
     */
    @Transactional
    @Audited("MEETING_RESCHEDULE")
    @PlacesReadyCases
    public MeetingView reschedule(UUID meetingId, @NotNull(message = "a meeting body is required") @Valid MeetingCommand plan) {
        Meeting m = meetings.findByIdOptional(meetingId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("meeting " + meetingId));
        if (m.closed) {
            throw new Conflict("Meeting closed", "meeting " + meetingId + " is " + (m.cancelled ? "cancelled" : "closed"),
                    Map.of("meetingId", meetingId));
        }
        if (plan.date().isBefore(LocalDate.now(clock))) {
            throw new InvalidInput("date", "must not be in the past");
        }
        long scheduled = cases.countOnAgenda(meetingId);
        if (plan.capacity() < scheduled) {
            throw new Conflict("Capacity below agenda", "meeting " + meetingId + " has " + scheduled
                    + " cases on its agenda: move some before lowering its capacity to " + plan.capacity(),
                    Map.of("meetingId", meetingId, "scheduled", scheduled), List.of(new Conflict.FieldHint("capacity",
                            "must be at least " + scheduled + ", the cases on its agenda")));
        }
        boolean moved = !plan.date().equals(m.date);
        m.date = plan.date();
        m.capacity = plan.capacity();
        m.startTime = plan.startTime();
        m.room = blankToNull(plan.room());
        if (moved) {
            // Every service that heard of the old date (intake's timeline, the referring site) hears of the new one.
            for (BoardCase c : cases.onAgenda(meetingId)) {
                if (c.decidedOption == null) {
                    outbox.publish(CaseEventTypes.CASE_SCHEDULED, c.caseId.toString(),
                            new CaseScheduled(c.caseId.toString(), m.id.toString(), m.date));
                }
            }
        }
        return view(m);
    }

    /** The chair cancels a meeting that will not take place: it closes, its undecided cases go to the next with room. */
    @Transactional
    @Audited("MEETING_CANCEL")
    @PlacesReadyCases
    public MeetingView cancel(UUID meetingId) {
        Meeting m = close(meetingId);
        m.cancelled = true;
        return view(m);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One meeting, with the cases on its agenda counted. */
    @Transactional
    public MeetingView meeting(UUID meetingId) {
        return view(meetings.findByIdOptional(meetingId).orElseThrow(() -> new NotFound("meeting " + meetingId)));
    }

    @Transactional
    public List<MeetingView> meetings(LocalDate from, LocalDate to) {
        return meetings.between(from, to).stream().map(this::view).toList();
    }

    /** The meeting's agenda; a spoke's user sees only its own site's lines. */
    @Transactional
    public Agenda agenda(UUID meetingId) {
        Meeting m = meetings.findByIdOptional(meetingId).orElseThrow(() -> new NotFound("meeting " + meetingId));
        List<AgendaItem> items = cases.onAgenda(meetingId).stream()
                .filter(c -> siteScope.canSee(c.referringSite))
                .map(this::item)
                .toList();
        return new Agenda(view(m), items);
    }

    @Transactional
    @Audited("MEETING_CLOSE")
    @PlacesReadyCases
    public MeetingView closeMeeting(UUID meetingId) {
        return view(close(meetingId));
    }

    @Transactional
    @Audited("MEETING_MOVE")
    @PlacesReadyCases
    public BoardViews.BoardView move(UUID caseId, @NotNull @Valid MoveCommand move) {
        return views.view(move(views.visibleCase(caseId), move.meetingId()));
    }

    /** The chair records why no biopsy is needed; the readiness gate then accepts the case without one. */
    @Transactional
    @Audited("BIOPSY_WAIVER")
    @PlacesReadyCases
    public void waiveBiopsy(UUID caseId, @NotNull @Valid ChairReason waiver) {
        BoardCase c = views.visibleCase(caseId);
        if (Boolean.TRUE.equals(c.biopsyIndicated)) {
            throw new Conflict("Biopsy indicated", "Case " + caseId + ": a biopsy is indicated (neoadjuvant therapy is considered"
                    + " or a non-sarcoma is suspected), so it is not waived", Map.of("phase", c.phase.name()));
        }
        if (c.waiveBiopsy(waiver.reason()) && !c.biopsyReported) {
            // Staging grades the case GX until pathology reports (issue 20, path 5); pathology's worklist lets it go.
            outbox.publish(CaseEventTypes.BIOPSY_WAIVED, c.caseId.toString(), new BiopsyWaived(c.caseId.toString()));
        }
        c.factsChanged();
    }

    /** The chair brings a decided case back for a new round of discussion; the old round stays on record. */
    @Transactional
    @Audited("REOPEN")
    @PlacesReadyCases
    public void reopen(UUID caseId, @NotNull @Valid ChairReason reason) {
        BoardCase c = views.visibleCase(caseId);
        if (c.decidedOption == null && c.phase != Lifecycle.Phase.OFF_PATHWAY && c.phase != Lifecycle.Phase.WITHDRAWN) {
            throw new Conflict("case " + caseId + " has no decision to reopen");
        }
        c.command(Lifecycle.Trigger.REOPEN);
        Log.infof("case %s reopened by the chair for round %d", caseId, c.discussionRound + 1);
        c.reopen();
    }

    @Transactional
    @PlacesReadyCases
    public Meeting create(LocalDate date, int capacity, String by) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw new InvalidInput("date", "must not be in the past");
        }
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.date = date;
        m.capacity = capacity;
        m.createdAt = clock.instant();
        m.createdBy = by;
        meetings.persist(m);
        return m;
    }

    /** Closes the meeting; its undecided cases move to the next meeting with room. */
    Meeting close(UUID meetingId) {
        // Locked as placement locks it: a case is never placed on a meeting being closed or cancelled.
        Meeting m = meetings.findByIdOptional(meetingId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("meeting " + meetingId));
        if (m.closed) {
            throw new Conflict("meeting " + meetingId + " is already closed");
        }
        m.closed = true;
        for (BoardCase c : cases.onAgenda(meetingId)) {
            if (c.decidedOption == null) {
                c.meetingClosedUndecided();
            }
        }
        return m;
    }

    /** The chair moves a case to another open meeting that has room. */
    BoardCase move(BoardCase c, UUID meetingId) {
        if (c.decidedOption != null) {
            throw new Conflict("case " + c.caseId + " is decided; reopen it to discuss it again");
        }
        if (c.readiness().ready()) {
            c.command(Lifecycle.Trigger.MOVE);
        }
        if (!c.readiness().ready()) {
            throw new Conflict("case " + c.caseId + " is not ready for the agenda: " + c.readiness().missing());
        }
        Meeting target = meetings.findByIdOptional(meetingId, LockModeType.PESSIMISTIC_WRITE)
                .filter(m -> !m.closed)
                .orElseThrow(() -> new InvalidInput("meetingId", "must be an open meeting"));
        if (!target.id.equals(c.meetingId) && cases.countOnAgenda(target.id) >= target.capacity) {
            throw new Conflict("Meeting full", "meeting " + meetingId + " is full (" + target.capacity + " cases)",
                    Map.of("meetingId", meetingId, "capacity", target.capacity));
        }
        schedule(c, target);
        return c;
    }

    /**
     * Places every ready case that waits, in referral order, on the earliest open meeting with room. Called only by
     * {@link Placement}, once per unit of work.
     */
    @Transactional(TxType.MANDATORY)
    void placeWaitingCases() {
        cases.flush();
        List<BoardCase> waiting = cases.waiting().stream().filter(BoardCase::awaitsPlacement).toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<Meeting> open = meetings.openFrom(LocalDate.now(clock));
        for (BoardCase c : waiting) {
            for (Meeting m : open) {
                // Locking the meeting row serializes placements across replicas, so capacity holds.
                Meeting locked = meetings.findById(m.id, LockModeType.PESSIMISTIC_WRITE);
                if (!locked.closed && cases.countOnAgenda(locked.id) < locked.capacity) {
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
        c.place(m.id);
        cases.flush();
        outbox.publish(CaseEventTypes.CASE_SCHEDULED, c.caseId.toString(),
                new CaseScheduled(c.caseId.toString(), m.id.toString(), m.date));
        Log.infof("case %s on the agenda of %s", c.caseId, m.date);
    }

    private AgendaItem item(BoardCase c) {
        Long days = c.referredAt == null ? null : Duration.between(c.referredAt, clock.instant()).toDays();
        List<String> alerts = c.allAlerts();
        return new AgendaItem(c.caseId, c.referringSite, c.stageGroup, c.histology, c.grade, c.failurePattern, alerts, days,
                c.decidedOption, c.chairReview);
    }

    /** A meeting as the caller may see it: a spoke's user counts only its own site's cases on the agenda (issue 24). */
    private MeetingView view(Meeting m) {
        String site = siteScope.restrictFilter(null);
        return new MeetingView(m.id, m.date, m.capacity, site == null ? cases.countOnAgenda(m.id) : cases.countOnAgenda(m.id, site),
                m.closed, m.startTime, m.room, m.cancelled);
    }
}
