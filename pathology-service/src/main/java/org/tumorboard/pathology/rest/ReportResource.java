package org.tumorboard.pathology.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.pathology.service.AmendmentCommand;
import org.tumorboard.pathology.service.BiopsyReportCommand;
import org.tumorboard.pathology.service.ReportService;
import org.tumorboard.pathology.service.ResectionReportCommand;
import org.tumorboard.platform.security.Roles;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @POST
    @Path("biopsy-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public Response postBiopsy(@PathParam("caseId") UUID caseId, BiopsyReportCommand report) {
        return created(caseId, reports.postBiopsy(caseId, report));
    }

    @POST
    @Path("resection-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public Response postResection(@PathParam("caseId") UUID caseId, ResectionReportCommand report) {
        return created(caseId, reports.postResection(caseId, report));
    }

    /** The biopsy form's live result: the same rules as posting, nothing stored, nothing published. */
    @POST
    @Path("biopsy-reports/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public ReportService.BiopsyResult previewBiopsy(@PathParam("caseId") UUID caseId, BiopsyReportCommand report) {
        return reports.previewBiopsy(caseId, report);
    }

    /** The resection form's live result: miss chance and blocks needed by the same rules as posting; nothing stored. */
    @POST
    @Path("resection-reports/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public ReportService.ResectionResult previewResection(@PathParam("caseId") UUID caseId, ResectionReportCommand report) {
        return reports.previewResection(caseId, report);
    }

    @POST
    @Path("reports/{reportId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATHOLOGIST)
    public Response amend(@PathParam("caseId") UUID caseId, @PathParam("reportId") UUID reportId, AmendmentCommand amendment) {
        return created(caseId, reports.amend(caseId, reportId, amendment));
    }

    @GET
    @Path("reports")
    @RolesAllowed(Roles.CLINICIAN)
    public List<ReportService.ReportView> list(@PathParam("caseId") UUID caseId) {
        return reports.reportsOf(caseId);
    }

    private static Response created(UUID caseId, Object body) {
        return Response.created(URI.create("/api/cases/" + caseId + "/reports")).entity(body).build();
    }
}
