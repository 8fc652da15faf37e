package org.tumorboard.pathology.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.service.AmendmentCommand;
import org.tumorboard.pathology.service.BiopsyReportCommand;
import org.tumorboard.pathology.service.ReportService;
import org.tumorboard.pathology.service.ResectionReportCommand;
import org.tumorboard.testsupport.RequestFuzzing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of pathology's request bodies and the rules they reach (FNCLCC grade, IHC and molecular alerts, margin
 * sampling): a body the service would not answer with 4xx or a result must never happen.
 */
class PathologyRequestFuzzTest {

    static final Map<String, Object> BIOPSY = new LinkedHashMap<>(Map.of(
            "specimenType", "CORE_NEEDLE",
            "histology", "DEDIFFERENTIATED_LIPOSARCOMA",
            "ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE"), Map.of("marker", "CD45", "result", "NEGATIVE")),
            "molecular", Map.of("mdm2Amplified", true, "cdk4Amplified", true, "method", "FISH"),
            "fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 12, "necrosisPercent", 30)));

    static final Map<String, Object> RESECTION = new LinkedHashMap<>(Map.of(
            "margin", "R1", "blocksSampled", 40, "greatestDimensionCm", 21.5, "nodesExamined", 2, "nodesPositive", 0,
            "assumedInvolvedFraction", 0.05));

    @FuzzTest(maxDuration = "40s")
    void requestsAreAnsweredWith4xxOrAResult(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> RequestFuzzing.handle(data.consumeRemainingAsString(), BiopsyReportCommand.class, ReportService::evaluate);
            case 1 -> RequestFuzzing.handleNear(BIOPSY, BiopsyReportCommand.class, data, ReportService::evaluate);
            case 2 -> {
                boolean biopsyOnRecord = data.consumeBoolean();
                Histology biopsy = biopsyOnRecord ? data.pickValue(Histology.values()) : null;
                RequestFuzzing.handleNear(RESECTION, ResectionReportCommand.class, data,
                        r -> ReportService.evaluate(r, biopsy, biopsyOnRecord));
            }
            default -> RequestFuzzing.handleNear(Map.of("reason", "recount", "biopsy", BIOPSY, "resection", RESECTION), AmendmentCommand.class, data, a -> {
                        if (a.biopsy() != null) {
                            ReportService.evaluate(a.biopsy());
                        }
                        if (a.resection() != null) {
                            ReportService.evaluate(a.resection(), Histology.LEIOMYOSARCOMA, true);
                        }
                    });
        }
    }

    @AfterAll
    static void figures() {
        RequestFuzzing.report("pathology-service");
    }
}
