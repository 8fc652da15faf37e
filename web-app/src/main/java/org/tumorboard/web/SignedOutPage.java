package org.tumorboard.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The one page for nobody signed in: the page Keycloak sends the browser back to after signing out. */
@Path("/signed-out")
@Produces(MediaType.TEXT_HTML)
public class SignedOutPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
