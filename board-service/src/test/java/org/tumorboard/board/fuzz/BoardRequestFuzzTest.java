package org.tumorboard.board.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.TreatmentType;
import org.tumorboard.board.agenda.service.AgendaService;
import org.tumorboard.board.decision.rules.BoardDecision;
import org.tumorboard.board.decision.rules.PlanSuggestions;
import org.tumorboard.board.decision.service.VotingService;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule;
import org.tumorboard.board.surveillance.service.SurveillanceService;
import org.tumorboard.board.treatment.rules.FollowThrough;
import org.tumorboard.board.treatment.service.TreatmentService;
import org.tumorboard.testsupport.RequestFuzzing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of board-service's request bodies (votes, treatments, visits, meetings, waivers) and the rules they reach:
 * the decision with its quorum, treatment dates, follow-through of the plan, the surveillance schedule, plan suggestions.
 */
class BoardRequestFuzzTest {

    static final Map<String, Object> VOTE = Map.of("option", "UPFRONT_RESECTION", "rationale", "resectable, no metastases");
    static final Map<String, Object> TREATMENT = new LinkedHashMap<>(Map.of("type", "SURGERY", "date", "2026-11-02", "enBloc", true,
            "organsResected", List.of("KIDNEY_LEFT", "COLON_DESCENDING"), "grossResidualDisease", false));
    static final Map<String, Object> VISIT = Map.of("date", "2026-11-20", "outcome", "NO_EVIDENCE_OF_DISEASE", "notes", "CT clear");
    static final Map<String, Object> MEETING = Map.of("date", "2026-12-01", "capacity", 12);
    static final List<String> HISTOLOGIES = List.of("DEDIFFERENTIATED_LIPOSARCOMA", "WELL_DIFFERENTIATED_LIPOSARCOMA", "LEIOMYOSARCOMA",
            "SOLITARY_FIBROUS_TUMOR", "MPNST", "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA", "NOT_SARCOMA", "", "unknown");
    static final List<String> GRADES = List.of("G1", "G2", "G3", "GX", "", "G4");

    @FuzzTest(maxDuration = "40s")
    void requestsAreAnsweredWith4xxOrAResult(FuzzedDataProvider data) {
        LocalDate today = LocalDate.of(2026, 11, 21);
        switch (data.consumeInt(0, 5)) {
            case 0 -> RequestFuzzing.handleNear(VOTE, VotingService.VoteCommand.class, data, vote -> {
                List<BoardDecision.Vote> votes = new ArrayList<>();
                int n = data.consumeInt(0, 12);
                for (int i = 0; i < n; i++) {
                    votes.add(new BoardDecision.Vote(data.consumeString(8), data.pickValue(Discipline.values()),
                            data.consumeBoolean() ? vote.option() : data.pickValue(PlanOption.values())));
                }
                BoardDecision.decide(votes, EnumSet.allOf(Discipline.class));
            });
            case 1 -> {
                LocalDate decidedOn = today.minusDays(data.consumeInt(0, 4000));
                PlanOption option = data.pickValue(PlanOption.values());
                String grade = data.pickValue(GRADES);
                String histology = data.pickValue(HISTOLOGIES);
                RequestFuzzing.handleNear(TREATMENT, TreatmentService.Milestone.class, data, r -> {
                    TreatmentService.check(r, decidedOn, today);
                    FollowThrough.next(option, decidedOn, Map.of(r.type().name(), r.date()), r.type() == TreatmentType.NOT_IMPLEMENTED,
                            today, FollowThrough.DEFAULT_STEPS);
                    if (r.type() == TreatmentType.SURGERY) {
                        SurveillanceSchedule.visits(r.date(), SurveillanceSchedule.track(grade, histology), SurveillanceSchedule.DEFAULT_POLICY);
                    }
                });
            }
            case 2 -> RequestFuzzing.handleNear(VISIT, SurveillanceService.VisitCommand.class, data, v -> {
            });
            case 3 -> RequestFuzzing.handleNear(MEETING, AgendaService.MeetingCommand.class, data, m -> {
            });
            case 4 -> RequestFuzzing.handle(data.consumeRemainingAsString(), TreatmentService.Milestone.class, r -> {
            });
            default -> PlanSuggestions.suggest(data.consumeBoolean() ? data.pickValue(HISTOLOGIES) : data.consumeString(40),
                    data.consumeBoolean() ? data.pickValue(GRADES) : data.consumeString(4), data.consumeBoolean(),
                    data.consumeBoolean() ? null : data.consumeBoolean(), data.consumeBoolean());
        }
    }

    @AfterAll
    static void figures() {
        RequestFuzzing.report("board-service");
    }
}
