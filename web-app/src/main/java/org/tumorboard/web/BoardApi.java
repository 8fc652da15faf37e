package org.tumorboard.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.ServiceViews.Agenda;
import org.tumorboard.web.ServiceViews.BoardCase;
import org.tumorboard.web.ServiceViews.DueVisit;
import org.tumorboard.web.ServiceViews.Meeting;
import org.tumorboard.web.ServiceViews.OverduePlan;
import org.tumorboard.web.ServiceViews.Schedule;
import org.tumorboard.web.ServiceViews.Timeliness;

/** board-service as the pages use it: each call gives its value or a typed failure ({@link Answer}). */
@ApplicationScoped
class BoardApi {

    static final String SERVICE = "board-service";

    @Inject
    @RestClient
    BoardClient client;

    /** Meetings from a week ago to four months ahead, by date: the next open one is the board's agenda. */
    Answer<List<Meeting>> upcoming() {
        LocalDate today = LocalDate.now();
        return Answer.call(() -> client.meetings(today.minusDays(7).toString(), today.plusDays(120).toString()), 200, r -> {
            List<Meeting> meetings = new ArrayList<>(List.of(r.readEntity(Meeting[].class)));
            meetings.sort(Comparator.comparing(Meeting::date));
            return meetings;
        });
    }

    Answer<Agenda> agenda(UUID meetingId) {
        return Answer.call(() -> client.agenda(meetingId), 200, Agenda.class);
    }

    Answer<Meeting> close(UUID meetingId) {
        return Answer.call(() -> client.close(meetingId), 200, Meeting.class);
    }

    Answer<BoardCase> board(UUID caseId) {
        return Answer.call(() -> client.board(caseId), 200, BoardCase.class);
    }

    /** A write on the board's view of a case (vote, decision, move): what it answers is not shown, the page reloads. */
    Answer<Void> vote(UUID caseId, Map<String, Object> body) {
        return Answer.call(() -> client.vote(caseId, body), 201, r -> null);
    }

    Answer<Void> decide(UUID caseId) {
        return Answer.call(() -> client.decide(caseId), 201, r -> null);
    }

    Answer<Void> move(UUID caseId, Map<String, Object> body) {
        return Answer.call(() -> client.move(caseId, body), 200, r -> null);
    }

    Answer<Meeting> createMeeting(Map<String, Object> body) {
        return Answer.call(() -> client.createMeeting(body), 201, Meeting.class);
    }

    Answer<Meeting> reschedule(UUID meetingId, Map<String, Object> body) {
        return Answer.call(() -> client.reschedule(meetingId, body), 200, Meeting.class);
    }

    Answer<Meeting> cancel(UUID meetingId) {
        return Answer.call(() -> client.cancel(meetingId), 200, Meeting.class);
    }

    Answer<List<OverduePlan>> openPlans() {
        return Answer.list(client::openPlans, OverduePlan[].class);
    }

    Answer<List<ServiceViews.PendingVote>> pendingVotes() {
        return Answer.list(client::pendingVotes, ServiceViews.PendingVote[].class);
    }

    Answer<Void> waiveBiopsy(UUID caseId, String reason) {
        return Answer.call(() -> client.waiveBiopsy(caseId, Map.of("reason", reason)), 200, r -> null);
    }

    Answer<Void> reopen(UUID caseId, String reason) {
        return Answer.call(() -> client.reopen(caseId, Map.of("reason", reason)), 200, r -> null);
    }

    Answer<Void> treatment(UUID caseId, Map<String, Object> body) {
        return Answer.call(() -> client.treatment(caseId, body), 201, r -> null);
    }

    Answer<Void> resectability(UUID caseId, Map<String, Object> body) {
        return Answer.call(() -> client.resectability(caseId, body), 200, r -> null);
    }

    Answer<Void> fitness(UUID caseId, Map<String, Object> body) {
        return Answer.call(() -> client.fitness(caseId, body), 200, r -> null);
    }

    Answer<Schedule> schedule(UUID caseId) {
        return Answer.call(() -> client.schedule(caseId), 200, Schedule.class);
    }

    Answer<Void> visit(UUID caseId, Map<String, Object> body) {
        return Answer.call(() -> client.visit(caseId, body), 201, r -> null);
    }

    /** A page of the nurses' worklist (board-service pages it in SQL). */
    Answer<ServiceViews.DuePage> due(int withinDays, int page, List<UUID> cases) {
        List<String> ids = cases.stream().map(UUID::toString).toList();
        return Answer.call(() -> client.due(withinDays, page, ServiceViews.DuePage.SIZE, ids), 200, ServiceViews.DuePage.class);
    }

    Answer<List<OverduePlan>> overduePlans() {
        return Answer.list(client::overduePlans, OverduePlan[].class);
    }

    Answer<Timeliness> timeliness() {
        return Answer.call(client::timeliness, 200, Timeliness.class);
    }
}
