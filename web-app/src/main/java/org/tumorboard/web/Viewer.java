package org.tumorboard.web;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.SiteClaim;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as the pages need them: name, site and realm roles, from the validated tokens only. */
@RequestScoped
public class Viewer {

    public static final String HUB = "HUB";

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public String name() {
        String name = idToken.getClaim("preferred_username");
        return name == null ? identity.getPrincipal().getName() : name;
    }

    /** The user as people read them: the account's name, or the login when it gives none. */
    public String displayName() {
        String name = idToken.getClaim("name");
        return name == null || name.isBlank() ? name() : name;
    }

    /** The user's one site; null when the account has none or several ({@link SiteFilter} refuses those). */
    public String site() {
        return siteClaim() instanceof SiteClaim.One one ? one.site() : null;
    }

    public SiteClaim siteClaim() {
        return SiteClaim.read(idToken.getClaim("site"));
    }

    public boolean hub() {
        return HUB.equals(site());
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean coordinator() {
        return is("coordinator");
    }

    public boolean pathologist() {
        return is("pathologist");
    }

    /** A board member or the chair: the board console. */
    public boolean board() {
        return is("board-member") || is("board-chair");
    }

    /** A voting member of the board. */
    public boolean member() {
        return is("board-member");
    }

    public boolean chair() {
        return is("board-chair");
    }

    public boolean surgeon() {
        return is("surgeon");
    }

    public boolean nurse() {
        return is("nurse");
    }

    public boolean auditor() {
        return is("auditor");
    }

    /** The hub dashboard: a clinician at the hub. */
    public boolean dashboard() {
        return hub() && (coordinator() || pathologist() || board() || nurse() || is("surgeon"));
    }
}
