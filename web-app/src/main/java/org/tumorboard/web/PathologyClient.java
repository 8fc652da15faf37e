package org.tumorboard.web;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** pathology-service's API, called with the signed-in user's access token (api-contract.md). */
@RegisterRestClient(configKey = "pathology")
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PathologyClient {

    @GET
    @Path("worklist/page")
    Response worklist(@jakarta.ws.rs.QueryParam("awaiting") String awaiting, @jakarta.ws.rs.QueryParam("q") String q,
            @jakarta.ws.rs.QueryParam("page") int page, @jakarta.ws.rs.QueryParam("size") int size);

    @POST
    @Path("cases/{caseId}/{kind}-reports/preview")
    Response preview(@PathParam("caseId") UUID caseId, @PathParam("kind") String kind, Map<String, Object> body);

    @POST
    @Path("cases/{caseId}/{kind}-reports")
    Response post(@PathParam("caseId") UUID caseId, @PathParam("kind") String kind, Map<String, Object> body);

    @POST
    @Path("cases/{caseId}/reports/{reportId}/amendments")
    Response amend(@PathParam("caseId") UUID caseId, @PathParam("reportId") UUID reportId, Map<String, Object> body);

    @GET
    @Path("cases/{caseId}/reports")
    Response reports(@PathParam("caseId") UUID caseId);

    @GET
    @Path("dashboard/margins")
    Response margins();
}
