package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.util.ArrayList;
import java.util.Comparator;
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
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.IntakeViews.Problem;
import org.tumorboard.web.PathologyForms.Kind;
import org.tumorboard.web.ServiceViews.BiopsyResult;
import org.tumorboard.web.ServiceViews.Report;
import org.tumorboard.web.ServiceViews.ReportLines;
import org.tumorboard.web.ServiceViews.ReportVersion;
import org.tumorboard.web.ServiceViews.ResectionResult;
import org.tumorboard.web.ServiceViews.VersionLine;
import org.tumorboard.web.ServiceViews.WorklistItem;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pathologist's screens (issue #12, screen 2): the worklist oldest first, the biopsy and resection report forms
 * whose result (FNCLCC grade and alerts; margin miss chance and blocks needed) is pathology-service's own preview of
 * the same rules it applies on posting, and each case's reports with their versions and amendments.
 */
@Path("/pathology")
@Produces(MediaType.TEXT_HTML)
public class PathologyPages {

    static final String SERVICE = "pathology-service";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(Viewer viewer, List<WorklistItem> items, String error);

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
    @RestClient
    PathologyClient pathology;

    @GET
    public Response worklist() {
        try (Response r = pathology.worklist()) {
            if (r.getStatus() == 403) {
                return page(403, Templates.worklist(viewer, List.of(), "The worklist is for pathologists."));
            }
            if (r.getStatus() != 200) {
                return page(502, Templates.worklist(viewer, List.of(), Answers.unavailable(SERVICE)));
            }
            List<WorklistItem> items = new ArrayList<>(List.of(r.readEntity(WorklistItem[].class)));
            items.sort(Comparator.comparing(WorklistItem::waitingSince));
            return page(200, Templates.worklist(viewer, items, null));
        } catch (ProcessingException down) {
            return page(503, Templates.worklist(viewer, List.of(), Answers.unavailable(SERVICE)));
        }
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
        try (Response r = pathology.preview(caseId, k.path, PathologyForms.body(k, values))) {
            if (r.getStatus() == 200) {
                return k == Kind.BIOPSY ? Templates.preview(k, r.readEntity(BiopsyResult.class), null, Map.of(), null)
                        : Templates.preview(k, null, r.readEntity(ResectionResult.class), Map.of(), null);
            }
            Problem problem = Answers.problem(r);
            return Templates.preview(k, null, null, Answers.fieldErrors(problem), Answers.say(problem, SERVICE));
        } catch (ProcessingException down) {
            return Templates.preview(k, null, null, Map.of(), Answers.unavailable(SERVICE));
        }
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
        try (Response r = pathology.post(caseId, k.path, PathologyForms.body(k, values))) {
            if (r.getStatus() == 201) {
                return page(201, k == Kind.BIOPSY ? Templates.saved(viewer, caseId, k, r.readEntity(BiopsyResult.class), null, false)
                        : Templates.saved(viewer, caseId, k, null, r.readEntity(ResectionResult.class), false));
            }
            return refused(caseId, k, null, values, r);
        } catch (ProcessingException down) {
            return page(503, Templates.report(viewer, caseId, k, null, values, Map.of(), Answers.unavailable(SERVICE),
                    PathologyForms.CHOICES));
        }
    }

    @GET
    @Path("cases/{caseId}/reports")
    public Response reports(@PathParam("caseId") UUID caseId) {
        try (Response r = pathology.reports(caseId)) {
            return switch (r.getStatus()) {
                case 200 -> page(200, Templates.reports(viewer, caseId, lines(r.readEntity(Report[].class)), null));
                case 404 -> page(404, Templates.reports(viewer, caseId, List.of(), Answers.notFound()));
                case 403 -> page(403, Templates.reports(viewer, caseId, List.of(), "Your role does not show pathology reports."));
                default -> page(502, Templates.reports(viewer, caseId, List.of(), Answers.unavailable(SERVICE)));
            };
        } catch (ProcessingException down) {
            return page(503, Templates.reports(viewer, caseId, List.of(), Answers.unavailable(SERVICE)));
        }
    }

    /** The amendment form: the current version's values, and a reason the pathologist must give. */
    @GET
    @Path("cases/{caseId}/reports/{reportId}/amend")
    public Response amendForm(@PathParam("caseId") UUID caseId, @PathParam("reportId") UUID reportId) {
        try (Response r = pathology.reports(caseId)) {
            if (r.getStatus() != 200) {
                return reports(caseId);
            }
            for (Report report : r.readEntity(Report[].class)) {
                if (report.reportId().equals(reportId)) {
                    Kind k = Kind.valueOf(report.kind());
                    JsonNode current = report.versions().get(report.versions().size() - 1).report();
                    return page(200, Templates.report(viewer, caseId, k, reportId, PathologyForms.valuesOf(k, current), Map.of(), null,
                            PathologyForms.CHOICES));
                }
            }
            return page(404, Templates.reports(viewer, caseId, List.of(), "There is no such report on this case."));
        } catch (ProcessingException down) {
            return page(503, Templates.reports(viewer, caseId, List.of(), Answers.unavailable(SERVICE)));
        }
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
        try (Response r = pathology.amend(caseId, reportId, body)) {
            if (r.getStatus() == 201) {
                return page(201, Templates.saved(viewer, caseId, k, null, null, true));
            }
            return refused(caseId, k, reportId, values, r);
        } catch (ProcessingException down) {
            return page(503, Templates.report(viewer, caseId, k, reportId, values, Map.of(), Answers.unavailable(SERVICE),
                    PathologyForms.CHOICES));
        }
    }

    private Response refused(UUID caseId, Kind k, UUID reportId, Map<String, String> values, Response r) {
        Problem problem = Answers.problem(r);
        Map<String, String> errors = new LinkedHashMap<>();
        // An amendment's fields come back under the report's name (resection.margin): the form's inputs are named without it.
        Answers.fieldErrors(problem).forEach((field, message) -> errors.put(field.startsWith(k.path + ".")
                ? field.substring(k.path.length() + 1) : field, message));
        String message = r.getStatus() == 404 ? Answers.notFound() : Answers.say(problem, SERVICE);
        return page(r.getStatus() >= 500 ? 502 : r.getStatus(),
                Templates.report(viewer, caseId, k, reportId, values, errors, message, PathologyForms.CHOICES));
    }

    private static List<ReportLines> lines(Report[] reports) {
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
        if ("BIOPSY".equals(kind)) {
            JsonNode grade = v.result().path("grade");
            String score = grade.path("score").isNumber() ? " (score " + grade.path("score").asInt() + ")" : "";
            return words(v.report().path("histology").asText()) + ", " + grade.path("grade").asText() + score
                    + ", " + words(v.report().path("specimenType").asText());
        }
        return v.report().path("margin").asText() + ", " + v.report().path("blocksSampled").asText() + " blocks, miss chance "
                + v.result().path("marginMissProbability").asText();
    }

    private static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase();
    }

    private static Kind kind(String path) {
        return "biopsy".equals(path) ? Kind.BIOPSY : Kind.RESECTION;
    }
}
