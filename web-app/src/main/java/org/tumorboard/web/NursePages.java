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

/**
 * The surveillance nurse's screens (issue #12, screen 4): visits due in the next 30 days and overdue ones, overdue
 * first (board-service's order); a case's schedule as a timeline; recording a visit and its outcome. A recurrence
 * sends the case back to the board: board-service does that, the page says so.
 */
@Path("/surveillance")
@Produces(MediaType.TEXT_HTML)
public class NursePages {

    static final String SERVICE = BoardApi.SERVICE;
    static final List<String> OUTCOMES = Vocabulary.Board.VISIT_OUTCOMES;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance due(Viewer viewer, List<DueVisit> visits, int within, List<Integer> windows, String error);

        static native TemplateInstance schedule(Viewer viewer, UUID caseId, Schedule schedule, List<String> outcomes,
                Map<String, String> values, Map<String, String> errors, String message, String error);
    }

    @Inject
    Viewer viewer;

    @Inject
    BoardApi board;

    /** The windows the nurse can look ahead by; 30 days unless another is chosen. */
    static final List<Integer> WINDOWS = List.of(30, 90, 180, 365);

    @GET
    public Response due(@QueryParam("within") String within) {
        int days = WINDOWS.stream().filter(w -> String.valueOf(w).equals(within)).findFirst().orElse(30);
        return switch (board.due(days)) {
            case Answer.Value<List<DueVisit>> due -> page(200, Templates.due(viewer, due.value(), days, WINDOWS, null));
            case Answer.Refused<List<DueVisit>> refused when refused.status() == 403 ->
                page(403, Templates.due(viewer, List.of(), days, WINDOWS, "The surveillance list is for nurses."));
            case Answer<List<DueVisit>> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.due(viewer, List.of(), days, WINDOWS, Answers.unavailable(SERVICE)));
        };
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
            case Answer<Void> failed -> schedulePage(caseId, failed.status(), values, failed.fieldErrors(), null, failed.say(SERVICE));
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
