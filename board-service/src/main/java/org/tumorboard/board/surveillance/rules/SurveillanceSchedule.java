package org.tumorboard.board.surveillance.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tumorboard.events.Grades;

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

    /** A configured track: {@code untilMonth:everyMonths} phases in order, e.g. {@code 36:3,60:6,120:12}. */
    public static List<Phase> parse(String phases) {
        List<Phase> parsed = new ArrayList<>();
        int previous = 0;
        for (String pair : phases.split(",")) {
            String[] kv = pair.trim().split(":");
            if (kv.length != 2 || !kv[0].matches("[0-9]{1,3}") || !kv[1].matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("a surveillance phase is untilMonth:everyMonths, not '" + pair.trim() + "'");
            }
            Phase phase = new Phase(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
            if (phase.untilMonth() <= previous) {
                throw new IllegalArgumentException("surveillance phases must end later and later: " + phases);
            }
            previous = phase.untilMonth();
            parsed.add(phase);
        }
        return List.copyOf(parsed);
    }

    /**
     * G1, or a well-differentiated liposarcoma (low grade by nature), is followed on the low-grade track; a grade shown
     * high (G2, G3: a specimen graded high without a new histology) takes the closer one even for a WDLPS.
     */
    public static Track track(String grade, String histology) {
        if (Grades.knownLowGrade(grade) || "WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology) && !Grades.knownHighGrade(grade)) {
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
