package org.tumorboard.board.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Decision;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.RecordedVote;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.DecisionRepository;
import org.tumorboard.board.repository.VoteRepository;
import org.tumorboard.board.rules.PlanSuggestions;
import org.tumorboard.board.rules.Readiness;
import org.tumorboard.platform.security.SiteScope;


/** The board's view of a case (readiness, suggestions, this round's votes and decision), for every use case that answers with it. */
@ApplicationScoped
public class BoardViews {

    public record VoteView(String member, Discipline discipline, PlanOption option, String rationale, Instant castAt) {
    }

    public record DecisionView(PlanOption option, int round, Instant decidedAt, String decidedBy, List<RecordedVote> votes) {
    }

    /** api-contract.md, board-service: {@code GET /api/cases/{caseId}/board}. */
    public record BoardView(UUID caseId, boolean ready, List<Readiness.Missing> missing, String notSarcomaReason, UUID meetingId,
            int round, List<PlanSuggestions.Suggestion> suggestedOptions, List<VoteView> votes, DecisionView decision,
            List<String> alerts) {
    }

    @Inject
    BoardCaseRepository cases;

    @Inject
    VoteRepository votes;

    @Inject
    DecisionRepository decisions;

    @Inject
    SiteScope siteScope;


    @Transactional
    public BoardView board(UUID caseId) {
        return view(visibleCase(caseId));
    }

    BoardView view(BoardCase c) {
        Readiness.Result readiness = c.readiness();
        List<VoteView> roundVotes = votes.ofRound(c.caseId, c.discussionRound).stream()
                .map(v -> new VoteView(v.member, v.discipline, v.option, v.rationale, v.castAt)).toList();
        DecisionView decision = decisions.of(c.caseId, c.discussionRound).map(this::view).orElse(null);
        return new BoardView(c.caseId, readiness.ready(), readiness.missing(), c.nonSarcomaReason, c.meetingId, c.discussionRound,
                PlanSuggestions.suggest(c.histology, c.grade, c.metastatic, null, c.nonSarcoma), roundVotes, decision,
                c.alerts == null ? List.of() : c.alerts);
    }

    DecisionView view(Decision d) {
        return new DecisionView(d.option, d.round, d.decidedAt, d.decidedBy, d.votes);
    }

    /** The case if the caller's site may see it; another site's case is indistinguishable from a missing one. */
    BoardCase visibleCase(UUID caseId) {
        return siteScope.visible(cases.findByIdOptional(caseId), found -> found.referringSite, "case " + caseId);
    }
}
