package org.tumorboard.platform.security;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives every clinical realm role ({@link Roles#CLINICAL}) the service-side role {@link Roles#CLINICIAN}, so that an
 * endpoint for "every clinician" says {@code @RolesAllowed(Roles.CLINICIAN)} instead of listing six roles. The role is
 * derived here only: a token that claims {@code clinician} itself does not keep it.
 */
@ApplicationScoped
public class ClinicianRole implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = new HashSet<>(identity.getRoles());
        boolean claimed = roles.remove(Roles.CLINICIAN);
        boolean clinical = roles.stream().anyMatch(Roles.CLINICAL::contains);
        if (!claimed && !clinical) {
            return Uni.createFrom().item(identity);
        }
        if (clinical) {
            roles.add(Roles.CLINICIAN);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(roles)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(false)
                .build());
    }
}
