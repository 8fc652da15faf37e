package org.tumorboard.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every page's answer says to the browser. The pages show patient identity, so none is kept in a cache or in the
 * back-forward history of a shared workstation; scripts and styles come only from the web app itself, and no other
 * site may frame a page. A form sent through htmx stays at the address of its page, not of the POST, so that reloading
 * the page after a refusal or a success shows the page instead of "method not allowed".
 */
public class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cache-Control", "no-store");
        if ("POST".equals(request.getMethod()) && "true".equals(request.getHeaderString("HX-Request"))) {
            headers.putSingle("HX-Push-Url", "false");
        }
    }
}
