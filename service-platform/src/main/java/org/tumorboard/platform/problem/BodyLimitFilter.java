package org.tumorboard.platform.problem;

import java.util.List;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tumorboard.platform.problem.Problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * A request whose declared body is over {@code quarkus.http.limits.max-body-size} is answered 413 as a problem
 * before any of it is read (Quarkus's own limit answers with an empty body). Bodies sent without a length still
 * meet Quarkus's limit.
 */
public class BodyLimitFilter {

    void register(@Observes Filters filters, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) throws JsonProcessingException {
        long maxBytes = limit.asLongValue();
        String problem = json.writeValueAsString(new Problem(ProblemMappers.typeFor(413), "Payload too large", 413,
                "The request body is larger than " + maxBytes / 1024 + " KB",
                List.of(new FieldError("body", "must be at most " + maxBytes / 1024 + " KB"))));
        filters.register(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, maxBytes)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
                return;
            }
            ctx.next();
        }, 1000);
    }

    private static boolean isOver(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
