package org.tumorboard.board.rules;

/**
 * The board's case lifecycle as one transition table (issue 20; rps-reference.md sections 1 and 5): where a case is
 * ({@link Phase}), and what each fact that arrives or each command a member gives does there ({@link Trigger}). Facts
 * may arrive twice, late or out of order across topics: a fact that no longer applies leaves the case where it is
 * ({@link Stay}); a command that does not fit the phase is refused with the reason ({@link Refuse}, a 409 naming the
 * phase). Both switches are exhaustive, so a new phase or trigger does not compile until every row is written.
 */
public final class Lifecycle {

    /** Where a case is, in the words of the clinic. */
    public enum Phase {
        /** Facts are missing before the board can discuss it (work-up, pathology, staging). */
        WAITING,
        /** Ready for the board, waiting for a meeting with room. */
        READY,
        /** On the agenda of a meeting. */
        SCHEDULED,
        /** The board decided a plan; nothing carried out yet. */
        DECIDED,
        /** Neoadjuvant therapy or the operation recorded. */
        IN_TREATMENT,
        /** Followed after the resection. */
        IN_SURVEILLANCE,
        /** Surveillance completed without disease. */
        DISCHARGED,
        /** Not a sarcoma: off the sarcoma pathway; a decision made before is superseded. */
        OFF_PATHWAY,
        /** Withdrawn by the coordinator. */
        WITHDRAWN
    }

    /** What can happen to a case: facts from the other services or the board's own, and members' commands. */
    public enum Trigger {
        // facts
        FACTS_COMPLETE, FACTS_INCOMPLETE, PLACED, MEETING_CLOSED_UNDECIDED, DECIDED, TREATMENT_STARTED, SURVEILLANCE_STARTED,
        DISCHARGED, BACK_TO_BOARD, NOT_SARCOMA, SARCOMA_RESTORED, WITHDRAWN,
        // commands
        VOTE, DECIDE, MOVE, WAIVE_BIOPSY, REOPEN, RECORD_TREATMENT, RECORD_VISIT, ASSESS
    }

    /** What the table says. */
    public sealed interface Outcome {
    }

    /** The case moves to {@code phase}. */
    public record Move(Phase phase) implements Outcome {
    }

    /** The case stays where it is: the fact or command changes no phase (or no longer applies). */
    public record Stay() implements Outcome {
    }

    /** The command does not fit the phase. */
    public record Refuse(String reason) implements Outcome {
    }

    private static final Stay STAY = new Stay();

    private Lifecycle() {
    }

    public static Outcome next(Phase phase, Trigger trigger) {
        return switch (trigger) {
            case FACTS_COMPLETE -> phase == Phase.WAITING ? to(Phase.READY) : STAY;
            // A case that lacks a fact again leaves the agenda while undecided; a decided plan stands.
            case FACTS_INCOMPLETE -> phase == Phase.READY || phase == Phase.SCHEDULED ? to(Phase.WAITING) : STAY;
            case PLACED -> phase == Phase.READY ? to(Phase.SCHEDULED)
                    : phase == Phase.SCHEDULED ? STAY : refuse(phase, "only a case ready for the board is placed on an agenda");
            case MEETING_CLOSED_UNDECIDED -> phase == Phase.SCHEDULED ? to(Phase.READY) : STAY;
            case DECIDED -> phase == Phase.SCHEDULED ? to(Phase.DECIDED) : refuse(phase, "only a case on an agenda is decided");
            case TREATMENT_STARTED -> phase == Phase.DECIDED ? to(Phase.IN_TREATMENT) : STAY;
            case SURVEILLANCE_STARTED -> switch (phase) {
                case WAITING, READY, SCHEDULED, DECIDED, IN_TREATMENT -> to(Phase.IN_SURVEILLANCE);
                case IN_SURVEILLANCE, DISCHARGED, OFF_PATHWAY, WITHDRAWN -> STAY;
            };
            case DISCHARGED -> phase == Phase.IN_SURVEILLANCE ? to(Phase.DISCHARGED) : STAY;
            case BACK_TO_BOARD -> switch (phase) {
                case DECIDED, IN_TREATMENT, IN_SURVEILLANCE, DISCHARGED -> to(Phase.WAITING);
                case WAITING, READY, SCHEDULED, OFF_PATHWAY, WITHDRAWN -> STAY;
            };
            case NOT_SARCOMA -> phase == Phase.WITHDRAWN || phase == Phase.OFF_PATHWAY ? STAY : to(Phase.OFF_PATHWAY);
            case SARCOMA_RESTORED -> phase == Phase.OFF_PATHWAY ? to(Phase.WAITING) : STAY;
            case WITHDRAWN -> phase == Phase.WITHDRAWN ? STAY : to(Phase.WITHDRAWN);
            case VOTE, DECIDE -> phase == Phase.SCHEDULED ? STAY : refuse(phase, switch (phase) {
                case WAITING, READY -> "it is not on the agenda of an open meeting";
                case DECIDED, IN_TREATMENT, IN_SURVEILLANCE, DISCHARGED -> "it is already decided; reopen it to discuss it again";
                default -> "it is not on the sarcoma pathway";
            });
            case MOVE -> phase == Phase.READY || phase == Phase.SCHEDULED ? STAY : refuse(phase, switch (phase) {
                case WAITING -> "it is not ready for the agenda";
                case DECIDED, IN_TREATMENT, IN_SURVEILLANCE, DISCHARGED -> "it is decided; reopen it to discuss it again";
                default -> "it is not on the sarcoma pathway";
            });
            case WAIVE_BIOPSY -> phase == Phase.WAITING || phase == Phase.READY || phase == Phase.SCHEDULED ? STAY
                    : refuse(phase, "a biopsy is waived only before the board decides");
            case REOPEN -> switch (phase) {
                case DECIDED, IN_TREATMENT, IN_SURVEILLANCE, DISCHARGED -> to(Phase.WAITING);
                case WAITING, READY, SCHEDULED -> refuse(phase, "it has no decision to reopen");
                case OFF_PATHWAY, WITHDRAWN -> refuse(phase, "it is not on the sarcoma pathway");
            };
            case RECORD_TREATMENT -> switch (phase) {
                // the surgeon's record of the operation may come after the pathologist's report started surveillance
                case DECIDED, IN_TREATMENT, IN_SURVEILLANCE -> STAY;
                case OFF_PATHWAY -> refuse(phase, "it is not a sarcoma: the sarcoma plan is superseded, no treatment is recorded for it");
                case WITHDRAWN -> refuse(phase, "it is withdrawn");
                case DISCHARGED -> refuse(phase, "its treatment is over; reopen it for a new plan");
                case WAITING, READY, SCHEDULED -> refuse(phase, "it has no decided plan to carry out");
            };
            // Resectability and fitness: before the board and while the plan is carried out (a re-assessment).
            case ASSESS -> switch (phase) {
                case WAITING, READY, SCHEDULED, DECIDED, IN_TREATMENT, IN_SURVEILLANCE -> STAY;
                case DISCHARGED, OFF_PATHWAY, WITHDRAWN -> refuse(phase, "it is not before the board or under treatment");
            };
            // A discharged case still takes a recurrence (a liposarcoma can recur after 10-15 years): path 8. A case
            // reopened after its surgery is still followed while it is discussed again (path 7): the visits of a running
            // schedule are recorded in every phase of the new round; without a schedule the use case refuses.
            case RECORD_VISIT -> switch (phase) {
                case WAITING, READY, SCHEDULED, DECIDED, IN_TREATMENT, IN_SURVEILLANCE, DISCHARGED -> STAY;
                case OFF_PATHWAY, WITHDRAWN -> refuse(phase, "it is not on the sarcoma pathway");
            };
        };
    }

    private static Outcome to(Phase phase) {
        return new Move(phase);
    }

    private static Outcome refuse(Phase phase, String why) {
        return new Refuse("the case is " + phase + ": " + why);
    }
}
