package org.tumorboard.board.decision.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.board.decision.service.VotingService;
import org.tumorboard.board.repository.VoteRepository;
import org.tumorboard.platform.security.Roles;

/** A board member's worklist: the cases on coming agendas still waiting for their vote. */
@Path("/api/votes/pending")
@Produces(MediaType.APPLICATION_JSON)
public class PendingVotesResource {

    @Inject
    VotingService voting;

    @GET
    @RolesAllowed(Roles.BOARD_MEMBER)
    public List<VoteRepository.Pending> pending() {
        return voting.pendingForCaller();
    }
}
