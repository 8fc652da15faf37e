package org.tumorboard.board.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Decision;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.Meeting;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.Vote;
import org.tumorboard.board.config.BoardConfig;
import org.tumorboard.board.repository.DecisionRepository;
import org.tumorboard.board.repository.MeetingRepository;
import org.tumorboard.board.repository.VoteRepository;
import org.tumorboard.board.rules.BoardDecision;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.board.PlanDecided;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Votes and the chair's decision (rps-reference.md section 5, board rules). */
@ApplicationScoped
public class VotingService {

    /** A vote as it stands in a decision's record; {@code dissent}: it was for another option. */
    public record RecordedVote(String member, Discipline discipline, PlanOption option, String rationale, boolean dissent) {
    }

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
    ObjectMapper json;

    /** One vote per member per case and round; a later vote replaces the member's earlier one until the decision. */
    @Transactional
    public Vote vote(BoardCase c, String member, Discipline discipline, PlanOption option, String rationale) {
        requireOnOpenAgenda(c);
        if (c.decidedOption != null) {
            throw ProblemException.conflict("case " + c.caseId + " is already decided (" + c.decidedOption + ")");
        }
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
        v.option = option;
        v.rationale = rationale;
        v.castAt = clock.instant();
        if (first) {
            votes.persist(v);
        }
        return v;
    }

    @Transactional
    public Decision decide(BoardCase c, String chair) {
        requireOnOpenAgenda(c);
        if (c.decidedOption != null) {
            throw ProblemException.conflict("case " + c.caseId + " is already decided (" + c.decidedOption + ")");
        }
        List<Vote> cast = votes.ofRound(c.caseId, c.discussionRound);
        BoardDecision.Outcome outcome = BoardDecision.decide(
                cast.stream().map(v -> new BoardDecision.Vote(v.member, v.discipline, v.option)).toList(), config.coreDisciplines());
        if (!outcome.quorum()) {
            throw new ProblemException(409, "No quorum", "Quorum not met: no vote yet from " + outcome.missingDisciplines(),
                    List.of(), Map.of("missingDisciplines", outcome.missingDisciplines(), "counts", outcome.counts(),
                            "votesCast", outcome.votesCast()));
        }
        if (outcome.decided() == null) {
            throw new ProblemException(409, "No majority", "No option has a strict majority of the " + outcome.votesCast()
                    + " votes cast: " + outcome.counts(), List.of(),
                    Map.of("counts", outcome.counts(), "votesCast", outcome.votesCast()));
        }
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.caseId = c.caseId;
        d.round = c.discussionRound;
        d.option = outcome.decided();
        d.votes = write(cast.stream().map(v -> new RecordedVote(v.member, v.discipline, v.option, v.rationale,
                v.option != outcome.decided())).toList());
        d.decidedAt = clock.instant();
        d.decidedBy = chair;
        decisions.persist(d);
        c.decidedOption = d.option.name();
        c.decidedOn = java.time.LocalDate.now(clock);
        outbox.publish(CaseEventTypes.PLAN_DECIDED, c.caseId.toString(), new PlanDecided(c.caseId.toString(), d.option.name()));
        return d;
    }

    private void requireOnOpenAgenda(BoardCase c) {
        Meeting m = c.meetingId == null ? null : meetings.findById(c.meetingId);
        if (m == null || m.closed) {
            throw ProblemException.conflict("case " + c.caseId + " is not on the agenda of an open meeting"
                    + (c.readiness().ready() ? "" : "; it is not ready: " + c.readiness().missing()));
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("votes cannot be written as JSON", e);
        }
    }

}
