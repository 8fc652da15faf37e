package org.tumorboard.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** What the pages show of pathology's, staging's and board's answers (api-contract.md names; other fields ignored). */
public final class ServiceViews {

    private ServiceViews() {
    }

    // pathology-service

    public record WorklistItem(UUID caseId, String referringSite, String awaiting, Instant waitingSince, long waitingDays) {
    }

    /** A page of the pathology worklist; the pages count from 1 for the pathologist. */
    public record WorklistPage(List<WorklistItem> items, int page, int size, long total) implements Paged {

        static final int SIZE = 25;
    }

    public record Grade(String grade, Integer score, Integer differentiationScore, Integer mitosisScore, Integer necrosisScore,
            List<String> missing) {
    }

    public record Alert(String code, String severity, String message) {
    }

    /** {@code grade} is null for a histology that is not sarcoma: FNCLCC grades sarcomas only. */
    public record BiopsyResult(UUID reportId, Integer version, Grade grade, List<Alert> alerts, boolean nonSarcoma) {
    }

    /** {@code grade} is the re-assessed specimen's, null when the report gives no FNCLCC components. */
    public record ResectionResult(UUID reportId, Integer version, String margin, BigDecimal assumedInvolvedFraction,
            BigDecimal marginMissProbability, int blocksForFivePercentMiss, Grade grade, List<Alert> alerts, boolean nonSarcoma) {
    }

    public record ReportVersion(int version, Instant recordedAt, String recordedBy, String amendmentReason, JsonNode report,
            JsonNode result) {
    }

    public record Report(UUID reportId, String kind, int currentVersion, Instant createdAt, List<ReportVersion> versions) {
    }

    /** One version as the reports page lists it. */
    public record VersionLine(int version, Instant recordedAt, String recordedBy, String amendmentReason, String summary) {
    }

    public record ReportLines(UUID reportId, String kind, int currentVersion, List<VersionLine> versions) {
    }

    // staging-service

    public record FailurePatternView(String pattern, String note) {
    }

    public record Staging(boolean complete, List<String> missing, String prefix, String t, String n, String m, String g, String group,
            FailurePatternView failurePattern, Instant stagedAt) {
    }

    // board-service

    public record Meeting(UUID meetingId, LocalDate date, int capacity, long scheduled, boolean closed, java.time.LocalTime startTime,
            String room, boolean cancelled) {

        /** "08:30", or empty when no time is set. */
        public String time() {
            return startTime == null ? "" : startTime.toString().substring(0, 5);
        }

        public String roomOrEmpty() {
            return room == null ? "" : room;
        }

        public String capacityText() {
            return String.valueOf(capacity);
        }
    }

    public record AgendaItem(UUID caseId, String referringSite, String stageGroup, String histology, String grade,
            String failurePattern, List<String> alerts, Long daysSinceReferral, String decidedOption, String chairReview) {
    }

    public record Agenda(Meeting meeting, List<AgendaItem> cases) {

        public String liveVersion() {
            return LiveUpdates.version(this);
        }
    }

    /** A case on a coming agenda still waiting for the signed-in member's vote. */
    public record PendingVote(UUID caseId, String referringSite, UUID meetingId, LocalDate meetingDate, int round) {
    }

    public record Suggestion(String option, String reason) {
    }

    public record Vote(String member, String discipline, String option, String rationale, Instant castAt, String memberName) {

        /** The member as people read them: their name, or their login when the account gives none. */
        public String who() {
            return memberName == null ? member : memberName;
        }
    }

    /** A vote as the decision recorded it, with board-service's own dissent flag. */
    public record DecidedVote(String member, String discipline, String option, String rationale, boolean dissent,
            String memberName) {

        public String who() {
            return memberName == null ? member : memberName;
        }
    }

    /** {@code superseded}: a later fact withdrew the decision (kept on record), null while it stands. */
    public record Decision(String option, int round, Instant decidedAt, String decidedBy, List<DecidedVote> votes,
            Superseded superseded, String decidedByName) {

        public String decider() {
            return decidedByName == null ? decidedBy : decidedByName;
        }
    }

    public record Superseded(String reason, Instant at) {
    }

    public record BoardCase(UUID caseId, boolean ready, List<String> missing, String notSarcomaReason, UUID meetingId, int round,
            List<Suggestion> suggestedOptions, List<Vote> votes, Decision decision, List<String> alerts, BoardImaging imaging,
            String phase, List<String> quorum, Resectability resectability, Fitness fitness, String chairReview) {

        /** Whether readiness still waits for a biopsy report (the chair may waive it). */
        public boolean biopsyMissing() {
            return missing != null && missing.contains("BIOPSY_REPORT");
        }

        /** What the page's live part shows, as a version its stream compares ({@link LiveUpdates}). */
        public String liveVersion() {
            return LiveUpdates.version(this);
        }

        /** The board's alerts (pathology's and imaging-pathology concordance), none when the service sent none. */
        public List<String> alertsOrEmpty() {
            return alerts == null ? List.of() : alerts;
        }
    }

    public record Resectability(String assessment, String reason, String assessedBy, Instant assessedAt) {
    }

    public record Fitness(int ecog, List<String> comorbidities, String recordedBy, Instant recordedAt) {
    }

    /** Imaging findings resectability depends on, as the board holds them (issue 19, item 7). */
    public record BoardImaging(Boolean solidEnhancingComponent, List<Vessel> vesselInvolvement, List<String> organsAbutted) {
    }

    public record Vessel(String vessel, String extent) {
    }

    public record Visit(int number, int month, LocalDate due, List<String> exams, String state, LocalDate doneOn, String outcome) {
    }

    public record Schedule(UUID caseId, String track, LocalDate surgeryDate, boolean inSurveillance, boolean discharged,
            List<Visit> visits) {
    }

    public record DueVisit(UUID caseId, String referringSite, int number, LocalDate due, List<String> exams, String state,
            long daysOverdue) {
    }

    /** A page of visits due; the pages count from 1 for the nurse. */
    public record DuePage(List<DueVisit> items, int page, int size, long total) implements Paged {

        static final int SIZE = 25;
    }

    public record OverduePlan(UUID caseId, String referringSite, String option, LocalDate decidedOn, String nextStep, LocalDate due,
            long daysOverdue) {
    }

    // the hub dashboard

    public record SiteCounts(String site, long total, Map<String, Long> byStatus) {
    }

    public record CaseCounts(long total, Map<String, Long> byStatus, List<SiteCounts> sites) {
    }

    public record Spread(int n, Double median, Double q1, Double q3, Long min, Long max) {
    }

    public record SiteTimeliness(String site, int cases, int decided, int treated, Spread referralToDecisionDays,
            Spread decisionToTreatmentDays) {
    }

    public record Timeliness(LocalDate asOf, List<SiteTimeliness> sites, int overduePlans, int overdueSurveillanceVisits) {
    }

    public record Rate(String site, int resections, int r0, int r1, int r2, BigDecimal r0Rate) {
    }

    public record Published(BigDecimal specializedCenters, BigDecimal otherCenters) {
    }

    public record Margins(Rate all, List<Rate> sites, Published published) {
    }
}
