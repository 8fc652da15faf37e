package org.tumorboard.pathology.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.service.WorklistService;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.QueryParams;
import org.tumorboard.platform.security.Roles;

@Path("/api/worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    @Inject
    WorklistService worklist;

    @GET
    @RolesAllowed(Roles.PATHOLOGIST)
    public List<WorklistService.WorklistItem> worklist() {
        return worklist.items();
    }

    /** The worklist a page at a time: {@code awaiting} BIOPSY_REPORT or RESECTION_REPORT, {@code q} the start of a case id. */
    @GET
    @Path("page")
    @RolesAllowed(Roles.PATHOLOGIST)
    public WorklistService.WorklistPage page(@QueryParam("awaiting") String awaiting, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("25") String size) {
        PathologyCase.Awaiting kind = null;
        if (awaiting != null && !awaiting.isBlank()) {
            try {
                kind = PathologyCase.Awaiting.valueOf(awaiting.strip());
            } catch (IllegalArgumentException e) {
                kind = PathologyCase.Awaiting.NOTHING;
            }
            if (kind == PathologyCase.Awaiting.NOTHING) {
                throw ProblemException.invalidField("awaiting", "must be BIOPSY_REPORT or RESECTION_REPORT");
            }
        }
        String start = QueryParams.text("q", q, 36);
        if (start != null && !start.matches("[0-9a-fA-F-]{1,36}")) {
            throw ProblemException.invalidField("q", "must be the start of a case number (0-9, a-f)");
        }
        return worklist.page(kind, start, QueryParams.wholeNumber("page", page, 0, 100_000),
                QueryParams.wholeNumber("size", size, 1, 100));
    }
}
