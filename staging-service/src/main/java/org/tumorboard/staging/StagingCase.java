package org.tumorboard.staging;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.platform.facts.OwnerOrder;
import org.tumorboard.staging.rules.CaseStagingRule.Facts;
import org.tumorboard.staging.rules.CaseStagingRule.Sourced;

/**
 * What staging knows of one case, each group of inputs with the event it came from, that event's time and its owner's
 * sequence: an event its owner committed earlier never overwrites what a later one set, so events may arrive in any
 * order, and the producer's clock does not decide (issue 22, item 5). Each group has one owner, so the sequences
 * compared are always one service's numbering of the case.
 */
@Entity
@Table(name = "staging_case")
public class StagingCase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    /** Null until the referral arrives; until then only hub users see the case. */
    @Column(name = "referring_site")
    public String referringSite;

    // Clinical inputs, from intake's referral and imaging updates.
    @Column(name = "greatest_dimension_cm", precision = 4, scale = 1)
    public BigDecimal greatestDimensionCm;
    @Column(name = "suspicious_nodes")
    public Boolean suspiciousNodes;
    @Column(name = "distant_lesions")
    public Boolean distantLesions;
    @Column(name = "clinical_event_id")
    public UUID clinicalEventId;
    @Column(name = "clinical_event_type")
    public String clinicalEventType;
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "clinical_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "clinical_sequence"))
    private OwnerOrder clinicalOrder;

    // Grade and histology, from pathology's biopsy report and its amendments.
    @Column(name = "grade")
    public String grade;
    @Column(name = "histology")
    public String histology;
    @Column(name = "grade_event_id")
    public UUID gradeEventId;
    @Column(name = "grade_event_type")
    public String gradeEventType;
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "grade_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "grade_sequence"))
    private OwnerOrder gradeOrder;

    // Pathologic inputs, from the resection report and its amendments.
    @Column(name = "path_size_cm", precision = 4, scale = 1)
    public BigDecimal pathSizeCm;
    @Column(name = "path_nodes_examined")
    public Integer pathNodesExamined;
    @Column(name = "path_nodes_positive")
    public Integer pathNodesPositive;
    /** The specimen's histology and grade where the pathologist re-assessed them; null otherwise. */
    @Column(name = "specimen_histology")
    public String specimenHistology;
    @Column(name = "specimen_grade")
    public String specimenGrade;
    /** Viable tumor after neoadjuvant therapy, percent. */
    @Column(name = "treatment_effect_percent", precision = 4, scale = 1)
    public BigDecimal treatmentEffectPercent;
    @Column(name = "resection_event_id")
    public UUID resectionEventId;
    @Column(name = "resection_event_type")
    public String resectionEventType;
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "resection_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "resection_sequence"))
    private OwnerOrder resectionOrder;
    @Column(name = "resected", nullable = false)
    public boolean resected;

    // Neoadjuvant therapy, from the board's treatment milestones: makes the pathologic prefix yp.
    @Column(name = "neoadjuvant")
    public Boolean neoadjuvant;
    @Column(name = "neoadjuvant_event_id")
    public UUID neoadjuvantEventId;
    @Column(name = "neoadjuvant_event_type")
    public String neoadjuvantEventType;

    // A recurrence found in surveillance (LOCAL_RECURRENCE, DISTANT_METASTASIS), from the board: prefix r.
    @Column(name = "recurrence")
    public String recurrence;
    @Column(name = "recurrence_event_id")
    public UUID recurrenceEventId;
    @Column(name = "recurrence_event_type")
    public String recurrenceEventType;
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "recurrence_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "recurrence_sequence"))
    private OwnerOrder recurrenceOrder;

    public void clinical(CaseEvent source, BigDecimal sizeCm, Boolean nodes, Boolean distant) {
        if (clinicalOrder().advance(source)) {
            greatestDimensionCm = sizeCm;
            suspiciousNodes = nodes;
            distantLesions = distant;
            clinicalEventId = source.id();
            clinicalEventType = source.type();
        }
    }

    public void grading(CaseEvent source, String newGrade, String newHistology) {
        if (gradeOrder().advance(source)) {
            grade = newGrade;
            histology = newHistology;
            gradeEventId = source.id();
            gradeEventType = source.type();
        }
    }

    /** The resection report (or its amendment): the newest version's values replace all of the earlier ones. */
    public void resection(CaseEvent source, Specimen specimen) {
        resected = true;
        if (resectionOrder().advance(source)) {
            pathSizeCm = specimen.sizeCm();
            pathNodesExamined = specimen.nodesExamined();
            pathNodesPositive = specimen.nodesPositive();
            specimenHistology = specimen.histology();
            specimenGrade = specimen.grade();
            treatmentEffectPercent = specimen.treatmentEffectPercent();
            resectionEventId = source.id();
            resectionEventType = source.type();
        }
    }

    /**
     * A resection amendment in the union type only (pathology published no typed one before the second wave): its size
     * and nodes, never the specimen's diagnosis, which that type does not carry. It does not advance the resection's
     * version, so the typed amendment published beside it (same values, its own diagnosis) still applies.
     */
    public void legacyResectionAmendment(CaseEvent source, BigDecimal sizeCm, Integer nodesExamined, Integer nodesPositive) {
        resected = true;
        if (resectionOrder().admits(source)) {
            pathSizeCm = sizeCm;
            pathNodesExamined = nodesExamined;
            pathNodesPositive = nodesPositive;
        }
    }

    /**
     * The chair waived the biopsy (issue 20, path 5): without a grade the case is staged clinically with GX (grouped as
     * G1, rps-reference.md section 4). Any pathology report, whenever it was made, replaces it: the waiver sets no time.
     */
    public void biopsyWaived(CaseEvent source) {
        if (grade == null) {
            grade = "GX";
            gradeEventId = source.id();
            gradeEventType = source.type();
        }
    }

    /** The latest recurrence the board recorded; an older one delivered late changes nothing. */
    public void recurrence(CaseEvent source, String outcome) {
        if (recurrenceOrder().advance(source)) {
            recurrence = outcome;
            recurrenceEventId = source.id();
            recurrenceEventType = source.type();
        }
    }

    public void neoadjuvantTherapy(CaseEvent source) {
        if (neoadjuvant == null) {
            neoadjuvant = true;
            neoadjuvantEventId = source.id();
            neoadjuvantEventType = source.type();
        }
    }

    /** What a resection report says of the specimen. */
    public record Specimen(BigDecimal sizeCm, Integer nodesExamined, Integer nodesPositive, String histology, String grade,
            BigDecimal treatmentEffectPercent) {
    }

    public Facts facts() {
        Sourced<BigDecimal> clinicalSize = sourced(greatestDimensionCm, clinicalEventId, clinicalEventType);
        return new Facts(clinicalSize,
                sourced(suspiciousNodes, clinicalEventId, clinicalEventType),
                sourced(distantLesions, clinicalEventId, clinicalEventType),
                sourced(grade, gradeEventId, gradeEventType),
                sourced(histology, gradeEventId, gradeEventType),
                sourced(pathSizeCm, resectionEventId, resectionEventType),
                sourced(pathNodesExamined, resectionEventId, resectionEventType),
                sourced(pathNodesPositive, resectionEventId, resectionEventType),
                resected,
                sourced(neoadjuvant, neoadjuvantEventId, neoadjuvantEventType),
                sourced(specimenHistology, resectionEventId, resectionEventType),
                sourced(specimenGrade, resectionEventId, resectionEventType),
                sourced(treatmentEffectPercent, resectionEventId, resectionEventType),
                sourced(recurrence, recurrenceEventId, recurrenceEventType));
    }

    // The owner-ordered slots as held, never null (OwnerOrder.of): each fact group's one guard.

    private OwnerOrder clinicalOrder() {
        return clinicalOrder = OwnerOrder.of(clinicalOrder);
    }

    private OwnerOrder gradeOrder() {
        return gradeOrder = OwnerOrder.of(gradeOrder);
    }

    private OwnerOrder resectionOrder() {
        return resectionOrder = OwnerOrder.of(resectionOrder);
    }

    private OwnerOrder recurrenceOrder() {
        return recurrenceOrder = OwnerOrder.of(recurrenceOrder);
    }

    private static <V> Sourced<V> sourced(V value, UUID eventId, String eventType) {
        return value == null ? Sourced.none() : new Sourced<>(value, eventId, eventType);
    }
}
