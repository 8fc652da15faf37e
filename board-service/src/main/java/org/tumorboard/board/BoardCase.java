package org.tumorboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tumorboard.board.agenda.rules.Readiness;
import org.tumorboard.board.decision.rules.Concordance;
import org.tumorboard.board.decision.rules.PlanSuggestions;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.Margins;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.ResectabilityImaging;
import org.tumorboard.platform.facts.OwnerOrder;
import org.tumorboard.platform.failure.Conflict;

import io.quarkus.logging.Log;

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

    /** Where the biopsy's histology and grade stand in pathology's order. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "grade_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "grade_sequence"))
    private OwnerOrder gradeOrder;

    /** Comma-separated alert codes from the latest biopsy report. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "alerts")
    public List<String> alerts;

    /** The resection specimen's histology and grade where re-assessed (null otherwise), and the specimen report's alerts. */
    @Column(name = "specimen_histology")
    public String specimenHistology;

    @Column(name = "specimen_grade")
    public String specimenGrade;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "specimen_alerts")
    public List<String> specimenAlerts;

    /** Where the specimen's facts stand in pathology's order. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "specimen_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "specimen_sequence"))
    private OwnerOrder specimenOrder;

    /** The margin of the newest resection report version held (R0, R1, R2). */
    @Column(name = "specimen_margin")
    public String specimenMargin;

    /** Imaging findings resectability and concordance depend on (issue 19, items 7 and 8), from intake. */
    @Column(name = "solid_enhancing_component")
    public Boolean solidEnhancingComponent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "vessel_involvement")
    public List<ResectabilityImaging.Vessel> vesselInvolvement;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "organs_abutted")
    public List<String> organsAbutted;

    /** Where the imaging findings stand in intake's order. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "imaging_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "imaging_sequence"))
    private OwnerOrder imagingOrder;

    /** Intake's biopsy indication (neoadjuvant therapy considered, a non-sarcoma suspected); null when not said. */
    @Column(name = "biopsy_indicated")
    public Boolean biopsyIndicated;

    @Column(name = "staged", nullable = false)
    public boolean staged;

    @Column(name = "stage_group")
    public String stageGroup;

    @Column(name = "metastatic", nullable = false)
    public boolean metastatic;

    @Column(name = "failure_pattern")
    public String failurePattern;

    /** Where the stage stands in staging's order. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "staged_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "staged_sequence"))
    private OwnerOrder stagedOrder;

    /** Where pathology's latest not-a-sarcoma flag or restore stands in its order. */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "pathway_at"))
    @AttributeOverride(name = "sequence", column = @Column(name = "pathway_sequence"))
    private OwnerOrder pathwayOrder;

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

    /** The surgeon's or chair's resectability assessment with its reason; null while not assessed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "resectability")
    public Resectability resectability;

    @Column(name = "resectability_reason")
    public String resectabilityReason;

    @Column(name = "resectability_by")
    public String resectabilityBy;

    @Column(name = "resectability_at")
    public Instant resectabilityAt;

    /** ECOG performance status 0-4 and major comorbidities; null while not recorded. */
    @Column(name = "ecog")
    public Integer ecog;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "comorbidities")
    public List<String> comorbidities;

    @Column(name = "fitness_by")
    public String fitnessBy;

    @Column(name = "fitness_at")
    public Instant fitnessAt;

    /** The recurrence that brought the case back to the board (NONE until one does). */
    @Enumerated(EnumType.STRING)
    @Column(name = "recurrence")
    public PlanSuggestions.Recurrence recurrence;

    /** Why the chair should review the decision: an alert that arrived after it (issue 20, path 1); null otherwise. */
    @Column(name = "chair_review")
    public String chairReview;

    /** Where the case is; moved only by {@link #apply} through the lifecycle table. */
    @Enumerated(EnumType.STRING)
    @Column(name = "phase", nullable = false)
    public Lifecycle.Phase phase = Lifecycle.Phase.WAITING;

    /**
     * A member's command in this phase: the table's move, or a 409 naming the phase and why (issue 20).
     *
     * @throws Conflict the command does not fit the phase
     */
    public void command(Lifecycle.Trigger command) {
        switch (Lifecycle.next(phase, command)) {
            case Lifecycle.Move m -> phase = m.phase();
            case Lifecycle.Stay s -> { }
            case Lifecycle.Refuse r -> throw new Conflict("Not in this phase", "Case " + caseId + ": " + r.reason(),
                    Map.of("phase", phase.name()), List.of());
        }
    }

    /**
     * A fact that arrived: the table's move. A fact the phase does not take (a late or repeated one) changes nothing;
     * facts are never refused, they are already true elsewhere.
     */
    public void apply(Lifecycle.Trigger fact) {
        switch (Lifecycle.next(phase, fact)) {
            case Lifecycle.Move m -> phase = m.phase();
            case Lifecycle.Stay s -> { }
            case Lifecycle.Refuse r -> Log.infof("case %s: %s ignored (%s)", caseId, fact, r.reason());
        }
    }

    /** A case the board hears of for the first time, by whichever event comes first: it waits for its facts. */
    public static BoardCase firstHeardOf(UUID caseId) {
        BoardCase c = new BoardCase();
        c.caseId = caseId;
        return c;
    }

    /** Intake's referral: the site (set by the referral only) and when. */
    public void referred(String site, Instant at) {
        referringSite = site;
        referredAt = at;
    }

    public void workupCompleted() {
        workupComplete = true;
        workupMissing = null;
    }

    /** Intake reopened the work-up (a chest CT once the grade is not G1): not ready; off an agenda while undecided. */
    public void workupReopened(List<String> missing) {
        workupComplete = false;
        workupMissing = missing == null ? List.of() : List.copyOf(missing);
    }

    public void withdraw() {
        withdrawn = true;
        meetingId = null;
        apply(Lifecycle.Trigger.WITHDRAWN);
    }

    /** A biopsy report or its amendment: its alerts replace the earlier ones unless it is older than the grade held. */
    public void biopsyReported(CaseEvent source, List<String> reportAlerts) {
        biopsyReported = true;
        if (grade().admits(source) && reportAlerts != null) {
            alertsAmended(reportAlerts);
        }
    }

    /**
     * The biopsy's histology and grade as of {@code source}; a report pathology committed earlier changes nothing. A change after the decision brings
     * the case back for a new round, except to not a sarcoma: the flag that follows supersedes the decision instead.
     * Returns true (the facts were read).
     */
    public boolean pathologyReported(CaseEvent source, String newHistology, String newGrade) {
        boolean heldBefore = grade().held();
        if (!grade().advance(source)) {
            return true;
        }
        boolean changed = heldBefore && (!Objects.equals(histology, newHistology) || !Objects.equals(grade, newGrade));
        histology = newHistology;
        grade = newGrade;
        if (changed && decidedOption != null && !PathologyOfRecord.NOT_SARCOMA.equals(newHistology)) {
            reopen();
            Log.infof("case %s back to the board: pathology amended to %s %s", caseId, newHistology, newGrade);
        }
        return true;
    }

    /**
     * Staging's latest: an older staging changes nothing; after a recurrence only the recurrence staging (prefix r)
     * makes the case staged again, so it is staged before it is discussed (issue 20, path 2).
     */
    public void staged(CaseEvent source, String prefix, String group, boolean m1, String pattern) {
        boolean awaitsRecurrenceStaging = recurrence != null && !"r".equals(prefix);
        if (!awaitsRecurrenceStaging && staging().advance(source)) {
            staged = true;
            stageGroup = group;
            metastatic = m1;
            failurePattern = pattern;
        }
    }

    /** The chair waived the biopsy; returns whether this is the first waiver. */
    public boolean waiveBiopsy(String reason) {
        command(Lifecycle.Trigger.WAIVE_BIOPSY);
        boolean first = biopsyWaiverReason == null;
        biopsyWaiverReason = reason;
        return first;
    }

    /** On the agenda of this meeting. */
    public void place(UUID meeting) {
        apply(Lifecycle.Trigger.PLACED);
        meetingId = meeting;
    }

    /** The meeting closed without deciding the case: it waits for the next one. */
    public void meetingClosedUndecided() {
        meetingId = null;
        apply(Lifecycle.Trigger.MEETING_CLOSED_UNDECIDED);
    }

    /** The board decided this round's plan. */
    public void decided(PlanOption option, java.time.LocalDate on) {
        apply(Lifecycle.Trigger.DECIDED);
        decidedOption = option;
        decidedOn = on;
    }

    /** A neoadjuvant start or the operation: the plan is being carried out. */
    public void treatmentStarted() {
        apply(Lifecycle.Trigger.TREATMENT_STARTED);
    }

    public void surgeryRecorded(java.time.LocalDate on, Boolean statedGrossResidual) {
        surgeryDate = on;
        grossResidual = statedGrossResidual;
    }

    public void notImplemented(NotImplementedReason reason) {
        notImplementedReason = reason;
    }

    /** Followed on this track from now. */
    public void surveillanceStarted(SurveillanceSchedule.Track track) {
        apply(Lifecycle.Trigger.SURVEILLANCE_STARTED);
        inSurveillance = true;
        surveillanceTrack = track;
    }

    /** The visits not yet done follow another track (an amended specimen). */
    public void retracked(SurveillanceSchedule.Track track) {
        surveillanceTrack = track;
    }

    /** The open visits are dropped (a recurrence, gross residual disease) or all done while the case is before the board. */
    public void surveillanceEnded() {
        inSurveillance = false;
    }

    /** The last visit found no disease. */
    public void discharge() {
        apply(Lifecycle.Trigger.DISCHARGED);
        inSurveillance = false;
        discharged = true;
    }

    /** The surgeon or the chair assessed resectability (rps-reference.md section 8). */
    public void assessResectability(Resectability assessment, String reason, String by, Instant at) {
        command(Lifecycle.Trigger.ASSESS);
        resectability = assessment;
        resectabilityReason = reason;
        resectabilityBy = by;
        resectabilityAt = at;
    }

    /** ECOG and major comorbidities, recorded in work-up or at the board. */
    public void recordFitness(int performanceStatus, List<String> majorComorbidities, String by, Instant at) {
        command(Lifecycle.Trigger.ASSESS);
        ecog = performanceStatus;
        comorbidities = majorComorbidities == null ? List.of() : List.copyOf(majorComorbidities);
        fitnessBy = by;
        fitnessAt = at;
    }

    /**
     * A recurrence found in surveillance: staged again (prefix r) before it is discussed, so the case waits for the
     * recurrence staging; a distant metastasis is metastatic at once (issue 20, path 2).
     */
    public void recurred(PlanSuggestions.Recurrence found) {
        recurrence = found;
        discharged = false;
        staged = false;
        if (found == PlanSuggestions.Recurrence.DISTANT) {
            metastatic = true;
        }
    }

    /**
     * What the plan suggestions depend on: the histology and grade of record (the pre-treatment grade after neoadjuvant
     * therapy).
     */
    public PlanSuggestions.Situation situation(boolean afterNeoadjuvant) {
        PathologyOfRecord record = pathologyOfRecord(afterNeoadjuvant);
        return new PlanSuggestions.Situation(record.histology(), record.grade(), metastatic, resectability, ecog,
                recurrence == null ? PlanSuggestions.Recurrence.NONE : recurrence, biopsyWaiverReason != null, nonSarcoma);
    }

    /** After facts changed: ready for the board or not (a decided plan stands either way). */
    public void factsChanged() {
        apply(readiness().ready() ? Lifecycle.Trigger.FACTS_COMPLETE : Lifecycle.Trigger.FACTS_INCOMPLETE);
        if (phase == Lifecycle.Phase.WAITING && decidedOption == null) {
            meetingId = null;
        }
    }

    /**
     * Pathology's not-a-sarcoma flag or its restore in {@code source}: true when it is the newest pathology committed (and
     * is now the one held), false for one committed before the verdict held (issue 22, item 5).
     */
    public boolean pathwayVerdict(CaseEvent source) {
        return pathway().advance(source);
    }

    /** Not a sarcoma: off the pathway and off any agenda; a decision already made is superseded by the caller. */
    public void offPathway(String reason) {
        nonSarcoma = true;
        nonSarcomaReason = reason;
        meetingId = null;
        apply(Lifecycle.Trigger.NOT_SARCOMA);
    }

    /**
     * Pathology amended back to a sarcoma: the case returns to the board. A decision superseded meanwhile is not revived:
     * a new round discusses the case again.
     */
    public void backOnPathway() {
        boolean wasOff = phase == Lifecycle.Phase.OFF_PATHWAY;
        nonSarcoma = false;
        nonSarcomaReason = null;
        apply(Lifecycle.Trigger.SARCOMA_RESTORED);
        if (wasOff && decidedOption != null) {
            newRound();
        }
        factsChanged();
    }

    /**
     * The resection report's version {@code source} says this of the margin and the specimen; an older version than the
     * one held changes nothing (an amendment delivered before its original keeps its word). Returns whether it was
     * applied.
     */
    public boolean specimenReported(CaseEvent source, String margin, String histology, String grade, List<String> alerts) {
        if (!specimen().advance(source)) {
            return false;
        }
        specimenMargin = margin;
        specimenHistology = histology;
        specimenGrade = grade;
        specimenAlerts = alerts == null ? List.of() : List.copyOf(alerts);
        return true;
    }

    /**
     * Intake's imaging findings in {@code source}; findings intake committed before the ones held, or none from an older
     * producer, change nothing.
     */
    public void imaged(CaseEvent source, ResectabilityImaging imaging, Boolean indicated) {
        if (!imaging().admits(source) || imaging == null && indicated == null) {
            return;
        }
        if (indicated != null) {
            biopsyIndicated = indicated;
        }
        if (imaging == null) {
            return;
        }
        imaging().advance(source);
        solidEnhancingComponent = imaging.solidEnhancingComponent();
        vesselInvolvement = imaging.vesselInvolvement() == null ? List.of() : List.copyOf(imaging.vesselInvolvement());
        organsAbutted = imaging.organsAbutted() == null ? List.of() : List.copyOf(imaging.organsAbutted());
    }

    /**
     * An amended report's alerts replace the earlier ones; one that is new after the board decided flags the decision
     * for the chair's review, on the board's view and the agenda (issue 20, path 1).
     */
    public void alertsAmended(List<String> amended) {
        List<String> before = allAlerts();
        alerts = List.copyOf(amended);
        List<String> added = amended.stream().filter(a -> !before.contains(a)).toList();
        if (decidedOption != null && !added.isEmpty()) {
            chairReview = "pathology amended after the decision: " + String.join(", ", added);
        }
    }

    /** The newest resection report held says gross residual disease (R2). */
    public boolean specimenGrossResidual() {
        return Margins.isGrossResidual(specimenMargin);
    }

    /** The histology and grade the patient is followed by (rps-reference.md section 8). */
    public PathologyOfRecord pathologyOfRecord(boolean afterNeoadjuvant) {
        return PathologyOfRecord.of(histology, grade, specimenHistology, specimenGrade, afterNeoadjuvant);
    }

    /** The alerts of the biopsy, of the re-assessed specimen and of imaging-pathology concordance, each once. */
    public List<String> allAlerts() {
        List<String> all = new ArrayList<>();
        all.addAll(alerts == null ? List.of() : alerts);
        all.addAll(specimenAlerts == null ? List.of() : specimenAlerts);
        all.addAll(Concordance.alerts(specimenHistology != null ? specimenHistology : histology, solidEnhancingComponent));
        return all.stream().distinct().toList();
    }

    public Readiness.Result readiness() {
        return Readiness.evaluate(workupComplete, workupMissing, biopsyReported, biopsyWaiverReason != null, staged, nonSarcoma,
                withdrawn);
    }

    public boolean awaitsPlacement() {
        return phase == Lifecycle.Phase.READY && meetingId == null && decidedOption == null && readiness().ready();
    }

    /**
     * A new round of discussion: earlier votes and decisions stay on the record under their round. A surveillance
     * schedule that runs keeps running while the case is discussed again (issue 20, path 7); the paths that end it
     * (a recurrence, gross residual disease) say so with {@link #surveillanceEnded()}.
     */
    public void reopen() {
        apply(Lifecycle.Trigger.BACK_TO_BOARD);
        newRound();
        factsChanged();
    }

    private void newRound() {
        chairReview = null;
        discussionRound++;
        decidedOption = null;
        decidedOn = null;
        notImplementedReason = null;
        meetingId = null;
        // a discharged case discussed again is no longer discharged: a new resection's report is followed again
        discharged = false;
    }

    // The owner-ordered slots as held, never null (OwnerOrder.of): each fact group's one guard.

    private OwnerOrder grade() {
        return gradeOrder = OwnerOrder.of(gradeOrder);
    }

    private OwnerOrder specimen() {
        return specimenOrder = OwnerOrder.of(specimenOrder);
    }

    private OwnerOrder imaging() {
        return imagingOrder = OwnerOrder.of(imagingOrder);
    }

    private OwnerOrder staging() {
        return stagedOrder = OwnerOrder.of(stagedOrder);
    }

    private OwnerOrder pathway() {
        return pathwayOrder = OwnerOrder.of(pathwayOrder);
    }
}
