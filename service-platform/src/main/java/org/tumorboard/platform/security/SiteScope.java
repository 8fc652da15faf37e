package org.tumorboard.platform.security;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.SiteClaim;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.problem.ProblemException;

/**
 * The caller's site, taken only from the validated token's {@code site} claim ({@link SiteClaim}). Hub users see every case;
 * spoke users only their own site's, and another site's case must look exactly like one that does not exist.
 */
@RequestScoped
public class SiteScope {

    public static final String HUB = "HUB";
    public static final String SITE_CLAIM = "site";

    @Inject
    JsonWebToken token;

    /** The caller's one site ({@link SiteClaimFilter} has refused a token with none, several, or an unknown one). */
    public String site() {
        if (SiteClaim.read(token.getClaim(SITE_CLAIM)) instanceof SiteClaim.One one) {
            return one.site();
        }
        throw ProblemException.unauthorized("the access token carries no single 'site' claim");
    }

    public boolean isHub() {
        return HUB.equals(site());
    }

    public boolean canSee(String caseSite) {
        return isHub() || site().equals(caseSite);
    }

    /**
     * The one site-visibility check: the record found, if the caller's site may see it ({@code siteOf} reads its
     * referring site); otherwise {@link NotFound}, exactly as if it did not exist.
     */
    public <T> T visible(Optional<T> found, Function<T, String> siteOf, String what) {
        return found.filter(record -> canSee(siteOf.apply(record))).orElseThrow(() -> new NotFound(what));
    }

    /** Hub: every site, as asked; spoke: only its own, whatever was asked. */
    public String restrictFilter(String requestedSite) {
        return isHub() ? requestedSite : site();
    }
}
