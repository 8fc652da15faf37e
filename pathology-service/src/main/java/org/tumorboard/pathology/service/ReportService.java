package org.tumorboard.pathology.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.pathology.BiopsyReported;
import org.tumorboard.events.pathology.NonSarcomaFlagged;
import org.tumorboard.events.pathology.ReportAmended;
import org.tumorboard.events.pathology.ResectionReported;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;
import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyReport;
import org.tumorboard.pathology.PathologyReport.Kind;
import org.tumorboard.pathology.ReportVersion;
import org.tumorboard.pathology.SpecimenType;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.pathology.repository.ReportRepository;
import org.tumorboard.pathology.rest.AmendmentRequest;
import org.tumorboard.pathology.rest.BiopsyReportRequest;
import org.tumorboard.pathology.rest.ResectionReportRequest;
import org.tumorboard.pathology.rules.FnclccGrade;
import org.tumorboard.pathology.rules.MarginSampling;
import org.tumorboard.pathology.rules.PathologyAlerts;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** What posting this biopsy report would give (grade, alerts), for the form as it is filled; nothing is stored. */
    @Transactional
    public BiopsyResult previewBiopsy(UUID caseId, BiopsyReportRequest request) {
        visibleCase(caseId);
        return evaluate(request);
    }

    /** What posting this resection report would give (miss chance, blocks needed, alerts); nothing is stored. */
    @Transactional
    public ResectionResult previewResection(UUID caseId, ResectionReportRequest request) {
        visibleCase(caseId);
        return evaluate(request, reports.hasBiopsy(caseId));
    }

    @Transactional
    public Posted<BiopsyResult> postBiopsy(UUID caseId, BiopsyReportRequest request, String by) {
        PathologyCase c = visibleCase(caseId);
        BiopsyResult result = evaluate(request);
        PathologyReport report = newReport(c, Kind.BIOPSY);
        ReportVersion version = report.addVersion(clock.instant(), by, null, write(request), write(result));
        c.reported(PathologyCase.Awaiting.BIOPSY_REPORT, clock.instant());
        emitBiopsy(c, report, version, request, result);
        Log.infof("biopsy report %s v%d for case %s: grade %s, %d alerts", report.reportId, version.version, caseId,
                result.grade().grade(), result.alerts().size());
        return new Posted<>(report, version, result);
    }

    @Transactional
    public Posted<ResectionResult> postResection(UUID caseId, ResectionReportRequest request, String by) {
        PathologyCase c = visibleCase(caseId);
        ResectionResult result = evaluate(request, reports.hasBiopsy(caseId));
        PathologyReport report = newReport(c, Kind.RESECTION);
        ReportVersion version = report.addVersion(clock.instant(), by, null, write(request), write(result));
        c.reported(PathologyCase.Awaiting.RESECTION_REPORT, clock.instant());
        outbox.publish(CaseEventTypes.RESECTION_REPORTED, caseId.toString(), new ResectionReported(caseId.toString(),
                report.reportId.toString(), version.version, request.margin().name(), request.greatestDimensionCm(),
                request.nodesExamined(), request.nodesPositive(), result.marginMissProbability()));
        return new Posted<>(report, version, result);
    }

    @Transactional
    public Posted<?> amend(UUID caseId, UUID reportId, AmendmentRequest request, String by) {
        PathologyCase c = visibleCase(caseId);
        PathologyReport report = reports.findByIdOptional(reportId)
                .filter(r -> r.caseId.equals(caseId))
                .orElseThrow(() -> ProblemException.notFound("report " + reportId));
        if (report.kind == Kind.BIOPSY) {
            if (request.biopsy() == null || request.resection() != null) {
                throw ProblemException.invalidField("biopsy", "an amendment of a biopsy report carries the whole corrected biopsy report");
            }
            BiopsyResult result = evaluate(request.biopsy());
            ReportVersion version = report.addVersion(clock.instant(), by, request.reason(), write(request.biopsy()), write(result));
            outbox.publish(CaseEventTypes.REPORT_AMENDED, caseId.toString(), new ReportAmended(caseId.toString(),
                    reportId.toString(), version.version, Kind.BIOPSY.name(), request.biopsy().histology().name(),
                    result.grade().grade().name()));
            if (result.nonSarcoma()) {
                outbox.publish(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId.toString(),
                        new NonSarcomaFlagged(caseId.toString(), reportId.toString(), result.findings()));
            }
            return new Posted<>(report, version, result);
        }
        if (request.resection() == null || request.biopsy() != null) {
            throw ProblemException.invalidField("resection", "an amendment of a resection report carries the whole corrected resection report");
        }
        ResectionReportRequest r = request.resection();
        ResectionResult result = evaluate(r, reports.hasBiopsy(caseId));
        ReportVersion version = report.addVersion(clock.instant(), by, request.reason(), write(r), write(result));
        outbox.publish(CaseEventTypes.REPORT_AMENDED, caseId.toString(), new ReportAmended(caseId.toString(),
                reportId.toString(), version.version, Kind.RESECTION.name(), null, null, r.margin().name(),
                r.greatestDimensionCm(), r.nodesExamined(), r.nodesPositive()));
        return new Posted<>(report, version, result);
    }

    public static BiopsyResult evaluate(BiopsyReportRequest request) {
        Map<Marker, MarkerResult> ihc = new EnumMap<>(Marker.class);
        for (int i = 0; i < request.ihcOrEmpty().size(); i++) {
            BiopsyReportRequest.IhcResult result = request.ihcOrEmpty().get(i);
            MarkerResult earlier = ihc.putIfAbsent(result.marker(), result.result());
            if (earlier != null && earlier != result.result()) {
                throw ProblemException.invalidField("ihc[" + i + "]", result.marker() + " is reported twice with different results ("
                        + earlier + ", " + result.result() + ")");
            }
        }
        BiopsyReportRequest.Fnclcc f = request.fnclcc();
        FnclccGrade.Result grade = FnclccGrade.grade(f.differentiation(), f.mitosesPer10Hpf(), f.necrosisPercent());
        BiopsyReportRequest.Molecular m = request.molecular();
        boolean open = request.specimenType() == SpecimenType.OPEN_INCISIONAL || request.specimenType() == SpecimenType.EXCISIONAL;
        PathologyAlerts.Result alerts = PathologyAlerts.evaluate(request.histology(), ihc,
                m == null ? null : m.mdm2Amplified(), m == null ? null : m.cdk4Amplified(), open);
        return new BiopsyResult(grade, alerts.alerts(), alerts.nonSarcoma(), alerts.findings());
    }

    public static ResectionResult evaluate(ResectionReportRequest request, boolean biopsyOnRecord) {
        if (request.nodesPositive() != null && request.nodesExamined() != null && request.nodesPositive() > request.nodesExamined()) {
            throw ProblemException.invalidField("nodesPositive", "must not exceed nodesExamined");
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

    private void emitBiopsy(PathologyCase c, PathologyReport report, ReportVersion version, BiopsyReportRequest request,
            BiopsyResult result) {
        String caseId = c.caseId.toString();
        outbox.publish(CaseEventTypes.BIOPSY_REPORTED, caseId, new BiopsyReported(caseId, report.reportId.toString(),
                version.version, request.histology().name(), result.grade().grade().name(), result.grade().score(),
                result.alerts().stream().map(a -> a.code().name()).toList()));
        if (result.nonSarcoma()) {
            outbox.publish(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                    new NonSarcomaFlagged(caseId, report.reportId.toString(), result.findings()));
        }
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
        return cases.findByIdOptional(caseId)
                .filter(c -> siteScope.canSee(c.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report content cannot be written as JSON", e);
        }
    }
}
