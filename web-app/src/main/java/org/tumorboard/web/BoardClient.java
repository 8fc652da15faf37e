package org.tumorboard.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** board-service's API, called with the signed-in user's access token (api-contract.md). */
@RegisterRestClient(configKey = "board")
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BoardClient {

    @GET
    @Path("meetings")
    Response meetings(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("meetings/{meetingId}/agenda")
    Response agenda(@PathParam("meetingId") UUID meetingId);

    @POST
    @Path("meetings/{meetingId}/close")
    Response close(@PathParam("meetingId") UUID meetingId);

    @GET
    @Path("cases/{caseId}/board")
    Response board(@PathParam("caseId") UUID caseId);

    @POST
    @Path("cases/{caseId}/votes")
    Response vote(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("cases/{caseId}/decision")
    Response decide(@PathParam("caseId") UUID caseId);

    @PUT
    @Path("cases/{caseId}/meeting")
    Response move(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("meetings")
    Response createMeeting(Map<String, Object> body);

    @PUT
    @Path("meetings/{meetingId}")
    Response reschedule(@PathParam("meetingId") UUID meetingId, Map<String, Object> body);

    @POST
    @Path("meetings/{meetingId}/cancel")
    Response cancel(@PathParam("meetingId") UUID meetingId);

    @GET
    @Path("plans/open")
    Response openPlans();

    @GET
    @Path("votes/pending")
    Response pendingVotes();

    @POST
    @Path("cases/{caseId}/biopsy-waiver")
    Response waiveBiopsy(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("cases/{caseId}/reopen")
    Response reopen(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("cases/{caseId}/treatments")
    Response treatment(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("cases/{caseId}/resectability")
    Response resectability(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @PUT
    @Path("cases/{caseId}/fitness")
    Response fitness(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @GET
    @Path("cases/{caseId}/surveillance")
    Response schedule(@PathParam("caseId") UUID caseId);

    @POST
    @Path("cases/{caseId}/surveillance-visits")
    Response visit(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @GET
    @Path("surveillance/due-visits")
    Response due(@QueryParam("withinDays") int withinDays, @QueryParam("page") int page, @QueryParam("size") int size,
            @QueryParam("caseId") List<String> caseIds);

    @GET
    @Path("plans/overdue")
    Response overduePlans();

    @GET
    @Path("dashboard/timeliness")
    Response timeliness();
}
