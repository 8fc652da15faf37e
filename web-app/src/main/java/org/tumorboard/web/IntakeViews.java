package org.tumorboard.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the pages show of intake's answers (api-contract.md field names; fields the pages do not use are ignored). */
public final class IntakeViews {

    private IntakeViews() {
    }

    /** {@code patient}: present for the roles that contact or treat the patient. */
    public record CaseSummary(UUID caseId, String referringSite, String status, Instant statusSince, Instant referredAt,
            Patient patient) {
    }

    public record CasePage(List<CaseSummary> items, int page, int size, long total) implements Paged {

        public long first() {
            return items.isEmpty() ? 0 : (long) page * size + 1;
        }

        public long last() {
            return (long) page * size + items.size();
        }
    }

    public record Site(String code, String name, boolean hub) {
    }

    public record Patient(String mrn, String givenName, String familyName, LocalDate birthDate, String sex) {
    }

    public record Chest(String modality, LocalDate date) {
    }

    public record Imaging(LocalDate ctAbdomenPelvisDate, Chest chestImaging, BigDecimal greatestDimensionCm, String side,
            String compartment, Boolean suspiciousNodes, Boolean distantLesions, String suspectedNonSarcoma,
            List<VesselInvolvement> vesselInvolvement, List<String> organsAbutted) {
    }

    public record VesselInvolvement(String vessel, String extent) {
    }

    public record Workup(boolean complete, List<String> missing) {
    }

    public record Biopsy(boolean indicated, List<String> reasons) {
    }

    public record TimelineEntry(String type, Instant time, String summary) {
    }

    public record CaseView(UUID caseId, String referringSite, String status, String clinicalQuestion, boolean neoadjuvantConsidered,
            Instant referredAt, Imaging imaging, Workup workup, Biopsy biopsy, Patient patient, List<TimelineEntry> timeline,
            Integer ageAtReferral, String sex) {
    }

    public record Referred(UUID caseId, String status, boolean biopsyIndicated, List<String> biopsyReasons,
            List<String> missingWorkup, List<UUID> otherOpenCases) {
    }

    public record FieldError(String field, String message) {
    }

    /**
     * A service's problem (RFC 9457) with the members the pages act on: the patient's other open cases (a second
     * referral), the disciplines a quorum still lacks and the votes per option (a decision refused), a full meeting's
     * capacity.
     */
    public record Problem(String title, int status, String detail, List<FieldError> errors, List<UUID> openCases,
            List<String> missingDisciplines, Map<String, Integer> counts, Integer votesCast, Integer capacity) {

        public Problem(String title, int status, String detail, List<FieldError> errors) {
            this(title, status, detail, errors, null, null, null, null, null);
        }
    }
}
