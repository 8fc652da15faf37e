package org.tumorboard.staging;

import java.util.Map;
import java.util.Set;

import org.tumorboard.testsupport.AuthorizationMatrix;

import io.quarkus.test.junit.QuarkusTest;

/** staging-service's endpoint x role matrix: the roles each endpoint serves, as the issues and architecture.md give them. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrix {

    @Override
    protected Map<String, Set<String>> allowed() {
        return withPlatformEndpoints(Map.of(
                "POST /api/staging/evaluate", CLINICIANS,
                "GET /api/cases/{caseId}/staging", CLINICIANS,
                "GET /api/cases/{caseId}/staging/history", CLINICIANS));
    }
}
