package org.tumorboard.board;

/** A vote as the decision recorded it: who, their discipline and choice, why, and whether it dissents from the plan. */
public record RecordedVote(String member, Discipline discipline, PlanOption option, String rationale, boolean dissent,
        String memberName) {

    public RecordedVote(String member, Discipline discipline, PlanOption option, String rationale, boolean dissent) {
        this(member, discipline, option, rationale, dissent, null);
    }
}
