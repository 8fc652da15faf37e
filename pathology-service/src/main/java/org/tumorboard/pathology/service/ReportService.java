package org.tumorboard.pathology.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyReport;
import org.tumorboard.pathology.PathologyReport.Kind;
import org.tumorboard.pathology.ReportVersion;
import org.tumorboard.pathology.SpecimenType;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.pathology.repository.ReportRepository;
import org.tumorboard.pathology.rules.FnclccGrade;
import org.tumorboard.pathology.rules.MarginSampling;
import org.tumorboard.pathology.rules.PathologyAlerts;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Posting and amending reports. Each version is kept; each write emits its events in the same transaction. */
@ApplicationScoped
public class ReportService {

    /** What the rules computed for a biopsy report version. */
    public record BiopsyResult(FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts, boolean nonSarcoma,
            List<String> findings) {

        SpecimenDiagnosis diagnosis() {
            return new SpecimenDiagnosis(grade, alerts, nonSarcoma, findings);
        }
    }

    /** What the rules computed for a resection report version. */
    public record ResectionResult(String margin, BigDecimal assumedInvolvedFraction, BigDecimal marginMissProbability,
            int blocksForFivePercentMiss, FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts, boolean nonSarcoma,
            @JsonIgnore List<String> findings) {

        SpecimenDiagnosis diagnosis() {
            return new SpecimenDiagnosis(grade, alerts, nonSarcoma, findings);
        }
    }

    public record Posted<R>(PathologyReport report, ReportVersion version, R result) {
    }

    /** {@code POST .../biopsy-reports}: the new report's id and version, its grade and alerts. */
    public record BiopsyReportPosted(UUID reportId, int version, FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts,
            boolean nonSarcoma) {
    }

    /** {@code POST .../resection-reports}: the new report's id and version, the margin and the sampling figures. */
    public record ResectionReportPosted(UUID reportId, int version, String margin, BigDecimal assumedInvolvedFraction,
            BigDecimal marginMissProbability, int blocksForFivePercentMiss, FnclccGrade.Result grade,
            List<PathologyAlerts.Alert> alerts, boolean nonSarcoma) {
    }

    public record VersionView(int version, Instant recordedAt, String recordedBy, String amendmentReason, JsonNode report,
            JsonNode result) {
    }

    public record ReportView(UUID reportId, PathologyReport.Kind kind, int currentVersion, Instant createdAt,
            List<VersionView> versions) {
    }

    static final BigDecimal DEFAULT_INVOLVED_FRACTION = BigDecimal.valueOf(MarginSampling.DEFAULT_INVOLVED_FRACTION);

    @Inject
    PathologyCaseRepository cases;

    @Inject
    ReportRepository reports;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    /** What posting this biopsy report would give (grade, alerts), for the form as it is filled; nothing is stored. */
    @Transactional
    public BiopsyResult previewBiopsy(UUID caseId,
            @NotNull(message = "a biopsy report body is required") @Valid BiopsyReportCommand request) {
        visibleCase(caseId);
        return evaluate(request);
    }

    /** What posting this resection report would give (miss chance, blocks needed, alerts); nothing is stored. */
    @Transactional
    public ResectionResult previewResection(UUID caseId,
            @NotNull(message = "a resection report body is required") @Valid ResectionReportCommand request) {
        visibleCase(caseId);
        return evaluate(request, biopsyHistology(caseId), reports.hasBiopsy(caseId));
    }

    @Transactional
    @Audited(value = "BIOPSY_REPORT", creates = true)
    public BiopsyReportPosted postBiopsy(UUID caseId,
            @NotNull(message = "a biopsy report body is required") @Valid BiopsyReportCommand request) {
        Posted<BiopsyResult> posted = recordBiopsy(caseId, request, caller.getName());
        BiopsyResult r = posted.result();
        return new BiopsyReportPosted(posted.report().reportId, posted.version().version, r.grade(), r.alerts(), r.nonSarcoma());
    }

    @Transactional
    @Audited(value = "RESECTION_REPORT", creates = true)
    public ResectionReportPosted postResection(UUID caseId,
            @NotNull(message = "a resection report body is required") @Valid ResectionReportCommand request) {
        Posted<ResectionResult> posted = recordResection(caseId, request, caller.getName());
        ResectionResult r = posted.result();
        return new ResectionReportPosted(posted.report().reportId, posted.version().version, r.margin(),
                r.assumedInvolvedFraction(), r.marginMissProbability(), r.blocksForFivePercentMiss(), r.grade(), r.alerts(),
                r.nonSarcoma());
    }

    /** A new version of the report with its reason; the report with every version. */
    @Transactional
    @Audited(value = "AMENDMENT", creates = true)
    public ReportView amend(UUID caseId, UUID reportId,
            @NotNull(message = "an amendment body is required") @Valid AmendmentCommand request) {
        return view(recordAmendment(caseId, reportId, request, caller.getName()).report());
    }

    /** Every report of the case with every version, oldest first. */
    @Transactional
    public List<ReportView> reportsOf(UUID caseId) {
        visibleCase(caseId);
        return reports.ofCase(caseId).stream().map(this::view).toList();
    }

    Posted<BiopsyResult> recordBiopsy(UUID caseId, BiopsyReportCommand request, String by) {
        PathologyCase c = visibleCase(caseId);
        BiopsyResult result = evaluate(request);
        String before = histologyOfRecord(caseId);
        PathologyReport report = newReport(c, Kind.BIOPSY);
        ReportVersion version = report.addVersion(clock.instant(), by, null, tree(request), tree(result), null);
        c.reported(PathologyCase.Awaiting.BIOPSY_REPORT, clock.instant());
        SpecimenDiagnosis d = result.diagnosis();
        outbox.publish(CaseEventTypes.BIOPSY_REPORTED, caseId.toString(), new BiopsyReported(caseId.toString(),
                report.reportId.toString(), version.version, request.histology().name(), d.gradeName(), d.score(), d.alertCodes(),
                d.published(request.ihc(), request.molecular())));
        followDiagnosis(caseId, report, version, before, d);
        Log.infof("biopsy report %s v%d for case %s: grade %s, %d alerts", report.reportId, version.version, caseId,
                d.gradeName(), d.alerts().size());
        return new Posted<>(report, version, result);
    }

    Posted<ResectionResult> recordResection(UUID caseId, ResectionReportCommand request, String by) {
        PathologyCase c = visibleCase(caseId);
        ResectionResult result = evaluate(request, biopsyHistology(caseId), reports.hasBiopsy(caseId));
        String before = histologyOfRecord(caseId);
        PathologyReport report = newReport(c, Kind.RESECTION);
        ReportVersion version = report.addVersion(clock.instant(), by, null, tree(request), tree(result), request.margin());
        c.reported(PathologyCase.Awaiting.RESECTION_REPORT, clock.instant());
        outbox.publish(CaseEventTypes.RESECTION_REPORTED, caseId.toString(), new ResectionReported(caseId.toString(),
                report.reportId.toString(), version.version, request.margin().name(), request.greatestDimensionCm(),
                request.nodesExamined(), request.nodesPositive(), result.marginMissProbability(), name(request.histology()),
                result.diagnosis().gradeName(), request.treatmentEffectPercent(), result.diagnosis().alertCodes(),
                result.diagnosis().published(request.ihc(), request.molecular())));
        followDiagnosis(caseId, report, version, before, result.diagnosis());
        return new Posted<>(report, version, result);
    }

    /**
     * A new version of a report, published as its typed amendment only: the union {@code report-amended.v1} of the first
     * waves is no longer published; consumers still read it from the topics' history.
     */
    Posted<?> recordAmendment(UUID caseId, UUID reportId, AmendmentCommand request, String by) {
        visibleCase(caseId);
        PathologyReport report = reports.findByIdOptional(reportId)
                .filter(r -> r.caseId.equals(caseId))
                .orElseThrow(() -> new NotFound("report " + reportId));
        String before = histologyOfRecord(caseId);
        if (report.kind == Kind.BIOPSY) {
            if (request.biopsy() == null || request.resection() != null) {
                throw new InvalidInput("biopsy", "an amendment of a biopsy report carries the whole corrected biopsy report");
            }
            BiopsyReportCommand b = request.biopsy();
            BiopsyResult result = evaluate(b);
            SpecimenDiagnosis d = result.diagnosis();
            ReportVersion version = report.addVersion(clock.instant(), by, request.reason(), tree(b), tree(result), null);
            outbox.publish(CaseEventTypes.BIOPSY_AMENDED, caseId.toString(), new BiopsyAmended(caseId.toString(),
                    reportId.toString(), version.version, b.histology().name(), d.gradeName(), d.score(), d.alertCodes(),
                    d.published(b.ihc(), b.molecular())));
            followDiagnosis(caseId, report, version, before, d);
            return new Posted<>(report, version, result);
        }
        if (request.resection() == null || request.biopsy() != null) {
            throw new InvalidInput("resection", "an amendment of a resection report carries the whole corrected resection report");
        }
        ResectionReportCommand r = request.resection();
        ResectionResult result = evaluate(r, biopsyHistology(caseId), reports.hasBiopsy(caseId));
        ReportVersion version = report.addVersion(clock.instant(), by, request.reason(), tree(r), tree(result), r.margin());
        outbox.publish(CaseEventTypes.RESECTION_AMENDED, caseId.toString(), new ResectionAmended(caseId.toString(),
                reportId.toString(), version.version, r.margin().name(), r.greatestDimensionCm(), r.nodesExamined(),
                r.nodesPositive(), result.marginMissProbability(), name(r.histology()), result.diagnosis().gradeName(),
                r.treatmentEffectPercent(), result.diagnosis().alertCodes(), result.diagnosis().published(r.ihc(), r.molecular())));
        followDiagnosis(caseId, report, version, before, result.diagnosis());
        return new Posted<>(report, version, result);
    }

    public static BiopsyResult evaluate(BiopsyReportCommand request) {
        boolean open = request.specimenType() == SpecimenType.OPEN_INCISIONAL || request.specimenType() == SpecimenType.EXCISIONAL;
        if (request.fnclcc() == null && request.histology() != Histology.NOT_SARCOMA) {
            throw new InvalidInput("fnclcc", "is required for a sarcoma histology (a component that cannot be scored is left "
                    + "out and gives GX)");
        }
        SpecimenDiagnosis d = SpecimenDiagnosis.ofBiopsy(request.histology(), request.ihc(), request.molecular(), request.fnclcc(),
                open);
        return new BiopsyResult(d.grade(), d.alerts(), d.nonSarcoma(), d.findings());
    }

    /**
     * @param biopsyHistology the current biopsy report's histology, null without one: a specimen re-assessed without
     *                        its own histology is read against it (no grade for a non-sarcoma, the differentiation fit)
     */
    public static ResectionResult evaluate(ResectionReportCommand request, Histology biopsyHistology, boolean biopsyOnRecord) {
        if (request.nodesPositive() != null && request.nodesExamined() != null && request.nodesPositive() > request.nodesExamined()) {
            throw new InvalidInput("nodesPositive", "must not exceed nodesExamined");
        }
        if (request.histology() == null && (request.ihc() != null && !request.ihc().isEmpty() || request.molecular() != null)) {
            throw new InvalidInput("histology", "is required when the specimen's markers are re-tested: they are read against it");
        }
        SpecimenDiagnosis d = request.reassessed()
                ? SpecimenDiagnosis.ofSpecimen(request.histology(), biopsyHistology, request.ihc(), request.molecular(),
                        request.fnclcc())
                : SpecimenDiagnosis.NONE;
        BigDecimal p = request.assumedInvolvedFraction() == null ? DEFAULT_INVOLVED_FRACTION : request.assumedInvolvedFraction();
        List<PathologyAlerts.Alert> alerts = new ArrayList<>(d.alerts());
        if (!biopsyOnRecord) {
            alerts.add(new PathologyAlerts.Alert(PathologyAlerts.Code.RESECTION_WITHOUT_BIOPSY, PathologyAlerts.Severity.WARNING,
                    "No biopsy report is on record for this case: the resection report is accepted, check the diagnosis"));
        }
        return new ResectionResult(request.margin().name(), p, MarginSampling.missProbability(p.doubleValue(), request.blocksSampled()),
                MarginSampling.blocksNeeded(p.doubleValue(), MarginSampling.TARGET_MISS_CHANCE), d.grade(), List.copyOf(alerts),
                d.nonSarcoma(), d.findings());
    }

    /**
     * The case leaves the sarcoma pathway only on the pathologist's histology NOT_SARCOMA, and comes back when the
     * histology of record is amended back to a sarcoma (rps-reference.md section 8). The histology of record is the one
     * staging and the board go by ({@link PathologyOfRecord}): the current resection report's where it gives one, else
     * the current biopsy report's.
     */
    private void followDiagnosis(UUID caseId, PathologyReport report, ReportVersion version, String before,
            SpecimenDiagnosis d) {
        String after = histologyOfRecord(caseId);
        String id = caseId.toString();
        if (d.nonSarcoma() && PathologyOfRecord.NOT_SARCOMA.equals(after)) {
            outbox.publish(CaseEventTypes.NON_SARCOMA_FLAGGED, id, new NonSarcomaFlagged(id, report.reportId.toString(), d.findings()));
        } else if (PathologyOfRecord.NOT_SARCOMA.equals(before) && after != null && !PathologyOfRecord.NOT_SARCOMA.equals(after)) {
            // The pathologist's call is undone by the pathologist: the case comes back to the sarcoma pathway.
            outbox.publish(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, id, new SarcomaDiagnosisRestored(id,
                    report.reportId.toString(), version.version, after));
            Log.infof("case %s back on the sarcoma pathway: report %s v%d, histology of record %s", caseId, report.reportId,
                    version.version, after);
        }
    }

    /** The case's histology of record (see {@link #followDiagnosis}); null before any report gives one. */
    private String histologyOfRecord(UUID caseId) {
        List<PathologyReport> all = reports.ofCase(caseId);
        return PathologyOfRecord.of(currentHistology(all, Kind.BIOPSY), null, currentHistology(all, Kind.RESECTION), null, false)
                .histology();
    }

    /** The current biopsy report's histology, null without one. */
    private Histology biopsyHistology(UUID caseId) {
        String histology = currentHistology(reports.ofCase(caseId), Kind.BIOPSY);
        return histology == null ? null : Histology.valueOf(histology);
    }

    /** The histology in the current version of the latest report of the kind that gives one. */
    private static String currentHistology(List<PathologyReport> all, Kind kind) {
        return all.stream()
                .filter(r -> r.kind == kind)
                .map(r -> r.versions.get(r.versions.size() - 1))
                .filter(v -> v.content != null && v.content.hasNonNull("histology"))
                .max(Comparator.comparing((ReportVersion v) -> v.recordedAt).thenComparing(v -> v.version))
                .map(v -> v.content.get("histology").asText())
                .orElse(null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private ReportView view(PathologyReport report) {
        return new ReportView(report.reportId, report.kind, report.currentVersion, report.createdAt, report.versions.stream()
                .map(v -> new VersionView(v.version, v.recordedAt, v.recordedBy, v.amendmentReason, v.content, v.result))
                .toList());
    }

    private PathologyReport newReport(PathologyCase c, Kind kind) {
        PathologyReport report = new PathologyReport();
        report.reportId = UUID.randomUUID();
        report.caseId = c.caseId;
        report.kind = kind;
        report.createdAt = clock.instant();
        reports.persist(report);
        return report;
    }

    private PathologyCase visibleCase(UUID caseId) {
        return siteScope.visible(cases.findByIdOptional(caseId), found -> found.referringSite, "case " + caseId);
    }

    /** What the pathologist entered, or what the rules computed, as the JSON document the version keeps. */
    private JsonNode tree(Object value) {
        return json.valueToTree(value);
    }
}
