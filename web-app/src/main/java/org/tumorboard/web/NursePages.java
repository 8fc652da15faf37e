package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.events.Vocabulary;
import org.tumorboard.web.ServiceViews.DueVisit;
import org.tumorboard.web.ServiceViews.Schedule;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The surveillance nurse's screens (issue #12, screen 4): visits due in the next 30 days and overdue ones, overdue
 * first (board-service's order); a case's schedule as a timeline; recording a visit and its outcome. A recurrence
 * sends the case back to the board: board-service does that, the page says so.
 */
@Path("/surveillance")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NursePages {

    static final String SERVICE = BoardApi.SERVICE;
    static final List<String> OUTCOMES = Vocabulary.Board.VISIT_OUTCOMES;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance due(Viewer viewer, ServiceViews.DuePage visits, Map<UUID, IntakeViews.Patient> who,
                int within, List<Integer> windows, String q, String pageHref, String error);

        static native TemplateInstance schedule(Viewer viewer, UUID caseId, Schedule schedule, List<String> outcomes,
                Map<String, String> values, Map<String, String> errors, String message, String error);
    }

    @Inject
    Viewer viewer;

    @Inject
    BoardApi board;

    @Inject
    IntakeApi intake;

    /** The windows the nurse can look ahead by; 30 days unless another is chosen. */
    static final List<Integer> WINDOWS = List.of(30, 90, 180, 365);

    /** The visits due, a page at a time, with who each patient is (from intake) so the nurse can call them. */
    @GET
    public Response due(@QueryParam("within") String within, @QueryParam("page") String page, @QueryParam("q") String q) {
        int days = WINDOWS.stream().filter(w -> String.valueOf(w).equals(within)).findFirst().orElse(30);
        int number = pageNumber(page);
        String text = q == null || q.isBlank() ? null : q.strip();
        String href = pageHref(days, text);
        List<UUID> cases = List.of();
        if (text != null) {
            // A name, an MRN or a case number: intake finds the patients in surveillance (identity is intake's), board
            // their visits. More than a page of patients is too vague to list their visits: the nurse types more.
            if (!(intake.casesMatching(text, "SURVEILLANCE") instanceof Answer.Value<IntakeViews.CasePage> found)) {
                return page(502, Templates.due(viewer, null, Map.of(), days, WINDOWS, text, href, Answers.unavailable(IntakeApi.SERVICE)));
            }
            if (found.value().total() > found.value().items().size()) {
                return page(200, Templates.due(viewer, null, Map.of(), days, WINDOWS, text, href, "More than "
                        + found.value().items().size() + " patients in surveillance match \"" + text
                        + "\": type more of the name or the whole MRN."));
            }
            if (found.value().items().isEmpty()) {
                return page(200, Templates.due(viewer, new ServiceViews.DuePage(List.of(), 0, ServiceViews.DuePage.SIZE, 0), Map.of(),
                        days, WINDOWS, text, href, null));
            }
            cases = found.value().items().stream().map(IntakeViews.CaseSummary::caseId).toList();
        }
        return switch (board.due(days, number - 1, cases)) {
            case Answer.Value<ServiceViews.DuePage> due -> page(200, Templates.due(viewer, due.value(),
                    intake.whoAre(due.value().items().stream().map(DueVisit::caseId).toList()), days, WINDOWS, text, href, null));
            case Answer.Refused<ServiceViews.DuePage> refused when refused.status() == 403 ->
                page(403, Templates.due(viewer, null, Map.of(), days, WINDOWS, text, href, "The surveillance list is for nurses."));
            case Answer<ServiceViews.DuePage> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.due(viewer, null, Map.of(), days, WINDOWS, text, href, Answers.unavailable(SERVICE)));
        };
    }

    /** The visits' address up to {@code page=}, keeping the window and the search. */
    static String pageHref(int within, String q) {
        return "/surveillance?within=" + within + (q == null ? "" : "&q=" + Words.urlEncoded(q)) + "&page=";
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @GET
    @Path("cases/{caseId}")
    public Response schedule(@PathParam("caseId") UUID caseId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", LocalDate.now().toString());
        return schedulePage(caseId, 200, values, Map.of(), null, null);
    }

    @POST
    @Path("cases/{caseId}/visits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("caseId") UUID caseId, @FormParam("date") String date, @FormParam("outcome") String outcome,
            @FormParam("notes") String notes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", date == null ? "" : date.strip());
        values.put("outcome", outcome == null ? "" : outcome);
        values.put("notes", notes == null ? "" : notes.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (values.get("date").isEmpty()) {
            errors.put("date", "is required");
        }
        if (values.get("outcome").isEmpty()) {
            errors.put("outcome", "is required");
        }
        if (!errors.isEmpty()) {
            return schedulePage(caseId, 400, values, errors, null, "Some fields need attention.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", values.get("date"));
        body.put("outcome", values.get("outcome"));
        if (!values.get("notes").isEmpty()) {
            body.put("notes", values.get("notes"));
        }
        Answer<Void> visit = board.visit(caseId, body);
        return switch (visit) {
            case Answer.Value<Void> done -> {
                String message = OUTCOMES.get(0).equals(values.get("outcome")) ? "The visit is recorded."
                        : "The visit is recorded. A recurrence sends the case back to the board: it will be on a coming agenda.";
                Map<String, String> fresh = new LinkedHashMap<>();
                fresh.put("date", LocalDate.now().toString());
                yield schedulePage(caseId, 200, fresh, Map.of(), message, null);
            }
            case Answer.NotFound<Void> notFound -> schedulePage(caseId, 404, values, Map.of(), null, null);
            case Answer<Void> failed -> schedulePage(caseId, failed.status(), values, failed.fieldErrors(), null, failed.notSaved(SERVICE));
        };
    }

    private Response schedulePage(UUID caseId, int status, Map<String, String> values, Map<String, String> errors, String message,
            String failure) {
        return switch (board.schedule(caseId)) {
            case Answer.Value<Schedule> schedule -> page(status, Templates.schedule(viewer, caseId, schedule.value(), OUTCOMES, values,
                    errors, message, failure));
            case Answer<Schedule> none -> {
                String why = none instanceof Answer.NotFound<?> ? Answers.notFound()
                        : none.status() == 403 ? "Your role does not show surveillance schedules." : Answers.unavailable(SERVICE);
                int pageStatus = none instanceof Answer.NotFound<?> || none.status() == 403 || none instanceof Answer.NotAnswering<?>
                        ? none.status() : 502;
                yield page(pageStatus, Templates.schedule(viewer, caseId, null, OUTCOMES, values, errors, null, why));
            }
        };
    }
}
