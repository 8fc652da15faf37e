package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.tumorboard.web.ServiceViews.Agenda;
import org.tumorboard.web.ServiceViews.AgendaItem;
import org.tumorboard.web.ServiceViews.BoardCase;
import org.tumorboard.web.ServiceViews.Meeting;
import org.tumorboard.web.ServiceViews.Staging;
import org.tumorboard.web.ServiceViews.Vote;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The board console (issue #12, screen 3): the next meeting's agenda; a case with its stage, histology, grade,
 * failure pattern, alerts, the suggested options and why, and the pseudocapsule model; voting with a rationale; for
 * the chair, which disciplines have voted, the counts, the decision (board-service decides: quorum and majority are
 * its rules, and its 409 says what is missing), dissent on the record, moving a case and closing a meeting.
 */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
public class BoardPages {

    static final String SERVICE = BoardApi.SERVICE;
    static final List<String> DISCIPLINES = Vocabulary.Board.DISCIPLINES;

    static final List<String> RESECTABILITY = Vocabulary.Board.RESECTABILITY;
    static final List<String> OPTIONS = Vocabulary.Board.PLAN_OPTIONS;

    /** What the chair sees of the votes: who has voted, and how many for each option. */
    /** {@code required}: the disciplines the board-service's quorum needs (its configuration; the contract's five if unsaid). */
    public record Tally(List<String> voted, List<String> notVoted, Map<String, Integer> counts, List<ServiceViews.DecidedVote> dissent,
            List<String> required) {
    }

    /** The model's inputs and result; the inputs are kept as typed, for the form. */
    public record Model(String l, String c, String f, PseudocapsuleModel.Result result, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agenda(Viewer viewer, Agenda agenda, List<Meeting> upcoming, String message, String error);

        static native TemplateInstance boardCase(Viewer viewer, UUID caseId, BoardCase board, AgendaItem facts, Staging staging,
                Tally tally, List<Meeting> upcoming, List<String> options, Map<String, String> errors, String message, String error,
                Model model, List<String> resectabilityChoices, Map<String, String> noValues);

        static native TemplateInstance model(Model model);
    }

    @Inject
    Viewer viewer;

    @Inject
    BoardApi board;

    @Inject
    StagingApi staging;

    @GET
    public Response agenda(@QueryParam("meeting") String meeting) {
        return agendaPage(meeting, 200, null, null);
    }

    private Response agendaPage(String meeting, int status, String message, String failure) {
        if (!(board.upcoming() instanceof Answer.Value<List<Meeting>> meetings)) {
            return page(503, Templates.agenda(viewer, null, List.of(), message, Answers.unavailable(SERVICE)));
        }
        List<Meeting> upcoming = meetings.value();
        Optional<Meeting> shown = upcoming.stream().filter(m -> meeting == null || m.meetingId().toString().equals(meeting))
                .filter(m -> meeting != null || !m.closed()).findFirst();
        if (shown.isEmpty()) {
            return page(status, Templates.agenda(viewer, null, upcoming, message, failure != null ? failure
                    : "No open meeting is planned." + (viewer.chair() ? "" : " The chair plans the meetings.")));
        }
        return switch (board.agenda(shown.get().meetingId())) {
            case Answer.Value<Agenda> agenda -> page(status, Templates.agenda(viewer, agenda.value(), upcoming, message, failure));
            case Answer<Agenda> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.agenda(viewer, null, upcoming, message, Answers.unavailable(SERVICE)));
        };
    }

    @POST
    @Path("meetings/{meetingId}/close")
    public Response close(@PathParam("meetingId") UUID meetingId) {
        return switch (board.close(meetingId)) {
            case Answer.Value<Meeting> closed ->
                agendaPage(null, 200, "The meeting is closed; its undecided cases went to the earliest open meeting with room.", null);
            case Answer<Meeting> failed -> agendaPage(meetingId.toString(), failed.status(), null, failed.say(SERVICE));
        };
    }

    @GET
    @Path("cases/{caseId}")
    public Response boardCase(@PathParam("caseId") UUID caseId) {
        return casePage(caseId, 200, Map.of(), null, null);
    }

    @POST
    @Path("cases/{caseId}/votes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("caseId") UUID caseId, @FormParam("option") String option, @FormParam("rationale") String rationale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (option == null || option.isBlank()) {
            errors.put("option", "is required: choose the plan you vote for");
        }
        if (rationale == null || rationale.isBlank()) {
            errors.put("rationale", "is required: the board's record says why");
        }
        if (!errors.isEmpty()) {
            return casePage(caseId, 400, errors, null, "Your vote needs an option and a rationale.");
        }
        Map<String, Object> body = Map.of("option", option, "rationale", rationale.strip());
        return write(caseId, board.vote(caseId, body), "Your vote is recorded.");
    }

    @POST
    @Path("cases/{caseId}/decision")
    public Response decide(@PathParam("caseId") UUID caseId) {
        return write(caseId, board.decide(caseId), "The board's decision is recorded.");
    }

    @POST
    @Path("cases/{caseId}/meeting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("caseId") UUID caseId, @FormParam("meetingId") String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            return casePage(caseId, 400, Map.of("meetingId", "is required: choose the meeting"), null, "Choose a meeting.");
        }
        return write(caseId, board.move(caseId, Map.of("meetingId", meetingId)), "The case is moved.");
    }

    /** The surgeon's or chair's resectability assessment with its reason (issue 20, path 3). */
    @POST
    @Path("cases/{caseId}/resectability")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resectability(@PathParam("caseId") UUID caseId, @FormParam("assessment") String assessment,
            @FormParam("reason") String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (assessment == null || assessment.isBlank()) {
            errors.put("assessment", "is required: resectable, borderline or unresectable");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "is required: vessels, organs, fitness");
        }
        if (!errors.isEmpty()) {
            return casePage(caseId, 400, errors, null, "The assessment needs its reason.");
        }
        return write(caseId, board.resectability(caseId, Map.of("assessment", assessment, "reason", reason.strip())),
                "Resectability is recorded.");
    }

    /** ECOG and major comorbidities (issue 20, path 4); comorbidities one per line. */
    @POST
    @Path("cases/{caseId}/fitness")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fitness(@PathParam("caseId") UUID caseId, @FormParam("ecog") String ecog, @FormParam("comorbidities") String comorbidities) {
        if (ecog == null || !ecog.strip().matches("[0-4]")) {
            return casePage(caseId, 400, Map.of("ecog", "must be 0 to 4"), null, "ECOG is 0 (fully active) to 4 (bedbound).");
        }
        List<String> listed = comorbidities == null ? List.of()
                : comorbidities.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return write(caseId, board.fitness(caseId, Map.of("ecog", Integer.parseInt(ecog.strip()), "comorbidities", listed)),
                "Fitness is recorded.");
    }

    /** The pseudocapsule model recomputed as the inputs change (htmx), or on submit without JavaScript. */
    @POST
    @Path("pseudocapsule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance pseudocapsule(@FormParam("l") String l, @FormParam("c") String c, @FormParam("f") String f) {
        return Templates.model(model(l, c, f));
    }

    static Model model(String l, String c, String f) {
        String notNumbers = "Enter three numbers: l and c in millimetres, f as a fraction such as 0.15.";
        if (l == null || c == null || f == null) {
            return new Model(l, c, f, null, notNumbers);
        }
        try {
            return new Model(l, c, f, PseudocapsuleModel.leftBehind(Double.parseDouble(l), Double.parseDouble(c), Double.parseDouble(f)),
                    null);
        } catch (NumberFormatException e) {
            return new Model(l, c, f, null, notNumbers);
        } catch (IllegalArgumentException e) {
            return new Model(l, c, f, null, "l must be above 0, c at least 0, and f between 0 and 1.");
        }
    }

    private Response write(UUID caseId, Answer<Void> written, String done) {
        return switch (written) {
            case Answer.Value<Void> ok -> casePage(caseId, 200, Map.of(), done, null);
            case Answer.NotFound<Void> notFound -> casePage(caseId, 404, Map.of(), null, null);
            case Answer<Void> failed -> casePage(caseId, failed.status(), failed.fieldErrors(), null, failed.say(SERVICE));
        };
    }

    private Response casePage(UUID caseId, int status, Map<String, String> errors, String message, String failure) {
        Model model = model("3", "1", "0.15");
        Answer<BoardCase> board = this.board.board(caseId);
        Answer<List<Meeting>> upcoming = board instanceof Answer.Value<BoardCase> ? this.board.upcoming() : null;
        if (board instanceof Answer.Value<BoardCase> found && upcoming instanceof Answer.Value<List<Meeting>> meetings) {
            BoardCase view = found.value();
            return page(status, Templates.boardCase(viewer, caseId, view, facts(view), staging.staging(caseId).orNull(), tally(view),
                    meetings.value(), OPTIONS, errors, message, failure, model, RESECTABILITY, Map.of()));
        }
        Answer<?> failed = board instanceof Answer.Value<BoardCase> ? upcoming : board;
        String why = failed instanceof Answer.NotFound<?> ? Answers.notFound()
                : failed.status() == 403 ? "Your role does not show the board's view of a case." : Answers.unavailable(SERVICE);
        int pageStatus = failed instanceof Answer.NotFound<?> || failed.status() == 403 || failed instanceof Answer.NotAnswering<?>
                ? failed.status() : 502;
        return page(pageStatus, Templates.boardCase(viewer, caseId, null, null, null, null, List.of(), OPTIONS, Map.of(), null, why,
                model, RESECTABILITY, Map.of()));
    }

    /** The agenda line of the case's meeting: histology, grade, stage, failure pattern and alerts as the board holds them. */
    private AgendaItem facts(BoardCase view) {
        if (view.meetingId() == null || !(board.agenda(view.meetingId()) instanceof Answer.Value<Agenda> agenda)) {
            return null;
        }
        return agenda.value().cases().stream().filter(i -> i.caseId().equals(view.caseId())).findFirst().orElse(null);
    }

    static Tally tally(BoardCase view) {
        List<String> voted = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Vote v : view.votes()) {
            if (!voted.contains(v.discipline())) {
                voted.add(v.discipline());
            }
            counts.merge(v.option(), 1, Integer::sum);
        }
        List<String> required = view.quorum() == null || view.quorum().isEmpty() ? DISCIPLINES : view.quorum();
        List<String> notVoted = required.stream().filter(d -> !voted.contains(d)).toList();
        // Dissent as the decision recorded it (board-service marks each vote), not as this page would work it out.
        List<ServiceViews.DecidedVote> dissent = view.decision() == null || view.decision().votes() == null ? List.of()
                : view.decision().votes().stream().filter(ServiceViews.DecidedVote::dissent).toList();
        return new Tally(voted, notVoted, counts, dissent, required);
    }
}
