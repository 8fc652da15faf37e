package org.tumorboard.web;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * board-service read by a live page's stream ({@link LiveUpdates}): the stream outlives the request that opened it,
 * so the user's token travels as a header taken when the stream was opened, not by token propagation.
 */
@RegisterRestClient(configKey = "board")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface BoardLiveClient {

    @GET
    @Path("cases/{caseId}/board")
    Response board(@HeaderParam("Authorization") String bearer, @PathParam("caseId") UUID caseId);

    @GET
    @Path("meetings/{meetingId}/agenda")
    Response agenda(@HeaderParam("Authorization") String bearer, @PathParam("meetingId") UUID meetingId);
}
