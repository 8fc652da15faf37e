package org.tumorboard.intake.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.intake.service.RegistryRebuild;
import org.tumorboard.platform.messaging.TopicReplay;
import org.tumorboard.platform.security.Roles;

import io.quarkus.logging.Log;

/**
 * The operator rebuilds the case registry (every case's status and timeline) from the four topics: built beside the
 * live one and swapped in at the end ({@link RegistryRebuild}). Referrals, patients and imaging are not touched. A
 * second rebuild while one runs is 409.
 */
@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    public record RebuildView(int cases, int records, int applied, int alreadyApplied, int skipped, long millis) {
    }

    @Inject
    RegistryRebuild rebuilds;

    @Inject
    JsonWebToken caller;

    @ConfigProperty(name = "mp.messaging.incoming.case-events.topics")
    List<String> topics;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public RebuildView rebuild() {
        Log.infof("rebuild of the case registry from %s requested by %s", topics, caller.getName());
        RegistryRebuild.Rebuilt rebuilt = rebuilds.rebuild(topics);
        TopicReplay.Result result = rebuilt.replay();
        return new RebuildView(rebuilt.cases(), result.records(), result.applied(), result.alreadyApplied(), result.skipped(),
                result.millis());
    }
}
