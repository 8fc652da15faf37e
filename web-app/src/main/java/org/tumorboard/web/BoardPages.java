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
import io.quarkus.security.Authenticated;

/**
 * The board console (issue #12, screen 3): the next meeting's agenda; a case with its stage, histology, grade,
 * failure pattern, alerts, the suggested options and why, and the pseudocapsule model; voting with a rationale; for
 * the chair, which disciplines have voted, the counts, the decision (board-service decides: quorum and majority are
 * its rules, and its 409 says what is missing), dissent on the record, moving a case and closing a meeting.
 */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class BoardPages {

    static final String SERVICE = BoardApi.SERVICE;
    static final List<String> DISCIPLINES = Vocabulary.Board.DISCIPLINES;

    static final List<String> RESECTABILITY = Vocabulary.Board.RESECTABILITY;
    static final List<String> TREATMENTS = Vocabulary.Board.TREATMENT_TYPES;
    static final List<String> NOT_IMPLEMENTED_REASONS = Vocabulary.Board.NOT_IMPLEMENTED_REASONS;
    static final List<String> OPTIONS = Vocabulary.Board.PLAN_OPTIONS;

    /** What the chair sees of the votes: who has voted, and how many for each option. */
    /** {@code required}: the disciplines the board-service's quorum needs (its configuration; the contract's five if unsaid). */
    public record Tally(List<String> voted, List<String> notVoted, Map<String, Integer> counts, List<ServiceViews.DecidedVote> dissent,
            List<String> required) {
    }

    /** A meeting's refused new plan: its form comes back open, with what the chair typed and the problems by field. */
    public record RefusedPlan(String meetingId, Map<String, String> values, Map<String, String> errors) {

        public boolean of(Meeting m) {
            return m.meetingId().toString().equals(meetingId);
        }

        /** The value to show in the meeting's form: the chair's when refused, else the meeting's own. */
        public String value(Meeting m, String field, String current) {
            return of(m) ? values.getOrDefault(field, "") : current;
        }

        public String error(Meeting m, String field) {
            return of(m) ? errors.get(field) : null;
        }
    }

    /** What the treatment form offers: milestones, the reasons a plan is not implemented, the organs, today's date. */
    public record TreatmentChoices(List<String> types, List<String> reasons, List<String> organs, String today) {

        public List<String> yesNo() {
            return List.of("false", "true");
        }

        /** Whether the organ is ticked among a refused form's answers. */
        public boolean ticked(Map<String, String> values, String organ) {
            return Organs.lists(values.get("organsResected"), organ);
        }
    }

    /** The model's inputs and result; the inputs are kept as typed, for the form. */
    public record Model(String l, String c, String f, PseudocapsuleModel.Result result, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agenda(Viewer viewer, Agenda agenda, List<Meeting> upcoming, String message, String error);

        static native TemplateInstance boardCase(Viewer viewer, UUID caseId, BoardCase board, AgendaItem facts, Staging staging,
                Tally tally, List<Meeting> upcoming, List<String> options, Map<String, String> errors, String message, String error,
                Model model, List<String> resectabilityChoices, Map<String, String> values, TreatmentChoices treatment,
                IntakeViews.CaseView referral, List<PathologySummary> pathology);

        static native TemplateInstance model(Model model);

        static native TemplateInstance operatingList(Viewer viewer, List<ServiceViews.OverduePlan> plans,
                Map<UUID, IntakeViews.Patient> who, String error);

        static native TemplateInstance myVotes(Viewer viewer, List<ServiceViews.PendingVote> pending, String error);

        static native TemplateInstance meetings(Viewer viewer, List<Meeting> meetings, Map<String, String> values,
                Map<String, String> errors, String message, String error, RefusedPlan refusedPlan);

        static native TemplateInstance present(Viewer viewer, Agenda agenda, int current, UUID previous, UUID next, String error);
    }

    @Inject
    Viewer viewer;

    @Inject
    BoardApi board;

    @Inject
    StagingApi staging;

    @Inject
    IntakeApi intake;

    @Inject
    PathologyApi pathologyReports;

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

    /** The chair's planning of meetings: the coming ones with their time, room and places; plan, reschedule, cancel. */
    @GET
    @Path("meetings")
    public Response meetings() {
        return meetingsPage(200, Map.of(), Map.of(), null, null);
    }

    @POST
    @Path("meetings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planMeeting(@FormParam("date") String date, @FormParam("startTime") String startTime,
            @FormParam("room") String room, @FormParam("capacity") String capacity) {
        Map<String, String> sent = sent("date", date, "startTime", startTime, "room", room, "capacity", capacity);
        Map<String, String> errors = meetingErrors(sent);
        if (!errors.isEmpty()) {
            return meetingsPage(400, sent, errors, null, "Nothing was saved: the meeting needs a date and a capacity.");
        }
        return switch (board.createMeeting(meetingBody(sent))) {
            case Answer.Value<Meeting> created -> meetingsPage(201, Map.of(), Map.of(), "The meeting of " + created.value().date()
                    + " is planned; ready cases join its agenda.", null);
            case Answer<Meeting> failed -> meetingsPage(failed.status(), sent, failed.fieldErrors(), null, failed.notSaved(SERVICE));
        };
    }

    @POST
    @Path("meetings/{meetingId}/reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reschedule(@PathParam("meetingId") UUID meetingId, @FormParam("date") String date,
            @FormParam("startTime") String startTime, @FormParam("room") String room, @FormParam("capacity") String capacity) {
        Map<String, String> sent = sent("date", date, "startTime", startTime, "room", room, "capacity", capacity);
        Map<String, String> errors = meetingErrors(sent);
        if (!errors.isEmpty()) {
            return meetingsPage(400, Map.of(), Map.of(), null, "Nothing was saved: a meeting needs a date and a capacity of 1 or more.",
                    new RefusedPlan(meetingId.toString(), sent, errors));
        }
        return switch (board.reschedule(meetingId, meetingBody(sent))) {
            case Answer.Value<Meeting> moved -> meetingsPage(200, Map.of(), Map.of(), "The meeting is now on " + moved.value().date()
                    + (moved.value().startTime() == null ? "" : " at " + moved.value().time())
                    + (moved.value().room() == null ? "" : ", " + moved.value().room()) + "; its cases stay on its agenda.", null);
            case Answer<Meeting> failed -> meetingsPage(failed.status(), Map.of(), Map.of(), null, failed.notSaved(SERVICE),
                    new RefusedPlan(meetingId.toString(), sent, failed.fieldErrors()));
        };
    }

    @POST
    @Path("meetings/{meetingId}/cancel")
    public Response cancelMeeting(@PathParam("meetingId") UUID meetingId) {
        return switch (board.cancel(meetingId)) {
            case Answer.Value<Meeting> cancelled -> meetingsPage(200, Map.of(), Map.of(), "The meeting of " + cancelled.value().date()
                    + " is cancelled; its undecided cases go to the earliest open meeting with room.", null);
            case Answer<Meeting> failed -> meetingsPage(failed.status(), Map.of(), Map.of(), null, failed.notSaved(SERVICE));
        };
    }

    private static Map<String, String> meetingErrors(Map<String, String> sent) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!sent.containsKey("date")) {
            errors.put("date", "is required");
        }
        if (!sent.getOrDefault("capacity", "").strip().matches("[1-9][0-9]?|100")) {
            errors.put("capacity", "must be a number of cases from 1 to 100");
        }
        return errors;
    }

    private static Map<String, Object> meetingBody(Map<String, String> sent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", sent.get("date").strip());
        body.put("capacity", Integer.parseInt(sent.get("capacity").strip()));
        if (sent.containsKey("startTime")) {
            body.put("startTime", sent.get("startTime").strip());
        }
        if (sent.containsKey("room")) {
            body.put("room", sent.get("room").strip());
        }
        return body;
    }

    private Response meetingsPage(int status, Map<String, String> values, Map<String, String> errors, String message, String error) {
        return meetingsPage(status, values, errors, message, error, new RefusedPlan("", Map.of(), Map.of()));
    }

    private Response meetingsPage(int status, Map<String, String> values, Map<String, String> errors, String message, String error,
            RefusedPlan refusedPlan) {
        return switch (board.upcoming()) {
            case Answer.Value<List<Meeting>> meetings -> page(status, Templates.meetings(viewer, meetings.value(), values, errors,
                    message, error, refusedPlan));
            case Answer<List<Meeting>> failed -> page(failed.status() == 403 ? 403 : 502, Templates.meetings(viewer, List.of(), values,
                    errors, message, failed.status() == 403 ? "Your role does not show the board's meetings." : Answers.unavailable(SERVICE),
                    refusedPlan));
        };
    }

    /**
     * The surgeon's operating list: decided plans whose next step is the operation, soonest due first, with who the
     * patient is (a surgeon is allowed identity) and how late the operation is against the decision-to-treatment target.
     */
    @GET
    @Path("operating-list")
    public Response operatingList() {
        return switch (board.openPlans()) {
            case Answer.Value<List<ServiceViews.OverduePlan>> plans -> {
                List<ServiceViews.OverduePlan> operations = plans.value().stream().filter(p -> "SURGERY".equals(p.nextStep())).toList();
                yield page(200, Templates.operatingList(viewer, operations,
                        intake.whoAre(operations.stream().map(ServiceViews.OverduePlan::caseId).toList()), null));
            }
            case Answer.Refused<List<ServiceViews.OverduePlan>> refused when refused.status() == 403 ->
                page(403, Templates.operatingList(viewer, List.of(), Map.of(), "The operating list is for surgeons and the board."));
            case Answer<List<ServiceViews.OverduePlan>> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.operatingList(viewer, List.of(), Map.of(), Answers.unavailable(SERVICE)));
        };
    }

    /** "My cases to vote on": a member's cases on coming agendas without their vote in the current round. */
    @GET
    @Path("my-votes")
    public Response myVotes() {
        return switch (board.pendingVotes()) {
            case Answer.Value<List<ServiceViews.PendingVote>> pending -> page(200, Templates.myVotes(viewer, pending.value(), null));
            case Answer.Refused<List<ServiceViews.PendingVote>> refused when refused.status() == 403 ->
                page(403, Templates.myVotes(viewer, List.of(), "This list is for the board's voting members."));
            case Answer<List<ServiceViews.PendingVote>> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.myVotes(viewer, List.of(), Answers.unavailable(SERVICE)));
        };
    }

    /**
     * The meeting room's screen: one case at a time in large type (site, stage, histology, grade, alerts, decision),
     * the running order beside it, previous and next; it follows the agenda live as cases are decided or moved.
     */
    @GET
    @Path("meetings/{meetingId}/present")
    public Response present(@PathParam("meetingId") UUID meetingId, @QueryParam("case") String shownCase) {
        return switch (board.agenda(meetingId)) {
            case Answer.Value<Agenda> agenda -> {
                // The case is named by its id, not its place: the screen stays on it when the agenda changes live.
                List<UUID> order = agenda.value().cases().stream().map(AgendaItem::caseId).toList();
                int index = Math.max(0, order.stream().map(UUID::toString).toList().indexOf(shownCase));
                UUID previous = index > 0 ? order.get(index - 1) : null;
                UUID next = index + 1 < order.size() ? order.get(index + 1) : null;
                yield page(200, Templates.present(viewer, agenda.value(), index + 1, previous, next, null));
            }
            case Answer.NotFound<Agenda> notFound -> page(404, Templates.present(viewer, null, 1, null, null,
                    "There is no such meeting."));
            case Answer<Agenda> failed -> page(failed.status() == 403 ? 403 : 502, Templates.present(viewer, null, 1, null, null,
                    failed.status() == 403 ? "Your role does not show the board's meetings." : Answers.unavailable(SERVICE)));
        };
    }

    @POST
    @Path("meetings/{meetingId}/close")
    public Response close(@PathParam("meetingId") UUID meetingId) {
        return switch (board.close(meetingId)) {
            case Answer.Value<Meeting> closed ->
                agendaPage(null, 200, "The meeting is closed; its undecided cases went to the earliest open meeting with room.", null);
            case Answer<Meeting> failed -> agendaPage(meetingId.toString(), failed.status(), null, failed.notSaved(SERVICE));
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
        Map<String, String> sent = sent("option", option, "rationale", rationale);
        if (!errors.isEmpty()) {
            return casePage(caseId, 400, sent, errors, null, "Nothing was saved: your vote needs a plan and a rationale.");
        }
        Map<String, Object> body = Map.of("option", option, "rationale", rationale.strip());
        return write(caseId, sent, board.vote(caseId, body), "Your vote is recorded.");
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
        return write(caseId, sent("meetingId", meetingId), board.move(caseId, Map.of("meetingId", meetingId)), "The case is moved.");
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
        Map<String, String> sent = sent("assessment", assessment, "reason", reason);
        if (!errors.isEmpty()) {
            return casePage(caseId, 400, sent, errors, null, "Nothing was saved: the assessment needs its reason.");
        }
        return write(caseId, sent, board.resectability(caseId, Map.of("assessment", assessment, "reason", reason.strip())),
                "Resectability is recorded.");
    }

    /** ECOG and major comorbidities (issue 20, path 4); comorbidities one per line. */
    @POST
    @Path("cases/{caseId}/fitness")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fitness(@PathParam("caseId") UUID caseId, @FormParam("ecog") String ecog, @FormParam("comorbidities") String comorbidities) {
        Map<String, String> sent = sent("ecog", ecog, "comorbidities", comorbidities);
        if (ecog == null || !ecog.strip().matches("[0-4]")) {
            return casePage(caseId, 400, sent, Map.of("ecog", "must be 0 to 4"), null,
                    "Nothing was saved: ECOG is 0 (fully active) to 4 (bedbound).");
        }
        List<String> listed = comorbidities == null ? List.of()
                : comorbidities.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return write(caseId, sent, board.fitness(caseId, Map.of("ecog", Integer.parseInt(ecog.strip()), "comorbidities", listed)),
                "Fitness is recorded.");
    }

    /** The chair waives the biopsy, saying why; readiness then accepts the case without one. */
    @POST
    @Path("cases/{caseId}/biopsy-waiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response waiveBiopsy(@PathParam("caseId") UUID caseId, @FormParam("waiverReason") String reason) {
        if (reason == null || reason.isBlank()) {
            return casePage(caseId, 400, Map.of("waiverReason", "is required: the record says why no biopsy is needed"), null,
                    "Nothing was saved: the waiver needs its reason.");
        }
        return write(caseId, sent("waiverReason", reason), board.waiveBiopsy(caseId, reason.strip()), "The biopsy is waived; the case is ready once its other facts are.");
    }

    /** The chair reopens a decided case for a new round (a flagged decision reviewed, new facts); the old round stays. */
    @POST
    @Path("cases/{caseId}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("caseId") UUID caseId, @FormParam("reopenReason") String reason) {
        if (reason == null || reason.isBlank()) {
            return casePage(caseId, 400, Map.of("reopenReason", "is required: the record says why the case is discussed again"),
                    null, "Nothing was saved: reopening needs its reason.");
        }
        return write(caseId, sent("reopenReason", reason), board.reopen(caseId, reason.strip()), "The case is reopened for a new round; the decision stays on record.");
    }

    /**
     * The surgeon's or chair's record of the plan carried out: a neoadjuvant milestone, the operation (en bloc or not,
     * the organs taken, gross residual disease) or why the plan was not implemented. board-service checks the phase and
     * the dates; what it refuses is shown next to the field.
     */
    @POST
    @Path("cases/{caseId}/treatments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response treatment(@PathParam("caseId") UUID caseId, jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        String type = form.getFirst("type");
        String date = form.getFirst("date");
        Map<String, String> errors = new LinkedHashMap<>();
        if (type == null || !TREATMENTS.contains(type)) {
            errors.put("type", "is required: choose what was done");
        }
        if (date == null || date.isBlank()) {
            errors.put("date", "is required");
        }
        String reason = form.getFirst("reasonCode");
        if ("NOT_IMPLEMENTED".equals(type) && (reason == null || reason.isBlank())) {
            errors.put("reasonCode", "is required: say why the plan was not carried out");
        }
        List<String> organs = form.get("organsResected") == null ? List.of()
                : form.get("organsResected").stream().filter(Organs.CODES::contains).distinct().toList();
        Map<String, String> sent = sent("type", type, "date", date, "enBloc", form.getFirst("enBloc"), "grossResidualDisease",
                form.getFirst("grossResidualDisease"), "reasonCode", reason, "organsResected", String.join(",", organs));
        if (!errors.isEmpty()) {
            return casePage(caseId, 400, sent, errors, null, "Nothing was saved: " + errors.size() + " answer"
                    + (errors.size() == 1 ? " needs" : "s need") + " changing.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("date", date.strip());
        if ("SURGERY".equals(type)) {
            // What the surgeon left as "not stated" is not sent: board-service records it as unknown, not as "no".
            yesNo(form.getFirst("enBloc")).ifPresent(v -> body.put("enBloc", v));
            yesNo(form.getFirst("grossResidualDisease")).ifPresent(v -> body.put("grossResidualDisease", v));
            if (!organs.isEmpty()) {
                body.put("organsResected", organs);
            }
        }
        if ("NOT_IMPLEMENTED".equals(type)) {
            body.put("reasonCode", reason);
        }
        String done = switch (type) {
            case "SURGERY" -> "The operation is recorded.";
            case "NOT_IMPLEMENTED" -> "Recorded: the plan was not implemented. The case goes back to the board.";
            default -> "Recorded: " + Words.words(type) + ".";
        };
        return write(caseId, sent, board.treatment(caseId, body), done);
    }

    private static Optional<Boolean> yesNo(String answer) {
        return "true".equals(answer) ? Optional.of(true) : "false".equals(answer) ? Optional.of(false) : Optional.empty();
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
        return write(caseId, Map.of(), written, done);
    }

    /** A form's answer: the page with what was done, or the form as sent with the refusal next to its fields. */
    private Response write(UUID caseId, Map<String, String> sent, Answer<Void> written, String done) {
        return switch (written) {
            case Answer.Value<Void> ok -> casePage(caseId, 200, Map.of(), done, null);
            case Answer.NotFound<Void> notFound -> casePage(caseId, 404, Map.of(), null, null);
            case Answer<Void> failed -> casePage(caseId, failed.status(), sent, failed.fieldErrors(), null, failed.notSaved(SERVICE));
        };
    }

    /** The answers of a form as sent (blank ones left out), to fill it again when it is refused. */
    private static Map<String, String> sent(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return values;
    }

    private Response casePage(UUID caseId, int status, Map<String, String> errors, String message, String failure) {
        return casePage(caseId, status, Map.of(), errors, message, failure);
    }

    /** The case's page; {@code values}: a refused form's answers as sent, so that it comes back filled. */
    private Response casePage(UUID caseId, int status, Map<String, String> values, Map<String, String> errors, String message,
            String failure) {
        Model model = model("3", "1", "0.15");
        Answer<BoardCase> board = this.board.board(caseId);
        Answer<List<Meeting>> upcoming = board instanceof Answer.Value<BoardCase> ? this.board.upcoming() : null;
        if (board instanceof Answer.Value<BoardCase> found && upcoming instanceof Answer.Value<List<Meeting>> meetings) {
            BoardCase view = found.value();
            return page(status, Templates.boardCase(viewer, caseId, view, facts(view), staging.staging(caseId).orNull(), tally(view),
                    meetings.value(), OPTIONS, errors, message, failure, model, RESECTABILITY, values, treatmentChoices(), intake.caseView(caseId).orNull(),
                    PathologySummary.of(pathologyReports.reports(caseId).orNull())));
        }
        Answer<?> failed = board instanceof Answer.Value<BoardCase> ? upcoming : board;
        String why = failed instanceof Answer.NotFound<?> ? Answers.notFound()
                : failed.status() == 403 ? "Your role does not show the board's view of a case." : Answers.unavailable(SERVICE);
        int pageStatus = failed instanceof Answer.NotFound<?> || failed.status() == 403 || failed instanceof Answer.NotAnswering<?>
                ? failed.status() : 502;
        return page(pageStatus, Templates.boardCase(viewer, caseId, null, null, null, null, List.of(), OPTIONS, Map.of(), null, why,
                model, RESECTABILITY, values, treatmentChoices(), null, List.of()));
    }

    private static TreatmentChoices treatmentChoices() {
        return new TreatmentChoices(TREATMENTS, NOT_IMPLEMENTED_REASONS, Organs.CODES,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
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
