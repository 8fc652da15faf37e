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
import org.tumorboard.board.Resectability;
import org.tumorboard.board.agenda.rules.Readiness;
import org.tumorboard.board.config.BoardConfig;
import org.tumorboard.board.decision.rules.PlanSuggestions;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.DecisionRepository;
import org.tumorboard.board.repository.TreatmentRepository;
import org.tumorboard.board.repository.VoteRepository;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.events.ResectabilityImaging;
import org.tumorboard.platform.security.SiteScope;


/** The board's view of a case (readiness, suggestions, this round's votes and decision), for every use case that answers with it. */
@ApplicationScoped
public class BoardViews {

    public record VoteView(String member, Discipline discipline, PlanOption option, String rationale, Instant castAt,
            String memberName) {
    }

    /** {@code superseded}: a later fact withdrew the decision (issue 20), null while it stands. */
    public record DecisionView(PlanOption option, int round, Instant decidedAt, String decidedBy, List<RecordedVote> votes,
            Superseded superseded, String decidedByName) {
    }

    public record Superseded(String reason, Instant at) {
    }

    /** api-contract.md, board-service: {@code GET /api/cases/{caseId}/board}. */
    public record BoardView(UUID caseId, boolean ready, List<Readiness.Missing> missing, String notSarcomaReason, UUID meetingId,
            int round, List<PlanSuggestions.Suggestion> suggestedOptions, List<VoteView> votes, DecisionView decision,
            List<String> alerts, ImagingView imaging, Lifecycle.Phase phase, List<Discipline> quorum,
            ResectabilityView resectability, FitnessView fitness, String chairReview) {
    }

    public record ResectabilityView(Resectability assessment, String reason, String assessedBy, Instant assessedAt) {
    }

    public record FitnessView(int ecog, List<String> comorbidities, String recordedBy, Instant recordedAt) {
    }

    /** The imaging findings resectability depends on (issue 19, item 7); empty lists when none are involved or known. */
    public record ImagingView(Boolean solidEnhancingComponent, List<ResectabilityImaging.Vessel> vesselInvolvement,
            List<String> organsAbutted) {
    }

    @Inject
    BoardCaseRepository cases;

    @Inject
    VoteRepository votes;

    @Inject
    DecisionRepository decisions;

    @Inject
    SiteScope siteScope;

    @Inject
    BoardConfig config;

    @Inject
    TreatmentRepository treatments;


    @Transactional
    public BoardView board(UUID caseId) {
        return view(visibleCase(caseId));
    }

    public BoardView view(BoardCase c) {
        Readiness.Result readiness = c.readiness();
        List<VoteView> roundVotes = votes.ofRound(c.caseId, c.discussionRound).stream()
                .map(v -> new VoteView(v.member, v.discipline, v.option, v.rationale, v.castAt, v.memberName)).toList();
        DecisionView decision = decisions.of(c.caseId, c.discussionRound).map(this::view).orElse(null);
        return new BoardView(c.caseId, readiness.ready(), readiness.missing(), c.nonSarcomaReason, c.meetingId, c.discussionRound,
                PlanSuggestions.suggest(c.situation(treatments.neoadjuvantGiven(c.caseId))), roundVotes, decision,
                c.allAlerts(), new ImagingView(c.solidEnhancingComponent,
                        c.vesselInvolvement == null ? List.of() : c.vesselInvolvement,
                        c.organsAbutted == null ? List.of() : c.organsAbutted), c.phase,
                config.coreDisciplines().stream().sorted().toList(),
                c.resectability == null ? null
                        : new ResectabilityView(c.resectability, c.resectabilityReason, c.resectabilityBy, c.resectabilityAt),
                c.ecog == null ? null : new FitnessView(c.ecog, c.comorbidities == null ? List.of() : c.comorbidities, c.fitnessBy,
                        c.fitnessAt), c.chairReview);
    }

    public DecisionView view(Decision d) {
        return new DecisionView(d.option, d.round, d.decidedAt, d.decidedBy, d.votes,
                d.supersededReason == null ? null : new Superseded(d.supersededReason, d.supersededAt), d.decidedByName);
    }

    /** The case if the caller's site may see it; another site's case is indistinguishable from a missing one. */
    public BoardCase visibleCase(UUID caseId) {
        return siteScope.visible(cases.findByIdOptional(caseId), found -> found.referringSite, "case " + caseId);
    }
}
