package org.tumorboard.board;

import java.util.Map;
import java.util.Set;

import org.tumorboard.testsupport.AuthorizationMatrix;

import io.quarkus.test.junit.QuarkusTest;

/** board-service's endpoint x role matrix: the roles each endpoint serves, as the issues and architecture.md give them. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrix {

    @Override
    protected Map<String, Set<String>> allowed() {
        return withPlatformEndpoints(Map.ofEntries(
                Map.entry("GET /api/plans/overdue", Set.of("board-chair", "surgeon", "coordinator", "board-member")),
                Map.entry("GET /api/plans/open", Set.of("board-chair", "surgeon", "coordinator", "board-member")),
                Map.entry("POST /api/meetings", Set.of("board-chair")),
                Map.entry("GET /api/meetings", CLINICIANS),
                Map.entry("GET /api/meetings/{meetingId}/agenda", CLINICIANS),
                Map.entry("POST /api/meetings/{meetingId}/close", Set.of("board-chair")),
                Map.entry("PUT /api/meetings/{meetingId}", Set.of("board-chair")),
                Map.entry("POST /api/meetings/{meetingId}/cancel", Set.of("board-chair")),
                Map.entry("GET /api/surveillance/due", Set.of("nurse")),
                Map.entry("GET /api/surveillance/due-visits", Set.of("nurse")),
                Map.entry("GET /api/votes/pending", Set.of("board-member")),
                Map.entry("GET /api/dashboard/timeliness", CLINICIANS),
                Map.entry("GET /api/cases/{caseId}/board", CLINICIANS),
                Map.entry("POST /api/cases/{caseId}/votes", Set.of("board-member")),
                Map.entry("POST /api/cases/{caseId}/decision", Set.of("board-chair")),
                Map.entry("POST /api/cases/{caseId}/biopsy-waiver", Set.of("board-chair")),
                Map.entry("POST /api/cases/{caseId}/reopen", Set.of("board-chair")),
                Map.entry("PUT /api/cases/{caseId}/meeting", Set.of("board-chair")),
                Map.entry("POST /api/cases/{caseId}/treatments", Set.of("surgeon", "board-chair")),
                Map.entry("POST /api/cases/{caseId}/resectability", Set.of("surgeon", "board-chair")),
                Map.entry("PUT /api/cases/{caseId}/fitness", Set.of("surgeon", "board-chair", "board-member")),
                Map.entry("GET /api/cases/{caseId}/surveillance", CLINICIANS),
                Map.entry("POST /api/cases/{caseId}/surveillance-visits", Set.of("nurse"))));
    }
}
