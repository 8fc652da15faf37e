package org.tumorboard.web;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** staging-service's API, called with the signed-in user's access token (api-contract.md). */
@RegisterRestClient(configKey = "staging")
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface StagingClient {

    @GET
    @Path("cases/{caseId}/staging")
    Response staging(@PathParam("caseId") UUID caseId);
}
