package org.tumorboard.board.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.agenda.rules.Readiness;
import org.tumorboard.board.decision.rules.BoardDecision.Vote;
import org.tumorboard.board.decision.rules.BoardDecision;
import org.tumorboard.board.decision.rules.PlanSuggestions;

/** rps-reference.md section 5: readiness, typical fits, quorum and strict majority. */
class BoardRulesTest {

    private static final Set<Discipline> CORE = EnumSet.allOf(Discipline.class);

    @ParameterizedTest(name = "workup={0} biopsy={1} waived={2} staged={3} nonSarcoma={4} withdrawn={5} -> {6}")
    @CsvSource({
            "true,  true,  false, true,  false, false, ''",
            "true,  false, true,  true,  false, false, ''",
            "false, true,  false, true,  false, false, WORKUP",
            "true,  false, false, true,  false, false, BIOPSY_REPORT",
            "true,  true,  false, false, false, false, STAGING",
            "false, false, false, false, false, false, WORKUP BIOPSY_REPORT STAGING",
            "true,  true,  false, true,  true,  false, NOT_SARCOMA",
            "true,  true,  false, true,  false, true,  WITHDRAWN",
    })
    void readiness(boolean workup, boolean biopsy, boolean waived, boolean staged, boolean nonSarcoma, boolean withdrawn,
            String missing) {
        Readiness.Result result = Readiness.evaluate(workup, biopsy, waived, staged, nonSarcoma, withdrawn);
        List<Readiness.Missing> expected = missing.isBlank() ? List.of()
                : Arrays.stream(missing.trim().split("\\s+")).map(Readiness.Missing::valueOf).toList();
        assertEquals(expected, result.missing());
        assertEquals(expected.isEmpty(), result.ready());
    }

    /** Issue 19, item 6: work-up intake reopened for a chest CT names it; once complete again, nothing is missing. */
    @ParameterizedTest(name = "workup={0} reopened for [{1}] -> {2}")
    @CsvSource({
            "false, CHEST_CT,          WORKUP CHEST_CT",
            "false, CT_ABDOMEN_PELVIS, WORKUP",
            "false, '',                WORKUP",
            "true,  CHEST_CT,          ''",
            "true,  '',                ''",
    })
    void reopenedWorkup(boolean workup, String reopenedFor, String missing) {
        List<String> items = reopenedFor.isBlank() ? List.of() : List.of(reopenedFor.trim().split("\\s+"));
        Readiness.Result result = Readiness.evaluate(workup, items, true, false, true, false, false);
        List<Readiness.Missing> expected = missing.isBlank() ? List.of()
                : Arrays.stream(missing.trim().split("\\s+")).map(Readiness.Missing::valueOf).toList();
        assertEquals(expected, result.missing());
        assertEquals(expected.isEmpty(), result.ready());
    }

    @ParameterizedTest(name = "{0} {1} M1={2} resectable={3} nonSarcoma={4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            "WELL_DIFFERENTIATED_LIPOSARCOMA, G1, false, null,  false, UPFRONT_RESECTION CLINICAL_TRIAL",
            "LEIOMYOSARCOMA,                  G3, false, true,  false, NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION UPFRONT_RESECTION NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION NEOADJUVANT_CHEMORADIATION_THEN_RESECTION CLINICAL_TRIAL",
            "LEIOMYOSARCOMA,                  G1, false, null,  false, UPFRONT_RESECTION NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION NEOADJUVANT_CHEMORADIATION_THEN_RESECTION CLINICAL_TRIAL",
            "DEDIFFERENTIATED_LIPOSARCOMA,    G3, false, null,  false, UPFRONT_RESECTION NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION NEOADJUVANT_CHEMORADIATION_THEN_RESECTION CLINICAL_TRIAL",
            "MPNST,                           G3, false, null,  false, UPFRONT_RESECTION NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION NEOADJUVANT_CHEMORADIATION_THEN_RESECTION CLINICAL_TRIAL",
            "LEIOMYOSARCOMA,                  G3, true,  null,  false, SYSTEMIC_THERAPY CLINICAL_TRIAL",
            "DEDIFFERENTIATED_LIPOSARCOMA,    G2, false, false, false, DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC CLINICAL_TRIAL",
            "LEIOMYOSARCOMA,                  G3, false, null,  true,  NON_SARCOMA_PATHWAY",
            "NOT_SARCOMA,                     GX, false, null,  false, NON_SARCOMA_PATHWAY",
    })
    void suggestions(String histology, String grade, boolean metastatic, Boolean resectable, boolean nonSarcoma, String options) {
        List<PlanOption> expected = Arrays.stream(options.trim().split("\\s+")).map(PlanOption::valueOf).toList();
        List<PlanSuggestions.Suggestion> suggestions = PlanSuggestions.suggest(histology, grade, metastatic, resectable, nonSarcoma);
        assertEquals(expected, suggestions.stream().map(PlanSuggestions.Suggestion::option).toList());
        assertTrue(suggestions.stream().allMatch(s -> !s.reason().isBlank()), "every suggestion says why");
    }

    @Test
    void quorumNamesEveryMissingCoreDiscipline() {
        BoardDecision.Outcome outcome = BoardDecision.decide(List.of(
                vote("s", Discipline.SURGERY, PlanOption.UPFRONT_RESECTION),
                vote("p", Discipline.PATHOLOGY, PlanOption.UPFRONT_RESECTION),
                vote("s2", Discipline.SURGERY, PlanOption.UPFRONT_RESECTION)), CORE);
        assertNull(outcome.decided(), "no decision without quorum, even with a unanimous vote");
        assertEquals(List.of(Discipline.RADIOLOGY, Discipline.MEDICAL_ONCOLOGY, Discipline.RADIATION_ONCOLOGY),
                outcome.missingDisciplines());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            // five disciplines, one vote each
            "U U U U U, UPFRONT_RESECTION",
            "U U U C C, UPFRONT_RESECTION",
            "U U C C R, none",   // 2-2-1: no strict majority
            "U U C C,   none",   // no quorum (four disciplines) whatever the split
            "U U U C C C, none", // 3-3 tie with a second surgeon
            "U U U U C C, UPFRONT_RESECTION",
    })
    void strictMajorityOfVotesCast(String letters, PlanOption expected) {
        List<Vote> votes = new ArrayList<>();
        Discipline[] order = Discipline.values();
        String[] split = letters.trim().split("\\s+");
        for (int i = 0; i < split.length; i++) {
            PlanOption option = switch (split[i]) {
                case "U" -> PlanOption.UPFRONT_RESECTION;
                case "C" -> PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION;
                default -> PlanOption.NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION;
            };
            Discipline discipline = i < order.length ? order[i] : Discipline.SURGERY;
            if (split.length == 4) {
                discipline = order[i]; // four votes: one discipline is missing
            }
            votes.add(vote("m" + i, discipline, option));
        }
        assertEquals(expected, BoardDecision.decide(votes, CORE).decided());
    }

    @Test
    void countsAreReportedForTheChair() {
        BoardDecision.Outcome outcome = BoardDecision.decide(List.of(
                vote("a", Discipline.SURGERY, PlanOption.UPFRONT_RESECTION),
                vote("b", Discipline.RADIOLOGY, PlanOption.UPFRONT_RESECTION),
                vote("c", Discipline.PATHOLOGY, PlanOption.CLINICAL_TRIAL),
                vote("d", Discipline.MEDICAL_ONCOLOGY, PlanOption.CLINICAL_TRIAL),
                vote("e", Discipline.RADIATION_ONCOLOGY, PlanOption.SYSTEMIC_THERAPY)), CORE);
        assertTrue(outcome.quorum());
        assertEquals(Map.of(PlanOption.UPFRONT_RESECTION, 2, PlanOption.CLINICAL_TRIAL, 2, PlanOption.SYSTEMIC_THERAPY, 1),
                outcome.counts());
        assertEquals(5, outcome.votesCast());
    }

    private static Vote vote(String member, Discipline discipline, PlanOption option) {
        return new Vote(member, discipline, option);
    }
}
