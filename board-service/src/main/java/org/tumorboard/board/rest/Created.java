package org.tumorboard.board.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

/** A 201 answer whose Location is the case's view that shows what was recorded. */
public final class Created {

    private Created() {
    }

    public static Response at(UUID caseId, String view, Object body) {
        return Response.created(URI.create("/api/cases/" + caseId + "/" + view)).entity(body).build();
    }
}
