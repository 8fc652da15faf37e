package org.tumorboard.web;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.ServiceViews.Agenda;
import org.tumorboard.web.ServiceViews.BoardCase;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A meeting as it happens: a board case's page and a meeting's agenda hold a stream (server-sent events) that says
 * when what they show has changed (a member's vote, the quorum, the decision, a case moved or decided), and the page
 * fetches its live part again. The stream carries only a version number, never a clinical fact; what the page then
 * shows comes through the page itself, with the user's roles and site. Each stream reads board-service every two
 * seconds with the user's own token, so a user who may not see the case gets nothing, and ends after three minutes:
 * the browser opens it again with the session's current token.
 */
@Path("/live")
@Authenticated
public class LiveUpdates {

    static final Duration EVERY = Duration.ofSeconds(2);
    static final int TICKS = 90;
    private static final String GONE = "gone";

    @Inject
    SecurityIdentity identity;

    @Inject
    @RestClient
    BoardLiveClient board;

    /** The version of what a board case's page shows live: votes, quorum, decision, phase, meeting. */
    static String version(BoardCase c) {
        return c == null ? "" : Integer.toHexString(Objects.hash(c.votes(), c.decision(), c.phase(), c.meetingId(), c.round(),
                c.chairReview()));
    }

    /** The version of a meeting's agenda: its cases, their decisions and flags, whether it is closed. */
    static String version(Agenda a) {
        return a == null ? "" : Integer.toHexString(Objects.hash(a.meeting().closed(), a.cases()));
    }

    @GET
    @Path("cases/{caseId}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> boardCase(@PathParam("caseId") UUID caseId, @Context Sse sse) {
        String bearer = Bearer.of(identity);
        return events(sse, versions(() -> board.board(bearer, caseId), r -> version(r.readEntity(BoardCase.class))));
    }

    @GET
    @Path("meetings/{meetingId}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> meeting(@PathParam("meetingId") UUID meetingId, @Context Sse sse) {
        String bearer = Bearer.of(identity);
        return events(sse, versions(() -> board.agenda(bearer, meetingId), r -> version(r.readEntity(Agenda.class))));
    }

    /** A version as the page's "message"; the end of what the user may see as "gone", after which the page stops. */
    private static Multi<OutboundSseEvent> events(Sse sse, Multi<String> versions) {
        return versions.map(v -> GONE.equals(v) ? sse.newEventBuilder().name("gone").data("gone").build()
                : sse.newEventBuilder().data(v).build());
    }

    /**
     * Each version once, when it changes. A service failing or not answering is no news (the page keeps what it shows);
     * a refusal (401, 403, 404: no longer the user's to see, or gone) is said once as {@link #GONE} and ends the stream.
     */
    private static Multi<String> versions(java.util.function.Supplier<Response> read, Function<Response, String> version) {
        AtomicReference<String> last = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(200)).every(EVERY)
                .select().first(TICKS)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> {
                    try (Response r = read.get()) {
                        int status = r.getStatus();
                        return status == 200 ? version.apply(r) : status >= 400 && status < 500 ? GONE : "";
                    } catch (RuntimeException unavailable) {
                        return "";
                    }
                })
                .select().first(v -> !gone.get())
                .invoke(v -> gone.compareAndSet(false, GONE.equals(v)))
                .filter(v -> !v.isEmpty() && !v.equals(last.getAndSet(v)));
    }
}
