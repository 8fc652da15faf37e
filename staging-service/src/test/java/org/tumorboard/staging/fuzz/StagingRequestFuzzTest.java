package org.tumorboard.staging.fuzz;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.tumorboard.staging.rest.EvaluateResource;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum;
import org.tumorboard.staging.rules.FailurePattern;
import org.tumorboard.testsupport.RequestFuzzing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzing of the staging calculator's body and the AJCC 8th retroperitoneal rules and failure patterns behind it. */
class StagingRequestFuzzTest {

    static final Map<String, Object> EVALUATE = Map.of("greatestDimensionCm", 22.0, "nodes", "N0", "metastasis", "M0", "grade", "G3");

    @FuzzTest(maxDuration = "40s")
    void requestsAreAnsweredWith4xxOrAResult(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> RequestFuzzing.handleNear(EVALUATE, EvaluateResource.EvaluateRequest.class, data, this::stage);
            case 1 -> RequestFuzzing.handle(data.consumeRemainingAsString(), EvaluateResource.EvaluateRequest.class, this::stage);
            default -> FailurePattern.of(data.consumeString(60));
        }
    }

    private void stage(EvaluateResource.EvaluateRequest r) {
        Ajcc8Retroperitoneum.Stage stage = Ajcc8Retroperitoneum.stage(r.greatestDimensionCm(), r.nodes(), r.metastasis(), r.grade());
        if (stage.group() == null || stage.t() == null) {
            throw new AssertionError("a valid request has a stage: " + r);
        }
        if (r.greatestDimensionCm().compareTo(BigDecimal.ZERO) <= 0) {
            throw new AssertionError("validation let a non-positive size through: " + r);
        }
    }

    @AfterAll
    static void figures() {
        RequestFuzzing.report("staging-service");
    }
}
