package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.tumorboard.events.ReportAmended;
import org.tumorboard.web.PathologyForms.Kind;
import org.tumorboard.web.ServiceViews.BiopsyResult;
import org.tumorboard.web.ServiceViews.Report;
import org.tumorboard.web.ServiceViews.ReportLines;
import org.tumorboard.web.ServiceViews.ReportVersion;
import org.tumorboard.web.ServiceViews.ResectionResult;
import org.tumorboard.web.ServiceViews.VersionLine;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The pathologist's screens (issue #12, screen 2): the worklist oldest first, the biopsy and resection report forms
 * whose result (FNCLCC grade and alerts; margin miss chance and blocks needed) is pathology-service's own preview of
 * the same rules it applies on posting, and each case's reports with their versions and amendments.
 */
@Path("/pathology")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PathologyPages {

    static final String SERVICE = PathologyApi.SERVICE;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(Viewer viewer, ServiceViews.WorklistPage items, String awaiting, String q,
                String pageHref, String error);

        static native TemplateInstance report(Viewer viewer, UUID caseId, Kind kind, UUID reportId, Map<String, String> values,
                Map<String, String> errors, String problem, PathologyForms.Choices choices);

        static native TemplateInstance preview(Kind kind, BiopsyResult biopsy, ResectionResult resection, Map<String, String> errors,
                String problem);

        static native TemplateInstance saved(Viewer viewer, UUID caseId, Kind kind, BiopsyResult biopsy, ResectionResult resection,
                boolean amended);

        static native TemplateInstance reports(Viewer viewer, UUID caseId, List<ReportLines> reports, String error);
    }

    @Inject
    Viewer viewer;

    @Inject
    PathologyApi pathology;

    /** The worklist, oldest first, a page at a time; found by the start of a case number, filtered by the report awaited. */
    @GET
    public Response worklist(@QueryParam("awaiting") String awaiting, @QueryParam("q") String q, @QueryParam("page") String page) {
        String kind = "BIOPSY_REPORT".equals(awaiting) || "RESECTION_REPORT".equals(awaiting) ? awaiting : null;
        String start = q == null || !q.strip().matches("[0-9a-fA-F-]{1,36}") ? null : q.strip();
        String said = q != null && !q.isBlank() && start == null
                ? "A case number has the digits 0-9 and the letters a-f: the search is left out." : null;
        int number;
        try {
            number = page == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            number = 1;
        }
        String href = "/pathology?" + (kind == null ? "" : "awaiting=" + kind + "&") + (start == null ? "" : "q=" + start + "&") + "page=";
        return switch (pathology.worklist(kind, start, number - 1)) {
            case Answer.Value<ServiceViews.WorklistPage> worklist -> page(200, Templates.worklist(viewer, worklist.value(), kind,
                    start, href, said));
            case Answer.Refused<ServiceViews.WorklistPage> refused when refused.status() == 403 ->
                page(403, Templates.worklist(viewer, null, kind, start, href, "The worklist is for pathologists."));
            case Answer<ServiceViews.WorklistPage> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.worklist(viewer, null, kind, start, href, Answers.unavailable(SERVICE)));
        };
    }

    @GET
    @Path("cases/{caseId}/{kind:biopsy|resection}")
    public Response form(@PathParam("caseId") UUID caseId, @PathParam("kind") String kind) {
        Kind k = kind(kind);
        Map<String, String> values = new LinkedHashMap<>();
        if (k == Kind.RESECTION) {
            values.put("assumedInvolvedFraction", "0.01");
        }
        return page(200, Templates.report(viewer, caseId, k, null, values, Map.of(), null, PathologyForms.CHOICES));
    }

    /** The live result under the form: pathology's preview, nothing stored. */
    @POST
    @Path("cases/{caseId}/{kind:biopsy|resection}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("caseId") UUID caseId, @PathParam("kind") String kind,
            MultivaluedMap<String, String> form) {
        Kind k = kind(kind);
        Map<String, String> values = PathologyForms.values(k, form);
        Map<String, String> missing = PathologyForms.form(k).check(values);
        if (!missing.isEmpty()) {
            return Templates.preview(k, null, null, missing, null);
        }
        Map<String, Object> body = PathologyForms.body(k, values);
        if (k == Kind.BIOPSY) {
            return switch (pathology.preview(caseId, k.path, body, BiopsyResult.class)) {
                case Answer.Value<BiopsyResult> result -> Templates.preview(k, result.value(), null, Map.of(), null);
                case Answer<BiopsyResult> failed -> Templates.preview(k, null, null, failed.fieldErrors(), failed.say(SERVICE));
            };
        }
        return switch (pathology.preview(caseId, k.path, body, ResectionResult.class)) {
            case Answer.Value<ResectionResult> result -> Templates.preview(k, null, result.value(), Map.of(), null);
            case Answer<ResectionResult> failed -> Templates.preview(k, null, null, failed.fieldErrors(), failed.say(SERVICE));
        };
    }

    @POST
    @Path("cases/{caseId}/{kind:biopsy|resection}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("caseId") UUID caseId, @PathParam("kind") String kind, MultivaluedMap<String, String> form) {
        Kind k = kind(kind);
        Map<String, String> values = PathologyForms.values(k, form);
        Map<String, String> errors = PathologyForms.form(k).check(values);
        if (!errors.isEmpty()) {
            return page(400, Templates.report(viewer, caseId, k, null, values, errors, "Some fields need attention.",
                    PathologyForms.CHOICES));
        }
        Map<String, Object> body = PathologyForms.body(k, values);
        if (k == Kind.BIOPSY) {
            return switch (pathology.post(caseId, k.path, body, BiopsyResult.class)) {
                case Answer.Value<BiopsyResult> saved -> page(201, Templates.saved(viewer, caseId, k, saved.value(), null, false));
                case Answer<BiopsyResult> failed -> refused(caseId, k, null, values, failed);
            };
        }
        return switch (pathology.post(caseId, k.path, body, ResectionResult.class)) {
            case Answer.Value<ResectionResult> saved -> page(201, Templates.saved(viewer, caseId, k, null, saved.value(), false));
            case Answer<ResectionResult> failed -> refused(caseId, k, null, values, failed);
        };
    }

    @GET
    @Path("cases/{caseId}/reports")
    public Response reports(@PathParam("caseId") UUID caseId) {
        return switch (pathology.reports(caseId)) {
            case Answer.Value<List<Report>> reports -> page(200, Templates.reports(viewer, caseId, lines(reports.value()), null));
            case Answer.NotFound<List<Report>> notFound -> page(404, Templates.reports(viewer, caseId, List.of(), Answers.notFound()));
            case Answer.Refused<List<Report>> refused when refused.status() == 403 ->
                page(403, Templates.reports(viewer, caseId, List.of(), "Your role does not show pathology reports."));
            case Answer<List<Report>> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.reports(viewer, caseId, List.of(), Answers.unavailable(SERVICE)));
        };
    }

    /** The amendment form: the current version's values, and a reason the pathologist must give. */
    @GET
    @Path("cases/{caseId}/reports/{reportId}/amend")
    public Response amendForm(@PathParam("caseId") UUID caseId, @PathParam("reportId") UUID reportId) {
        if (!(pathology.reports(caseId) instanceof Answer.Value<List<Report>> reports)) {
            return reports(caseId);
        }
        for (Report report : reports.value()) {
            if (report.reportId().equals(reportId)) {
                Kind k = Kind.valueOf(report.kind());
                JsonNode current = report.versions().get(report.versions().size() - 1).report();
                return page(200, Templates.report(viewer, caseId, k, reportId, PathologyForms.valuesOf(k, current), Map.of(), null,
                        PathologyForms.CHOICES));
            }
        }
        return page(404, Templates.reports(viewer, caseId, List.of(), "There is no such report on this case."));
    }

    @POST
    @Path("cases/{caseId}/reports/{reportId}/amend/{kind:biopsy|resection}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response amend(@PathParam("caseId") UUID caseId, @PathParam("reportId") UUID reportId, @PathParam("kind") String kind,
            MultivaluedMap<String, String> form) {
        Kind k = kind(kind);
        Map<String, String> values = PathologyForms.values(k, form);
        String reason = form.getFirst("reason");
        Map<String, String> errors = PathologyForms.form(k).check(values);
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "is required: say why the report changes");
        } else {
            values.put("reason", reason.strip());
        }
        if (!errors.isEmpty()) {
            return page(400, Templates.report(viewer, caseId, k, reportId, values, errors, "Some fields need attention.",
                    PathologyForms.CHOICES));
        }
        Map<String, String> report = new LinkedHashMap<>(values);
        report.remove("reason");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", values.get("reason"));
        body.put(k.path, PathologyForms.body(k, report));
        return switch (pathology.amend(caseId, reportId, body)) {
            case Answer.Value<Report> amended -> page(201, Templates.saved(viewer, caseId, k, null, null, true));
            case Answer<Report> failed -> refused(caseId, k, reportId, values, failed);
        };
    }

    private Response refused(UUID caseId, Kind k, UUID reportId, Map<String, String> values, Answer<?> failed) {
        Map<String, String> errors = new LinkedHashMap<>();
        // An amendment's fields come back under the report's name (resection.margin): the form's inputs are named without it.
        failed.fieldErrors().forEach((field, message) -> errors.put(field.startsWith(k.path + ".")
                ? field.substring(k.path.length() + 1) : field, message));
        return page(failed.status(), Templates.report(viewer, caseId, k, reportId, values, errors, failed.notSaved(SERVICE),
                PathologyForms.CHOICES));
    }

    private static List<ReportLines> lines(List<Report> reports) {
        List<ReportLines> lines = new ArrayList<>();
        for (Report report : reports) {
            List<VersionLine> versions = new ArrayList<>();
            for (ReportVersion v : report.versions()) {
                versions.add(new VersionLine(v.version(), v.recordedAt(), v.recordedBy(), v.amendmentReason(), summary(report.kind(), v)));
            }
            lines.add(new ReportLines(report.reportId(), report.kind(), report.currentVersion(), versions));
        }
        return lines;
    }

    /** A version in one line: what the board reads first. */
    static String summary(String kind, ReportVersion v) {
        if (ReportAmended.BIOPSY.equals(kind)) {
            return words(v.report().path("histology").asText()) + ", " + grade(v.result()) + ", "
                    + words(v.report().path("specimenType").asText());
        }
        String specimen = v.report().hasNonNull("histology") || v.result().hasNonNull("grade")
                ? "; specimen " + (v.report().hasNonNull("histology") ? words(v.report().path("histology").asText()) + ", " : "")
                        + grade(v.result())
                : "";
        return v.report().path("margin").asText() + ", " + v.report().path("blocksSampled").asText() + " blocks, miss chance "
                + v.result().path("marginMissProbability").asText() + specimen;
    }

    /** The version's FNCLCC grade with its score; "no FNCLCC grade" for a non-sarcoma or a specimen not re-graded. */
    private static String grade(JsonNode result) {
        JsonNode grade = result.path("grade");
        if (!grade.isObject()) {
            return "no FNCLCC grade";
        }
        return grade.path("grade").asText() + (grade.path("score").isNumber() ? " (score " + grade.path("score").asInt() + ")" : "");
    }

    private static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase();
    }

    private static Kind kind(String path) {
        return "biopsy".equals(path) ? Kind.BIOPSY : Kind.RESECTION;
    }
}
