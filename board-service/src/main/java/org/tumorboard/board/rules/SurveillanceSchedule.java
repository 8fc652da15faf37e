package org.tumorboard.board.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * rps-reference.md section 6, surveillance after treatment (default policy, configurable):
 * G2/G3 every 3 months to year 3, every 6 months to year 5, every 12 months to year 10, optional beyond;
 * G1 / WDLPS every 6 months to year 5, every 12 months to year 10 and on to year 15 (late local recurrence).
 * Visits count from the surgery date; a visit at a boundary month belongs to the phase that ends there.
 * GX is followed as high grade: with the grade unknown, the closer schedule is the safe one.
 */
public final class SurveillanceSchedule {

    public enum Track {
        HIGH_GRADE, LOW_GRADE
    }

    public enum Exam {
        HISTORY_AND_EXAMINATION, CT_ABDOMEN_PELVIS, CHEST_CT, CHEST_CT_OR_RADIOGRAPH
    }

    /** Visits every {@code everyMonths} months, up to and including month {@code untilMonth}. */
    public record Phase(int untilMonth, int everyMonths) {
        public Phase {
            if (everyMonths < 1 || untilMonth < everyMonths) {
                throw new IllegalArgumentException("a phase needs at least one visit: every " + everyMonths + " until " + untilMonth);
            }
        }
    }

    public record Policy(List<Phase> highGrade, List<Phase> lowGrade) {
    }

    public record Visit(int number, int month, LocalDate due, List<Exam> exams) {
    }

    public static final Policy DEFAULT_POLICY = new Policy(
            List.of(new Phase(36, 3), new Phase(60, 6), new Phase(120, 12)),
            List.of(new Phase(60, 6), new Phase(120, 12), new Phase(180, 12)));

    private SurveillanceSchedule() {
    }

    public static Track track(String grade, String histology) {
        if ("WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology) || "G1".equals(grade)) {
            return Track.LOW_GRADE;
        }
        return Track.HIGH_GRADE;
    }

    public static List<Visit> visits(LocalDate surgeryDate, Track track, Policy policy) {
        List<Phase> phases = track == Track.HIGH_GRADE ? policy.highGrade() : policy.lowGrade();
        List<Exam> exams = track == Track.HIGH_GRADE
                ? List.of(Exam.HISTORY_AND_EXAMINATION, Exam.CT_ABDOMEN_PELVIS, Exam.CHEST_CT)
                : List.of(Exam.HISTORY_AND_EXAMINATION, Exam.CT_ABDOMEN_PELVIS, Exam.CHEST_CT_OR_RADIOGRAPH);
        List<Visit> visits = new ArrayList<>();
        int month = 0;
        for (Phase phase : phases) {
            while (month + phase.everyMonths() <= phase.untilMonth()) {
                month += phase.everyMonths();
                visits.add(new Visit(visits.size() + 1, month, surgeryDate.plusMonths(month), exams));
            }
        }
        return List.copyOf(visits);
    }
}
