package org.tumorboard.board.surveillance.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.treatment.rules.FollowThrough;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule.Exam;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule.Track;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule.Visit;
import org.tumorboard.board.surveillance.rules.VisitState.State;

/** rps-reference.md section 6 and the plan follow-through policy: schedules, year boundaries, states, overdue steps. */
class SurveillanceRulesTest {

    private static final LocalDate SURGERY = LocalDate.parse("2026-01-15");

    @ParameterizedTest(name = "grade {0}, {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "G1, LEIOMYOSARCOMA,                  LOW_GRADE",
            "G1, null,                            LOW_GRADE",
            "G1, WELL_DIFFERENTIATED_LIPOSARCOMA, LOW_GRADE",
            "GX, WELL_DIFFERENTIATED_LIPOSARCOMA, LOW_GRADE",
            "null, WELL_DIFFERENTIATED_LIPOSARCOMA, LOW_GRADE",
            // a grade shown high overrides the histology's usual low grade: the closer schedule is the safe one
            "G2, WELL_DIFFERENTIATED_LIPOSARCOMA, HIGH_GRADE",
            "G3, WELL_DIFFERENTIATED_LIPOSARCOMA, HIGH_GRADE",
            "G2, DEDIFFERENTIATED_LIPOSARCOMA,    HIGH_GRADE",
            "G3, LEIOMYOSARCOMA,                  HIGH_GRADE",
            "GX, MPNST,                           HIGH_GRADE",
            "null, null,                          HIGH_GRADE",
    })
    void track(String grade, String histology, Track track) {
        assertEquals(track, SurveillanceSchedule.track(grade, histology));
    }

    @Test
    void highGradeEveryThreeMonthsToYearThreeSixToFiveTwelveToTenNothingBeyond() {
        List<Visit> visits = SurveillanceSchedule.visits(SURGERY, Track.HIGH_GRADE, SurveillanceSchedule.DEFAULT_POLICY);
        List<Integer> expected = new java.util.ArrayList<>();
        IntStream.rangeClosed(1, 12).forEach(i -> expected.add(3 * i));      // 3 .. 36
        List.of(42, 48, 54, 60).forEach(expected::add);                        // year 3 to 5
        List.of(72, 84, 96, 108, 120).forEach(expected::add);                 // year 5 to 10
        assertEquals(expected, visits.stream().map(Visit::month).toList());
        assertEquals(21, visits.size());
        assertEquals(LocalDate.parse("2026-04-15"), visits.get(0).due());
        assertEquals(LocalDate.parse("2029-01-15"), visits.get(11).due(), "month 36 is the last three-monthly visit");
        assertEquals(LocalDate.parse("2036-01-15"), visits.get(20).due(), "year 10 is the last; beyond is optional");
        assertEquals(List.of(Exam.HISTORY_AND_EXAMINATION, Exam.CT_ABDOMEN_PELVIS, Exam.CHEST_CT), visits.get(0).exams());
    }

    @Test
    void lowGradeEverySixMonthsToYearFiveThenYearlyToYearFifteen() {
        List<Visit> visits = SurveillanceSchedule.visits(SURGERY, Track.LOW_GRADE, SurveillanceSchedule.DEFAULT_POLICY);
        List<Integer> expected = new java.util.ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> expected.add(6 * i));      // 6 .. 60
        IntStream.rangeClosed(6, 15).forEach(y -> expected.add(12 * y));     // 72 .. 180
        assertEquals(expected, visits.stream().map(Visit::month).toList());
        assertEquals(20, visits.size());
        assertEquals(LocalDate.parse("2041-01-15"), visits.get(visits.size() - 1).due(), "the 15-year tail");
        assertEquals(Exam.CHEST_CT_OR_RADIOGRAPH, visits.get(0).exams().get(2));
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), visits.stream().map(Visit::number).toList());
    }

    @Test
    void monthEndsStayMonthEnds() {
        List<Visit> visits = SurveillanceSchedule.visits(LocalDate.parse("2026-08-31"), Track.HIGH_GRADE,
                SurveillanceSchedule.DEFAULT_POLICY);
        assertEquals(LocalDate.parse("2026-11-30"), visits.get(0).due());
        assertEquals(LocalDate.parse("2027-02-28"), visits.get(1).due());
    }

    @Test
    void aTunedPolicyIsFollowedAndAnEmptyPhaseIsRefused() {
        var policy = new SurveillanceSchedule.Policy(List.of(new SurveillanceSchedule.Phase(24, 4)), List.of());
        assertEquals(List.of(4, 8, 12, 16, 20, 24), SurveillanceSchedule.visits(SURGERY, Track.HIGH_GRADE, policy).stream()
                .map(Visit::month).toList());
        assertThrows(IllegalArgumentException.class, () -> new SurveillanceSchedule.Phase(2, 3));
    }

    @Test
    void configuredPoliciesAreParsedAndBadOnesRefused() {
        assertEquals(SurveillanceSchedule.DEFAULT_POLICY.highGrade(), SurveillanceSchedule.parse("36:3, 60:6, 120:12"));
        assertEquals(SurveillanceSchedule.DEFAULT_POLICY.lowGrade(), SurveillanceSchedule.parse("60:6,120:12,180:12"));
        assertThrows(IllegalArgumentException.class, () -> SurveillanceSchedule.parse("36:3,30:6"));
        assertThrows(IllegalArgumentException.class, () -> SurveillanceSchedule.parse("36-3"));
        assertEquals(FollowThrough.DEFAULT_STEPS.get(PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION),
                FollowThrough.parse("NEOADJUVANT_CHEMOTHERAPY_STARTED:21,NEOADJUVANT_CHEMOTHERAPY_COMPLETED:120,SURGERY:42"));
        assertThrows(IllegalArgumentException.class, () -> FollowThrough.parse("SURGERY:soon"));
    }

    @ParameterizedTest(name = "due 2027-03-01, today {0}, done {1}, grace {2} -> {3}")
    @CsvSource({
            "2027-02-28, false, 30, UPCOMING",
            "2027-03-01, false, 30, DUE",
            "2027-03-31, false, 30, DUE",
            "2027-04-01, false, 30, OVERDUE",
            "2027-03-08, false, 7,  DUE",
            "2027-03-09, false, 7,  OVERDUE",
            "2027-06-01, true,  30, DONE",
            "2027-01-01, true,  30, DONE",
    })
    void visitState(String today, boolean done, int grace, State state) {
        assertEquals(state, VisitState.of(LocalDate.parse("2027-03-01"), done, LocalDate.parse(today), grace));
    }

    @ParameterizedTest(name = "{0} decided 2026-11-02, recorded {1}, not implemented {2}, today {3} -> {4} due {5}, {6} days late")
    @CsvSource(nullValues = "none", value = {
            "UPFRONT_RESECTION,                       none,                                        false, 2026-11-20, SURGERY, 2026-11-30, 0",
            "UPFRONT_RESECTION,                       none,                                        false, 2026-11-30, SURGERY, 2026-11-30, 0",
            "UPFRONT_RESECTION,                       none,                                        false, 2026-12-01, SURGERY, 2026-11-30, 1",
            "UPFRONT_RESECTION,                       SURGERY=2026-11-25,                          false, 2027-05-01, none,    none,       0",
            "UPFRONT_RESECTION,                       none,                                        true,  2027-05-01, none,    none,       0",
            "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION, none,                                        false, 2026-11-30, NEOADJUVANT_CHEMOTHERAPY_STARTED, 2026-11-23, 7",
            "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION, NEOADJUVANT_CHEMOTHERAPY_STARTED=2026-11-20, false, 2026-12-01, NEOADJUVANT_CHEMOTHERAPY_COMPLETED, 2027-03-20, 0",
            "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION, NEOADJUVANT_RADIOTHERAPY_STARTED=2026-11-20 NEOADJUVANT_RADIOTHERAPY_COMPLETED=2027-01-10, false, 2027-03-01, SURGERY, 2027-02-21, 8",
            "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC,     none,                                        false, 2027-02-01, BOARD_REEVALUATION, 2027-01-31, 1",
            // a systemic plan is re-evaluated at the board too (issue 20, path 6)
            "SYSTEMIC_THERAPY,                        none,                                        false, 2027-05-01, BOARD_REEVALUATION, 2027-01-31, 90",
            "SYSTEMIC_THERAPY,                        none,                                        false, 2027-01-31, BOARD_REEVALUATION, 2027-01-31, 0",
            "CLINICAL_TRIAL,                          none,                                        false, 2027-05-01, none,    none,       0",
    })
    void followThrough(PlanOption option, String recorded, boolean notImplemented, String today, String step, String due,
            long daysLate) {
        Map<String, LocalDate> steps = new java.util.HashMap<>();
        if (recorded != null) {
            for (String pair : recorded.trim().split("\\s+")) {
                String[] kv = pair.split("=");
                steps.put(kv[0], LocalDate.parse(kv[1]));
            }
        }
        Optional<FollowThrough.Next> next = FollowThrough.next(option, LocalDate.parse("2026-11-02"), steps, notImplemented,
                LocalDate.parse(today), FollowThrough.DEFAULT_STEPS);
        if (step == null) {
            assertEquals(Optional.empty(), next);
        } else {
            assertEquals(new FollowThrough.Next(step, LocalDate.parse(due), daysLate), next.orElseThrow());
            assertEquals(daysLate > 0, next.get().overdue());
        }
    }
}
