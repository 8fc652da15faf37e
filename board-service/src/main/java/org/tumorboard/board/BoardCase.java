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
import org.tumorboard.board.rules.Readiness;
import org.tumorboard.board.rules.SurveillanceSchedule;

/** A case as the tumor board sees it: what it waits for, where it is on the agenda, which round of discussion. */
@Entity
@Table(name = "board_case")
public class BoardCase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    /** Null until the referral arrives; until then only hub users see the case. */
    @Column(name = "referring_site")
    public String referringSite;

    @Column(name = "referred_at")
    public Instant referredAt;

    @Column(name = "workup_complete", nullable = false)
    public boolean workupComplete;

    /** What intake said the work-up lacks when it reopened it; null while complete or never reopened. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "workup_missing")
    public List<String> workupMissing;

    @Column(name = "biopsy_reported", nullable = false)
    public boolean biopsyReported;

    @Column(name = "biopsy_waiver_reason")
    public String biopsyWaiverReason;

    @Column(name = "histology")
    public String histology;

    @Column(name = "grade")
    public String grade;

    @Column(name = "grade_at")
    public Instant gradeAt;

    /** Comma-separated alert codes from the latest biopsy report. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "alerts")
    public List<String> alerts;

    @Column(name = "staged", nullable = false)
    public boolean staged;

    @Column(name = "stage_group")
    public String stageGroup;

    @Column(name = "metastatic", nullable = false)
    public boolean metastatic;

    @Column(name = "failure_pattern")
    public String failurePattern;

    @Column(name = "staged_at")
    public Instant stagedAt;

    @Column(name = "non_sarcoma", nullable = false)
    public boolean nonSarcoma;

    @Column(name = "non_sarcoma_reason")
    public String nonSarcomaReason;

    @Column(name = "withdrawn", nullable = false)
    public boolean withdrawn;

    @Column(name = "discussion_round", nullable = false)
    public int discussionRound = 1;

    /** The meeting whose agenda the case is on, null while it waits. */
    @Column(name = "meeting_id")
    public UUID meetingId;

    /** The option decided in the current round, null while undecided. */
    @Enumerated(EnumType.STRING)
    @Column(name = "decided_option")
    public PlanOption decidedOption;

    /** The day the current round's plan was decided: the start of its follow-through. */
    @Column(name = "decided_on")
    public java.time.LocalDate decidedOn;

    @Column(name = "surgery_date")
    public java.time.LocalDate surgeryDate;

    /** The surgeon stated gross residual disease (R2). */
    @Column(name = "gross_residual")
    public Boolean grossResidual;

    @Enumerated(EnumType.STRING)
    @Column(name = "not_implemented_reason")
    public NotImplementedReason notImplementedReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "surveillance_track")
    public SurveillanceSchedule.Track surveillanceTrack;

    @Column(name = "in_surveillance", nullable = false)
    public boolean inSurveillance;

    @Column(name = "discharged", nullable = false)
    public boolean discharged;

    public Readiness.Result readiness() {
        return Readiness.evaluate(workupComplete, workupMissing, biopsyReported, biopsyWaiverReason != null, staged, nonSarcoma,
                withdrawn);
    }

    public boolean awaitsPlacement() {
        return meetingId == null && decidedOption == null && readiness().ready();
    }

    /** A new round of discussion: earlier votes and decisions stay on the record under their round. */
    public void reopen() {
        discussionRound++;
        decidedOption = null;
        decidedOn = null;
        notImplementedReason = null;
        meetingId = null;
        inSurveillance = false;
    }
}
