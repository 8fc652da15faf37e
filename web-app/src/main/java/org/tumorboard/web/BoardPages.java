package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.time.LocalDate;
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
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.IntakeViews.Problem;
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

    static final String SERVICE = "board-service";
    static final List<String> DISCIPLINES = List.of("SURGERY", "RADIOLOGY", "PATHOLOGY", "MEDICAL_ONCOLOGY", "RADIATION_ONCOLOGY");
    static final List<String> OPTIONS = List.of("UPFRONT_RESECTION", "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION",
            "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION", "NEOADJUVANT_CHEMORADIATION_THEN_RESECTION", "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC",
            "SYSTEMIC_THERAPY", "NON_SARCOMA_PATHWAY", "CLINICAL_TRIAL");

    /** What the chair sees of the votes: who has voted, and how many for each option. */
    public record Tally(List<String> voted, List<String> notVoted, Map<String, Integer> counts, List<ServiceViews.DecidedVote> dissent) {
    }

    /** The model's inputs and result; the inputs are kept as typed, for the form. */
    public record Model(String l, String c, String f, PseudocapsuleModel.Result result, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agenda(Viewer viewer, Agenda agenda, List<Meeting> upcoming, String message, String error);

        static native TemplateInstance boardCase(Viewer viewer, UUID caseId, BoardCase board, AgendaItem facts, Staging staging,
                Tally tally, List<Meeting> upcoming, List<String> options, Map<String, String> errors, String message, String error,
                Model model);

        static native TemplateInstance model(Model model);
    }

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    BoardClient board;

    @Inject
    @RestClient
    StagingClient staging;

    @GET
    public Response agenda(@QueryParam("meeting") String meeting) {
        return agendaPage(meeting, 200, null, null);
    }

    private Response agendaPage(String meeting, int status, String message, String failure) {
        try {
            List<Meeting> upcoming = upcoming();
            Optional<Meeting> shown = upcoming.stream().filter(m -> meeting == null || m.meetingId().toString().equals(meeting))
                    .filter(m -> meeting != null || !m.closed()).findFirst();
            if (shown.isEmpty()) {
                return page(status, Templates.agenda(viewer, null, upcoming, message, failure != null ? failure
                        : "No open meeting is planned." + (viewer.chair() ? "" : " The chair plans the meetings.")));
            }
            try (Response r = board.agenda(shown.get().meetingId())) {
                if (r.getStatus() != 200) {
                    return page(502, Templates.agenda(viewer, null, upcoming, message, Answers.unavailable(SERVICE)));
                }
                return page(status, Templates.agenda(viewer, r.readEntity(Agenda.class), upcoming, message, failure));
            }
        } catch (ProcessingException | IllegalStateException down) {
            return page(503, Templates.agenda(viewer, null, List.of(), message, Answers.unavailable(SERVICE)));
        }
    }

    @POST
    @Path("meetings/{meetingId}/close")
    public Response close(@PathParam("meetingId") UUID meetingId) {
        try (Response r = board.close(meetingId)) {
            if (r.getStatus() == 200) {
                return agendaPage(null, 200, "The meeting is closed; its undecided cases went to the earliest open meeting with room.", null);
            }
            return agendaPage(meetingId.toString(), r.getStatus() >= 500 ? 502 : r.getStatus(), null,
                    Answers.say(Answers.problem(r), SERVICE));
        } catch (ProcessingException down) {
            return agendaPage(meetingId.toString(), 503, null, Answers.unavailable(SERVICE));
        }
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
        return write(caseId, () -> board.vote(caseId, body), 201, "Your vote is recorded.");
    }

    @POST
    @Path("cases/{caseId}/decision")
    public Response decide(@PathParam("caseId") UUID caseId) {
        return write(caseId, () -> board.decide(caseId), 201, "The board's decision is recorded.");
    }

    @POST
    @Path("cases/{caseId}/meeting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("caseId") UUID caseId, @FormParam("meetingId") String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            return casePage(caseId, 400, Map.of("meetingId", "is required: choose the meeting"), null, "Choose a meeting.");
        }
        return write(caseId, () -> board.move(caseId, Map.of("meetingId", meetingId)), 200, "The case is moved.");
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

    private interface Call {
        Response run();
    }

    private Response write(UUID caseId, Call call, int success, String done) {
        try (Response r = call.run()) {
            if (r.getStatus() == success) {
                return casePage(caseId, 200, Map.of(), done, null);
            }
            if (r.getStatus() == 404) {
                return casePage(caseId, 404, Map.of(), null, null);
            }
            Problem problem = Answers.problem(r);
            return casePage(caseId, r.getStatus() >= 500 ? 502 : r.getStatus(), Answers.fieldErrors(problem), null,
                    Answers.say(problem, SERVICE));
        } catch (ProcessingException down) {
            return casePage(caseId, 503, Map.of(), null, Answers.unavailable(SERVICE));
        }
    }

    private Response casePage(UUID caseId, int status, Map<String, String> errors, String message, String failure) {
        Model model = model("3", "1", "0.15");
        try (Response r = board.board(caseId)) {
            if (r.getStatus() == 404) {
                return page(404, Templates.boardCase(viewer, caseId, null, null, null, null, List.of(), OPTIONS, Map.of(), null,
                        Answers.notFound(), model));
            }
            if (r.getStatus() != 200) {
                return page(r.getStatus() == 403 ? 403 : 502, Templates.boardCase(viewer, caseId, null, null, null, null, List.of(),
                        OPTIONS, Map.of(), null, r.getStatus() == 403 ? "Your role does not show the board's view of a case."
                                : Answers.unavailable(SERVICE), model));
            }
            BoardCase view = r.readEntity(BoardCase.class);
            List<Meeting> upcoming = upcoming();
            return page(status, Templates.boardCase(viewer, caseId, view, facts(view), staging(caseId), tally(view), upcoming, OPTIONS,
                    errors, message, failure, model));
        } catch (ProcessingException | IllegalStateException down) {
            return page(503, Templates.boardCase(viewer, caseId, null, null, null, null, List.of(), OPTIONS, Map.of(), null,
                    Answers.unavailable(SERVICE), model));
        }
    }

    /** The agenda line of the case's meeting: histology, grade, stage, failure pattern and alerts as the board holds them. */
    private AgendaItem facts(BoardCase view) {
        if (view.meetingId() == null) {
            return null;
        }
        try (Response r = board.agenda(view.meetingId())) {
            if (r.getStatus() != 200) {
                return null;
            }
            return r.readEntity(Agenda.class).cases().stream().filter(i -> i.caseId().equals(view.caseId())).findFirst().orElse(null);
        }
    }

    private Staging staging(UUID caseId) {
        try (Response r = staging.staging(caseId)) {
            return r.getStatus() == 200 ? r.readEntity(Staging.class) : null;
        } catch (ProcessingException down) {
            return null;
        }
    }

    /** Meetings from a week ago to four months ahead, by date: the next open one is the board's agenda. */
    private List<Meeting> upcoming() {
        LocalDate today = LocalDate.now();
        try (Response r = board.meetings(today.minusDays(7).toString(), today.plusDays(120).toString())) {
            if (r.getStatus() != 200) {
                throw new IllegalStateException("meetings answered " + r.getStatus());
            }
            List<Meeting> meetings = new ArrayList<>(List.of(r.readEntity(Meeting[].class)));
            meetings.sort(java.util.Comparator.comparing(Meeting::date));
            return meetings;
        }
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
        List<String> notVoted = DISCIPLINES.stream().filter(d -> !voted.contains(d)).toList();
        // Dissent as the decision recorded it (board-service marks each vote), not as this page would work it out.
        List<ServiceViews.DecidedVote> dissent = view.decision() == null || view.decision().votes() == null ? List.of()
                : view.decision().votes().stream().filter(ServiceViews.DecidedVote::dissent).toList();
        return new Tally(voted, notVoted, counts, dissent);
    }
}
