package org.tumorboard.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** intake-service's API, called with the signed-in user's access token (api-contract.md). */
@RegisterRestClient(configKey = "intake")
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeClient {

    @GET
    @Path("cases")
    Response cases(@QueryParam("q") String text, @QueryParam("status") String status, @QueryParam("site") String site,
            @QueryParam("referredFrom") String referredFrom, @QueryParam("referredTo") String referredTo,
            @QueryParam("caseId") List<String> caseIds, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("cases/{caseId}")
    Response caseView(@PathParam("caseId") UUID caseId);

    @GET
    @Path("dashboard/cases")
    Response dashboard();

    @GET
    @Path("sites")
    Response sites();

    @POST
    @Path("referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    Response refer(Map<String, Object> body);
}
