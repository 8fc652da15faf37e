package org.tumorboard.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.Grades;
import org.tumorboard.intake.rules.CaseStatusRules;
import org.tumorboard.intake.rules.CaseEventMeaning;
import org.tumorboard.intake.rules.WorkupChecklist;
import org.tumorboard.platform.facts.OwnerOrder;

/** One patient's one tumor episode, from referral on: the aggregate of intake-service. */
@Entity
@Table(name = "intake_case")
// Only the columns a transaction changed are written: a REST write that loaded the case before a registry rebuild's
// swap and flushes after it does not write the old status and grade back over the rebuilt ones.
@org.hibernate.annotations.DynamicUpdate
public class IntakeCase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_id")
    public Patient patient;

    @Column(name = "referring_site", nullable = false)
    public String referringSite;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public CaseStatus status;

    /** When the event that set the current status happened; an event older than this does not move the status. */
    @Column(name = "status_since", nullable = false)
    public Instant statusSince;

    /** The FNCLCC grade pathology last reported (G1, G2, G3, GX), null before any report. */
    @Column(name = "known_grade")
    public String knownGrade;

    /** Where pathology's latest not-a-sarcoma flag or restore stands in its order. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "pathway_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "pathway_sequence"))
    private OwnerOrder pathwayOrder;

    /** Where the report that gave {@link #knownGrade} stands in pathology's order: an earlier one delivered late changes nothing. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "known_grade_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "known_grade_sequence"))
    private OwnerOrder knownGradeOrder;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "clinical_question", nullable = false)
    public String clinicalQuestion;

    @Column(name = "neoadjuvant_considered", nullable = false)
    public boolean neoadjuvantConsidered;

    @Embedded
    public ImagingFindings imaging = new ImagingFindings();

    @Column(name = "referred_at", nullable = false)
    public Instant referredAt;

    @Column(name = "referred_by", nullable = false)
    public String referredBy;

    @OneToMany(mappedBy = "intakeCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredAt, id")
    public List<TimelineEntry> timeline = new ArrayList<>();

    /** Moves the status if the pathway rules allow it; returns whether it moved. */
    public boolean moveStatus(java.util.Optional<CaseStatus> target, Instant eventTime) {
        java.util.Optional<CaseStatus> next = target.flatMap(
                t -> org.tumorboard.intake.rules.CaseStatusRules.next(status, statusSince, t, eventTime));
        next.ifPresent(s -> {
            status = s;
            statusSince = CaseStatusRules.atStoredPrecision(eventTime);
        });
        return next.isPresent();
    }

    /** Back on the sarcoma pathway after a not-sarcoma histology was amended; see {@link org.tumorboard.intake.rules.CaseStatusRules#returnToPathway}. */
    public boolean returnToPathway(Instant eventTime) {
        java.util.Optional<CaseStatus> next = org.tumorboard.intake.rules.CaseStatusRules.returnToPathway(status, statusSince, eventTime);
        next.ifPresent(s -> {
            status = s;
            statusSince = CaseStatusRules.atStoredPrecision(eventTime);
        });
        return next.isPresent();
    }

    /**
     * Pathology's not-a-sarcoma flag or its restore in {@code source}: true when it is the newest pathology committed (and
     * is now the one held), false for one committed before the verdict held.
     */
    public boolean pathwayVerdict(CaseEvent source) {
        return (pathwayOrder = OwnerOrder.of(pathwayOrder)).advance(source);
    }

    /**
     * A grade pathology reported or amended in {@code source}: kept unless pathology committed a later report already
     * (issue 22, item 5: ordered by pathology's sequence for the case, not by its clock or by arrival).
     */
    public void gradeReported(CaseEvent source, String grade) {
        if ((knownGradeOrder = OwnerOrder.of(knownGradeOrder)).advance(source)) {
            knownGrade = grade;
        }
    }

    public boolean isOpen() {
        return status != CaseStatus.WITHDRAWN && status != CaseStatus.DISCHARGED && status != CaseStatus.NOT_SARCOMA;
    }

    public boolean hasTimelineEntry(UUID eventId) {
        return timeline.stream().anyMatch(t -> t.eventId.equals(eventId));
    }

    public boolean hasTimelineSummary(String summary) {
        return timeline.stream().anyMatch(t -> t.summary.equals(summary));
    }

    /** What work-up still lacks for the board (rps-reference.md sections 2 and 8), by the grade known now. */
    public List<WorkupChecklist.Item> missingWorkup() {
        return WorkupChecklist.missing(imaging.ctAbdomenPelvisDate != null, imaging.chestModality, Grades.knownLowGrade(knownGrade));
    }

    /** Our own event goes on the timeline and moves the status in the same transaction that emits it. */
    public void recordOwn(CaseEvent event) {
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        addTimelineEntry(event.id(), event.type(), event.time(), meaning.summary());
        moveStatus(meaning.target(), event.time());
    }

    public void addTimelineEntry(UUID eventId, String type, Instant occurredAt, String summary) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.intakeCase = this;
        entry.eventId = eventId;
        entry.type = type;
        entry.occurredAt = occurredAt;
        entry.summary = summary;
        timeline.add(entry);
    }
}
