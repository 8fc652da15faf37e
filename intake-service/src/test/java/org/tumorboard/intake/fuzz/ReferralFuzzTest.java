package org.tumorboard.intake.fuzz;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.EventCodec;
import org.tumorboard.intake.ImagingFindings;
import org.tumorboard.intake.Referrals;
import org.tumorboard.intake.rules.BiopsyIndication;
import org.tumorboard.intake.rules.WorkupChecklist;
import org.tumorboard.intake.service.ReferralCommand;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.testsupport.RequestFuzzing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of the referral body (the largest request of the product: identity, imaging, work-up) and what intake
 * derives from it before storing: the birth-date checks, the biopsy indication, the missing work-up, the referral event.
 */
class ReferralFuzzTest {

    static final Map<String, Object> REFERRAL = Referrals.valid("SPOKE-NORTH");
    static final Map<String, Object> IMAGING = cast(REFERRAL.get("imaging"));

    @FuzzTest(maxDuration = "40s")
    void requestsAreAnsweredWith4xxOrAResult(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> RequestFuzzing.handleNear(REFERRAL, ReferralCommand.class, data, ReferralFuzzTest::refer);
            case 1 -> RequestFuzzing.handle(data.consumeRemainingAsString(), ReferralCommand.class, ReferralFuzzTest::refer);
            case 2 -> RequestFuzzing.handleNear(IMAGING, ReferralCommand.Imaging.class, data, imaging -> {
            });
            default -> RequestFuzzing.handleNear(Map.of("reason", "referred to another centre"), ReferralService.Withdrawal.class, data, w -> {
                    });
        }
    }

    private static void refer(ReferralCommand request) {
        ImagingFindings f = ReferralService.assess(request);
        BiopsyIndication.evaluate(request.neoadjuvantConsidered(), f.suspectedNonSarcoma);
        List<WorkupChecklist.Item> missing = WorkupChecklist.missing(f.ctAbdomenPelvisDate != null, f.chestModality, false);
        String caseId = UUID.randomUUID().toString();
        EventCodec.toJson(new CaseReferred(caseId, request.referringSite(), Instant.now(), f.greatestDimensionCm, f.suspiciousNodes,
                f.distantLesions, request.neoadjuvantConsidered(), missing.isEmpty()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @AfterAll
    static void figures() {
        RequestFuzzing.report("intake-service");
    }
}
