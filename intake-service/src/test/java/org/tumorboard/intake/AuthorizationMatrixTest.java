package org.tumorboard.intake;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tumorboard.testsupport.AuthorizationMatrix;

import io.quarkus.test.junit.QuarkusTest;

/** intake-service's endpoint x role matrix: the roles each endpoint serves, as the issues and architecture.md give them. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrix {

    @Override
    protected Map<String, Set<String>> allowed() {
        return withPlatformEndpoints(Map.of(
                "POST /api/referrals", Set.of("coordinator"),
                "GET /api/cases", CLINICIANS,
                "GET /api/dashboard/cases", CLINICIANS,
                "GET /api/cases/{caseId}", CLINICIANS,
                "PUT /api/cases/{caseId}/imaging", Set.of("coordinator"),
                "POST /api/cases/{caseId}/withdrawal", Set.of("coordinator"),
                "GET /api/sites", union(CLINICIANS, "auditor"),
                "POST /api/admin/rebuild", Set.of("operator")));
    }

    private static Set<String> union(Set<String> roles, String... more) {
        return Stream.concat(roles.stream(), Stream.of(more)).collect(Collectors.toSet());
    }
}
