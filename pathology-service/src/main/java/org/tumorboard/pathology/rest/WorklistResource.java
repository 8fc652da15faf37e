package org.tumorboard.pathology.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.pathology.service.WorklistService;
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
}
