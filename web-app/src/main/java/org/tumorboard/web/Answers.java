package org.tumorboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.web.IntakeViews.Problem;

import io.quarkus.qute.TemplateInstance;

/** How the pages turn a service's answer into what the user reads: a page's status, a problem's words per field. */
final class Answers {

    private Answers() {
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** The problem a service answered with, or null when it sent none (a proxy's error page, say). */
    static Problem problem(Response r) {
        if (!r.hasEntity() || r.getMediaType() == null || !r.getMediaType().getSubtype().contains("json")) {
            return null;
        }
        try {
            return r.readEntity(Problem.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** A problem's field errors, keyed by the JSON path the form's inputs are named by. */
    static Map<String, String> fieldErrors(Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null && problem.errors() != null) {
            problem.errors().forEach(e -> errors.merge(e.field(), Refusals.field(e.message()), (a, b) -> a + "; " + b));
        }
        return errors;
    }

    static String unavailable(String service) {
        return service + " is not answering. Nothing was lost: try again in a minute, and call the hub's IT if it lasts.";
    }

    static String notFound() {
        return "There is no such case, or it is not one your role and site can see. Check the link, or go back to your list.";
    }
}
