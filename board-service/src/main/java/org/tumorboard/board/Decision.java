package org.tumorboard.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "decision")
public class Decision {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "discussion_round", nullable = false)
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(name = "option", nullable = false)
    public PlanOption option;

    /** JSON: every vote of the round as it stood, with dissent flagged. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "votes", nullable = false)
    public List<RecordedVote> votes;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_by_name")
    public String decidedByName;

    /** Why a later fact withdrew the decision (it stays on record), null while it stands. */
    @Column(name = "superseded_reason")
    public String supersededReason;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** A later fact withdrew the decision: kept on the record, with the reason. */
    public void supersede(String reason, Instant at) {
        if (supersededReason == null) {
            supersededReason = reason;
            supersededAt = at;
        }
    }
}
