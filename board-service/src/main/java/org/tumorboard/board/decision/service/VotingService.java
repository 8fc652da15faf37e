package org.tumorboard.board.decision.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Decision;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.Meeting;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.RecordedVote;
import org.tumorboard.board.Vote;
import org.tumorboard.board.config.BoardConfig;
import org.tumorboard.board.decision.rules.BoardDecision;
import org.tumorboard.board.repository.DecisionRepository;
import org.tumorboard.board.repository.MeetingRepository;
import org.tumorboard.board.repository.VoteRepository;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.board.service.BoardViews;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.NotPermitted;
import org.tumorboard.platform.outbox.Outbox;


/** Votes and the chair's decision (rps-reference.md section 5, board rules). */
@ApplicationScoped
public class VotingService {

    /** A vote as it stands in a decision's record; {@code dissent}: it was for another option. */

    @Inject
    VoteRepository votes;

    @Inject
    DecisionRepository decisions;

    @Inject
    MeetingRepository meetings;

    @Inject
    BoardConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BoardViews views;

    @Inject
    JsonWebToken caller;

    @Inject
    org.tumorboard.platform.security.SiteScope siteScope;

    /** The caller's name as their account gives it ({@code name}), for people to read beside the login; null if none. */
    private String callersName() {
        Object name = caller.getClaim("name");
        if (!(name instanceof String s) || s.isBlank()) {
            return null;
        }
        String clean = s.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    /** "My cases to vote on": the signed-in member's, of the member's own site for a spoke's member. */
    @Transactional
    public List<VoteRepository.Pending> pendingForCaller() {
        return votes.pendingFor(caller.getName(), siteScope.restrictFilter(null));
    }

    public record VoteCommand(@NotNull PlanOption option, @NotBlank @Size(max = 2000) String rationale) {
    }

    /**
     * A board member's vote for this round, in the discipline the token names; one vote per member per case and round,
     * a later vote replacing the member's earlier one until the decision.
     */
    @Transactional
    @Audited(value = "VOTE", creates = true)
    public BoardViews.BoardView vote(UUID caseId, @NotNull(message = "a vote body is required") @Valid VoteCommand vote) {
        Discipline discipline = callersDiscipline();
        BoardCase c = views.visibleCase(caseId);
        String member = caller.getName();
        PlanOption option = vote.option();
        String rationale = vote.rationale();
        requireOnOpenAgenda(c);
        if (c.decidedOption != null) {
            throw new Conflict("case " + c.caseId + " is already decided (" + c.decidedOption + ")");
        }
        c.command(Lifecycle.Trigger.VOTE);
        Vote v = votes.byMember(c.caseId, c.discussionRound, member).orElse(null);
        boolean first = v == null;
        if (first) {
            v = new Vote();
            v.id = UUID.randomUUID();
            v.caseId = c.caseId;
            v.round = c.discussionRound;
            v.member = member;
        }
        // Every field before persist(): Hibernate takes the INSERT's values at persist time.
        v.discipline = discipline;
        v.memberName = callersName();
        v.option = option;
        v.rationale = rationale;
        v.castAt = clock.instant();
        if (first) {
            votes.persist(v);
        }
        return views.view(c);
    }

    /** The chair closes the round: quorum of the core disciplines and a strict majority, or a 409 saying which is missing. */
    @Transactional
    @Audited(value = "DECISION", creates = true)
    public BoardViews.DecisionView decide(UUID caseId) {
        BoardCase c = views.visibleCase(caseId);
        String chair = caller.getName();
        requireOnOpenAgenda(c);
        if (c.decidedOption != null) {
            throw new Conflict("case " + c.caseId + " is already decided (" + c.decidedOption + ")");
        }
        c.command(Lifecycle.Trigger.DECIDE);
        List<Vote> cast = votes.ofRound(c.caseId, c.discussionRound);
        BoardDecision.Outcome outcome = BoardDecision.decide(
                cast.stream().map(v -> new BoardDecision.Vote(v.member, v.discipline, v.option)).toList(), config.coreDisciplines());
        if (!outcome.quorum()) {
            throw new Conflict("No quorum", "Quorum not met: no vote yet from " + outcome.missingDisciplines(),
                    Map.of("missingDisciplines", outcome.missingDisciplines(), "counts", outcome.counts(),
                            "votesCast", outcome.votesCast()));
        }
        if (outcome.decided() == null) {
            throw new Conflict("No majority", "No option has a strict majority of the " + outcome.votesCast()
                    + " votes cast: " + outcome.counts(),
                    Map.of("counts", outcome.counts(), "votesCast", outcome.votesCast()));
        }
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.caseId = c.caseId;
        d.round = c.discussionRound;
        d.option = outcome.decided();
        d.votes = cast.stream().map(v -> new RecordedVote(v.member, v.discipline, v.option, v.rationale,
                v.option != outcome.decided(), v.memberName)).toList();
        d.decidedAt = clock.instant();
        d.decidedBy = chair;
        d.decidedByName = callersName();
        decisions.persist(d);
        c.decided(d.option, java.time.LocalDate.now(clock));
        outbox.publish(CaseEventTypes.PLAN_DECIDED, c.caseId.toString(), new PlanDecided(c.caseId.toString(), d.option.name(),
                votes(outcome, d.votes)));
        return views.view(d);
    }

    /** How the round voted, for the event: counts and each dissent's discipline and option, never who or why (issue 23). */
    private static PlanDecided.Votes votes(BoardDecision.Outcome outcome, List<RecordedVote> cast) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        outcome.counts().forEach((option, count) -> counts.put(option.name(), count));
        return new PlanDecided.Votes(outcome.votesCast(), counts, cast.stream().filter(RecordedVote::dissent)
                .map(v -> new PlanDecided.Dissent(v.discipline().name(), v.option().name())).toList());
    }

    private Discipline callersDiscipline() {
        Object claim = caller.getClaim("discipline");
        try {
            return Discipline.valueOf(String.valueOf(claim));
        } catch (IllegalArgumentException e) {
            throw new NotPermitted("only board members of a core discipline vote; the token carries no valid discipline");
        }
    }

    private void requireOnOpenAgenda(BoardCase c) {
        Meeting m = c.meetingId == null ? null : meetings.findById(c.meetingId);
        if (m == null || m.closed) {
            throw new Conflict("case " + c.caseId + " is not on the agenda of an open meeting"
                    + (c.readiness().ready() ? "" : "; it is not ready: " + c.readiness().missing()));
        }
    }
}
