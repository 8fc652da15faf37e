package org.tumorboard.pathology;

import java.util.Map;
import java.util.Set;

import org.tumorboard.testsupport.AuthorizationMatrix;

import io.quarkus.test.junit.QuarkusTest;

/** pathology-service's endpoint x role matrix: the roles each endpoint serves, as the issues and architecture.md give them. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrix {

    @Override
    protected Map<String, Set<String>> allowed() {
        return withPlatformEndpoints(Map.of(
                "GET /api/worklist", Set.of("pathologist"),
                "GET /api/worklist/page", Set.of("pathologist"),
                "POST /api/cases/{caseId}/biopsy-reports", Set.of("pathologist"),
                "POST /api/cases/{caseId}/resection-reports", Set.of("pathologist"),
                "POST /api/cases/{caseId}/biopsy-reports/preview", Set.of("pathologist"),
                "POST /api/cases/{caseId}/resection-reports/preview", Set.of("pathologist"),
                "GET /api/dashboard/margins", CLINICIANS,
                "POST /api/cases/{caseId}/reports/{reportId}/amendments", Set.of("pathologist"),
                "GET /api/cases/{caseId}/reports", CLINICIANS));
    }
}
