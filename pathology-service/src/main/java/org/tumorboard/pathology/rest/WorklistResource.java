package org.tumorboard.pathology.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

@Path("/api/worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    public record WorklistItem(UUID caseId, String referringSite, PathologyCase.Awaiting awaiting, Instant waitingSince,
            long waitingDays) {
    }

    @Inject
    PathologyCaseRepository cases;

    @Inject
    SiteScope siteScope;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.PATHOLOGIST)
    public List<WorklistItem> worklist() {
        Instant now = clock.instant();
        return cases.worklist(siteScope.restrictFilter(null)).stream()
                .map(c -> new WorklistItem(c.caseId, c.referringSite, c.awaiting, c.awaitingSince,
                        Duration.between(c.awaitingSince, now).toDays()))
                .toList();
    }
}
