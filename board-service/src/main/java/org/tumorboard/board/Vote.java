package org.tumorboard.board;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One member's vote on one case in one round; the member may change it until the decision. */
@Entity
@Table(name = "vote")
public class Vote {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "discussion_round", nullable = false)
    public int round;

    @Column(name = "member", nullable = false)
    public String member;

    /** The member's name as their account gives it (null when it gives none). */
    @Column(name = "member_name")
    public String memberName;

    @Enumerated(EnumType.STRING)
    @Column(name = "discipline", nullable = false)
    public Discipline discipline;

    @Enumerated(EnumType.STRING)
    @Column(name = "option", nullable = false)
    public PlanOption option;

    @Column(name = "rationale", nullable = false)
    public String rationale;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;
}
