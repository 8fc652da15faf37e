package org.tumorboard.web;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.logging.Log;

/**
 * Refuses a POST, PUT, PATCH or DELETE that does not carry this session's CSRF token ({@link CsrfGuard}), in the
 * {@value CsrfGuard#HEADER} header or the {@value CsrfGuard#FIELD} form field, with 403 before any page handler runs:
 * nothing reaches the services (issue 24). {@code quarkus-rest-csrf} is not served here at our Quarkus version; the form
 * is read for the filter by Quarkus REST's own {@link WithFormRead}, as that extension does.
 */
public class CsrfFilter {

    public static final String REFUSED = "X-CSRF-Refused";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    CsrfGuard guard;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod())) {
            return null;
        }
        String sent = request.getHeaderString(CsrfGuard.HEADER);
        if (sent == null || sent.isBlank()) {
            sent = formField((ResteasyReactiveRequestContext) request.getServerRequestContext());
        }
        if (guard.accepts(sent)) {
            return null;
        }
        Log.infof("refused a %s %s without this session's CSRF token", request.getMethod(), request.getUriInfo().getPath());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(REFUSED, "true") // the page's script tells the user (static/session.js)
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused</title></head><body>"
                        + "<main id=\"main\"><h1>This form is no longer valid</h1><p>It did not come from your current session, "
                        + "so nothing was changed. <a href=\"/\">Reload the page</a> and send it again.</p></main></body></html>")
                .build();
    }

    private static String formField(ResteasyReactiveRequestContext context) {
        FormData form = context.getFormData();
        return form == null || form.getFirst(CsrfGuard.FIELD) == null ? null : form.getFirst(CsrfGuard.FIELD).getValue();
    }
}
