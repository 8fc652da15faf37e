package org.tumorboard.pathology.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;
import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyReport;
import org.tumorboard.pathology.PathologyReport.Kind;
import org.tumorboard.pathology.ReportVersion;
import org.tumorboard.pathology.SpecimenType;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.pathology.repository.ReportRepository;
import org.tumorboard.pathology.rules.DifferentiationFit;
import org.tumorboard.pathology.rules.FnclccGrade;
import org.tumorboard.pathology.rules.MarginSampling;
import org.tumorboard.pathology.rules.PathologyAlerts;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Posting and amending reports. Each version is kept; each write emits its events in the same transaction. */
@ApplicationScoped
public class ReportService {

    /** What the rules computed for a biopsy report version. */
    public record BiopsyResult(FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts, boolean nonSarcoma,
            List<String> findings) {
    }

    /** What the rules computed for a resection report version. */
    public record ResectionResult(String margin, BigDecimal assumedInvolvedFraction, BigDecimal marginMissProbability,
            int blocksForFivePercentMiss, List<PathologyAlerts.Alert> alerts) {
    }

    public record Posted<R>(PathologyReport report, ReportVersion version, R result) {
    }

    /** {@code POST .../biopsy-reports}: the new report's id and version, its grade and alerts. */
    public record BiopsyReportPosted(UUID reportId, int version, FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts,
            boolean nonSarcoma) {
    }

    /** {@code POST .../resection-reports}: the new report's id and version, the margin and the sampling figures. */
    public record ResectionReportPosted(UUID reportId, int version, String margin, BigDecimal assumedInvolvedFraction,
            BigDecimal marginMissProbability, int blocksForFivePercentMiss, List<PathologyAlerts.Alert> alerts) {
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
        return evaluate(request, reports.hasBiopsy(caseId));
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
                r.assumedInvolvedFraction(), r.marginMissProbability(), r.blocksForFivePercentMiss(), r.alerts());
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
        PathologyReport report = newReport(c, Kind.BIOPSY);
        ReportVersion version = report.addVersion(clock.instant(), by, null, tree(request), tree(result), null);
        c.reported(PathologyCase.Awaiting.BIOPSY_REPORT, clock.instant());
        emitBiopsy(c, report, version, request, result);
        Log.infof("biopsy report %s v%d for case %s: grade %s, %d alerts", report.reportId, version.version, caseId,
                result.grade().grade(), result.alerts().size());
        return new Posted<>(report, version, result);
    }

    Posted<ResectionResult> recordResection(UUID caseId, ResectionReportCommand request, String by) {
        PathologyCase c = visibleCase(caseId);
        ResectionResult result = evaluate(request, reports.hasBiopsy(caseId));
        PathologyReport report = newReport(c, Kind.RESECTION);
        ReportVersion version = report.addVersion(clock.instant(), by, null, tree(request), tree(result), request.margin());
        c.reported(PathologyCase.Awaiting.RESECTION_REPORT, clock.instant());
        outbox.publish(CaseEventTypes.RESECTION_REPORTED, caseId.toString(), new ResectionReported(caseId.toString(),
                report.reportId.toString(), version.version, request.margin().name(), request.greatestDimensionCm(),
                request.nodesExamined(), request.nodesPositive(), result.marginMissProbability()));
        return new Posted<>(report, version, result);
    }

    Posted<?> recordAmendment(UUID caseId, UUID reportId, AmendmentCommand request, String by) {
        PathologyCase c = visibleCase(caseId);
        PathologyReport report = reports.findByIdOptional(reportId)
                .filter(r -> r.caseId.equals(caseId))
                .orElseThrow(() -> new NotFound("report " + reportId));
        if (report.kind == Kind.BIOPSY) {
            if (request.biopsy() == null || request.resection() != null) {
                throw new InvalidInput("biopsy", "an amendment of a biopsy report carries the whole corrected biopsy report");
            }
            BiopsyResult result = evaluate(request.biopsy());
            boolean wasNonSarcoma = report.versions.get(report.versions.size() - 1).result.path("nonSarcoma").asBoolean(false);
            ReportVersion version = report.addVersion(clock.instant(), by, request.reason(), tree(request.biopsy()), tree(result),
                    null);
            outbox.publish(CaseEventTypes.BIOPSY_AMENDED, caseId.toString(), new BiopsyAmended(caseId.toString(),
                    reportId.toString(), version.version, request.biopsy().histology().name(), result.grade().grade().name(),
                    result.grade().score(), alertCodes(result)));
            // The union type, for consumers that have not moved to the typed amendments yet (architecture.md, evolution).
            outbox.publish(CaseEventTypes.REPORT_AMENDED, caseId.toString(), new ReportAmended(caseId.toString(),
                    reportId.toString(), version.version, Kind.BIOPSY.name(), request.biopsy().histology().name(),
                    result.grade().grade().name()));
            if (result.nonSarcoma()) {
                outbox.publish(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId.toString(),
                        new NonSarcomaFlagged(caseId.toString(), reportId.toString(), result.findings()));
            } else if (wasNonSarcoma) {
                // The pathologist's call is undone by the pathologist: the case comes back to the sarcoma pathway.
                outbox.publish(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, caseId.toString(), new SarcomaDiagnosisRestored(
                        caseId.toString(), reportId.toString(), version.version, request.biopsy().histology().name()));
                Log.infof("case %s back on the sarcoma pathway: report %s amended to %s", caseId, reportId,
                        request.biopsy().histology());
            }
            return new Posted<>(report, version, result);
        }
        if (request.resection() == null || request.biopsy() != null) {
            throw new InvalidInput("resection", "an amendment of a resection report carries the whole corrected resection report");
        }
        ResectionReportCommand r = request.resection();
        ResectionResult result = evaluate(r, reports.hasBiopsy(caseId));
        ReportVersion version = report.addVersion(clock.instant(), by, request.reason(), tree(r), tree(result), r.margin());
        outbox.publish(CaseEventTypes.RESECTION_AMENDED, caseId.toString(), new ResectionAmended(caseId.toString(),
                reportId.toString(), version.version, r.margin().name(), r.greatestDimensionCm(), r.nodesExamined(),
                r.nodesPositive(), result.marginMissProbability()));
        outbox.publish(CaseEventTypes.REPORT_AMENDED, caseId.toString(), new ReportAmended(caseId.toString(),
                reportId.toString(), version.version, Kind.RESECTION.name(), null, null, r.margin().name(),
                r.greatestDimensionCm(), r.nodesExamined(), r.nodesPositive()));
        return new Posted<>(report, version, result);
    }

    public static BiopsyResult evaluate(BiopsyReportCommand request) {
        Map<Marker, MarkerResult> ihc = new EnumMap<>(Marker.class);
        for (int i = 0; i < request.ihcOrEmpty().size(); i++) {
            BiopsyReportCommand.IhcResult result = request.ihcOrEmpty().get(i);
            MarkerResult earlier = ihc.putIfAbsent(result.marker(), result.result());
            if (earlier != null && earlier != result.result()) {
                throw new InvalidInput("ihc[" + i + "]", result.marker() + " is reported twice with different results ("
                        + earlier + ", " + result.result() + ")");
            }
        }
        BiopsyReportCommand.Fnclcc f = request.fnclcc();
        FnclccGrade.Result grade = FnclccGrade.grade(f.differentiation(), f.mitosesPer10Hpf(), f.necrosisPercent());
        BiopsyReportCommand.Molecular m = request.molecular();
        boolean open = request.specimenType() == SpecimenType.OPEN_INCISIONAL || request.specimenType() == SpecimenType.EXCISIONAL;
        PathologyAlerts.Result alerts = PathologyAlerts.evaluate(request.histology(), ihc,
                m == null ? null : m.mdm2Amplified(), m == null ? null : m.cdk4Amplified(), open);
        List<PathologyAlerts.Alert> all = new ArrayList<>(alerts.alerts());
        DifferentiationFit.check(request.histology(), f.differentiation()).ifPresent(all::add);
        return new BiopsyResult(grade, List.copyOf(all), alerts.nonSarcoma(), alerts.findings());
    }

    public static ResectionResult evaluate(ResectionReportCommand request, boolean biopsyOnRecord) {
        if (request.nodesPositive() != null && request.nodesExamined() != null && request.nodesPositive() > request.nodesExamined()) {
            throw new InvalidInput("nodesPositive", "must not exceed nodesExamined");
        }
        BigDecimal p = request.assumedInvolvedFraction() == null ? DEFAULT_INVOLVED_FRACTION : request.assumedInvolvedFraction();
        List<PathologyAlerts.Alert> alerts = new ArrayList<>();
        if (!biopsyOnRecord) {
            alerts.add(new PathologyAlerts.Alert(PathologyAlerts.Code.RESECTION_WITHOUT_BIOPSY, PathologyAlerts.Severity.WARNING,
                    "No biopsy report is on record for this case: the resection report is accepted, check the diagnosis"));
        }
        return new ResectionResult(request.margin().name(), p, MarginSampling.missProbability(p.doubleValue(), request.blocksSampled()),
                MarginSampling.blocksNeeded(p.doubleValue(), MarginSampling.TARGET_MISS_CHANCE), alerts);
    }

    private void emitBiopsy(PathologyCase c, PathologyReport report, ReportVersion version, BiopsyReportCommand request,
            BiopsyResult result) {
        String caseId = c.caseId.toString();
        outbox.publish(CaseEventTypes.BIOPSY_REPORTED, caseId, new BiopsyReported(caseId, report.reportId.toString(),
                version.version, request.histology().name(), result.grade().grade().name(), result.grade().score(),
                alertCodes(result)));
        if (result.nonSarcoma()) {
            outbox.publish(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                    new NonSarcomaFlagged(caseId, report.reportId.toString(), result.findings()));
        }
    }

    private static List<String> alertCodes(BiopsyResult result) {
        return result.alerts().stream().map(a -> a.code().name()).toList();
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
