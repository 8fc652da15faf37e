package org.tumorboard.pathology.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.pathology.PathologyReport;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.pathology.repository.ReportRepository;
import org.tumorboard.pathology.rules.FnclccGrade;
import org.tumorboard.pathology.rules.PathologyAlerts;
import org.tumorboard.pathology.service.ReportService;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    public record BiopsyReportResponse(UUID reportId, int version, FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts,
            boolean nonSarcoma) {
    }

    public record ResectionReportResponse(UUID reportId, int version, String margin, BigDecimal assumedInvolvedFraction,
            BigDecimal marginMissProbability, int blocksForFivePercentMiss, List<PathologyAlerts.Alert> alerts) {
    }

    public record VersionView(int version, Instant recordedAt, String recordedBy, String amendmentReason, JsonNode report,
            JsonNode result) {
    }

    public record ReportView(UUID reportId, PathologyReport.Kind kind, int currentVersion, Instant createdAt,
            List<VersionView> versions) {
    }

    @Inject
    ReportService reports;

    @Inject
    ReportRepository reportRepository;

    @Inject
    PathologyCaseRepository cases;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    @Inject
    ObjectMapper json;

    @POST
    @Path("biopsy-reports")
    @Transactional
    @Audited("BIOPSY_REPORT")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public Response postBiopsy(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a biopsy report body is required") @Valid BiopsyReportRequest request) {
        ReportService.Posted<ReportService.BiopsyResult> posted = reports.postBiopsy(caseId, request, caller.getName());
        ReportService.BiopsyResult r = posted.result();
        return created(caseId, new BiopsyReportResponse(posted.report().reportId, posted.version().version, r.grade(), r.alerts(),
                r.nonSarcoma()));
    }

    @POST
    @Path("resection-reports")
    @Transactional
    @Audited("RESECTION_REPORT")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public Response postResection(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a resection report body is required") @Valid ResectionReportRequest request) {
        ReportService.Posted<ReportService.ResectionResult> posted = reports.postResection(caseId, request, caller.getName());
        ReportService.ResectionResult r = posted.result();
        return created(caseId, new ResectionReportResponse(posted.report().reportId, posted.version().version, r.margin(),
                r.assumedInvolvedFraction(), r.marginMissProbability(), r.blocksForFivePercentMiss(), r.alerts()));
    }

    /** The biopsy form's live result: the same rules as posting, nothing stored, nothing published. */
    @POST
    @Path("biopsy-reports/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public ReportService.BiopsyResult previewBiopsy(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a biopsy report body is required") @Valid BiopsyReportRequest request) {
        return reports.previewBiopsy(caseId, request);
    }

    /** The resection form's live result: miss chance and blocks needed by the same rules as posting; nothing stored. */
    @POST
    @Path("resection-reports/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public ReportService.ResectionResult previewResection(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a resection report body is required") @Valid ResectionReportRequest request) {
        return reports.previewResection(caseId, request);
    }

    @POST
    @Path("reports/{reportId}/amendments")
    @Transactional
    @Audited("AMENDMENT")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public Response amend(@PathParam("caseId") UUID caseId, @PathParam("reportId") UUID reportId,
            @NotNull(message = "an amendment body is required") @Valid AmendmentRequest request) {
        ReportService.Posted<?> posted = reports.amend(caseId, reportId, request, caller.getName());
        return created(caseId, view(posted.report()));
    }

    @GET
    @Path("reports")
    @Transactional
    @RolesAllowed({ Roles.PATHOLOGIST, Roles.COORDINATOR, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public List<ReportView> list(@PathParam("caseId") UUID caseId) {
        cases.findByIdOptional(caseId)
                .filter(c -> siteScope.canSee(c.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
        return reportRepository.ofCase(caseId).stream().map(this::view).toList();
    }

    private ReportView view(PathologyReport report) {
        return new ReportView(report.reportId, report.kind, report.currentVersion, report.createdAt, report.versions.stream()
                .map(v -> new VersionView(v.version, v.recordedAt, v.recordedBy, v.amendmentReason, read(v.content), read(v.result)))
                .toList());
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report version is not JSON", e);
        }
    }

    private static Response created(UUID caseId, Object body) {
        return Response.created(URI.create("/api/cases/" + caseId + "/reports")).entity(body).build();
    }
}
