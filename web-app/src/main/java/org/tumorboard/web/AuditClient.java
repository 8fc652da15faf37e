package org.tumorboard.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A service's audit trail ({@code GET /api/audit}, the auditor's), the same on every service: built once per service
 * by {@link AuditPages} from the service's configured address; the auditor's token travels as a header.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditClient {

    @GET
    Response search(@HeaderParam("Authorization") String bearer, @QueryParam("caseId") String caseId,
            @QueryParam("user") String user, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") int page, @QueryParam("size") int size);
}
