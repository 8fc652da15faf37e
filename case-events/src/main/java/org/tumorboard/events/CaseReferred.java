package org.tumorboard.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;


/**
 * A spoke or the hub referred a case. Clinical facts and ids only: never the patient's name, MRN or birth date.
 *
 * @param greatestDimensionCm greatest tumor dimension on imaging, null when not yet measured
 * @param suspiciousNodes     regional nodes suspicious on imaging (null: not assessed)
 * @param distantLesions      distant lesions on imaging (null: not assessed)
 * @param workupComplete      whether the work-up was complete at referral (added later, optional: null from older
 *                            producers); the case starts in WORKUP when it was not
 * @param imaging             the findings resectability and concordance depend on (added in the second wave; null
 *                            from older producers)
 * @param biopsyIndicated     intake's biopsy indication (neoadjuvant therapy considered or a non-sarcoma suspected):
 *                            the board then refuses to waive the biopsy (null from older producers)
 */
public record CaseReferred(
        String caseId,
        String referringSite,
        Instant referredAt,
        BigDecimal greatestDimensionCm,
        Boolean suspiciousNodes,
        Boolean distantLesions,
        boolean neoadjuvantConsidered,
        Boolean workupComplete,
        ResectabilityImaging imaging,
        Boolean biopsyIndicated) implements IntakeFact {

    /** A referral as producers before {@code biopsyIndicated} described it. */
    public CaseReferred(String caseId, String referringSite, Instant referredAt, BigDecimal greatestDimensionCm,
            Boolean suspiciousNodes, Boolean distantLesions, boolean neoadjuvantConsidered, Boolean workupComplete,
            ResectabilityImaging imaging) {
        this(caseId, referringSite, referredAt, greatestDimensionCm, suspiciousNodes, distantLesions, neoadjuvantConsidered,
                workupComplete, imaging, null);
    }

    /** A referral as producers before {@code imaging} described it. */
    public CaseReferred(String caseId, String referringSite, Instant referredAt, BigDecimal greatestDimensionCm,
            Boolean suspiciousNodes, Boolean distantLesions, boolean neoadjuvantConsidered, Boolean workupComplete) {
        this(caseId, referringSite, referredAt, greatestDimensionCm, suspiciousNodes, distantLesions, neoadjuvantConsidered,
                workupComplete, null, null);
    }

    /** A referral as producers before {@code workupComplete} described it. */
    public CaseReferred(String caseId, String referringSite, Instant referredAt, BigDecimal greatestDimensionCm,
            Boolean suspiciousNodes, Boolean distantLesions, boolean neoadjuvantConsidered) {
        this(caseId, referringSite, referredAt, greatestDimensionCm, suspiciousNodes, distantLesions, neoadjuvantConsidered, null);
    }

    /**
     * The site a consumer holds for the case after this referral (issue 22, item 4): only intake's referral sets it, once;
     * a later referral naming another site is not believed (dead-lettered), so no event moves a case to another spoke.
     */
    public String siteFor(String held) {
        if (held != null && !held.equals(referringSite)) {
            throw new MalformedEventException("CaseReferred.referringSite: case " + caseId
                    + " is already referred from another site; an event does not move it");
        }
        return referringSite;
    }

    public CaseReferred {
        if (caseId == null || caseId.isBlank()) {
            throw new MalformedEventException("CaseReferred.caseId is missing");
        }
        if (referringSite == null || referringSite.isBlank()) {
            throw new MalformedEventException("CaseReferred.referringSite is missing");
        }
        Objects.requireNonNull(referredAt, "CaseReferred.referredAt");
        // Issue 22, item 3: the ranges of the REST side, checked on the way in.
        PayloadChecks.sizeCm("CaseReferred", "greatestDimensionCm", greatestDimensionCm);
        if (referringSite.length() > 64) {
            throw PayloadChecks.invalid("CaseReferred", "referringSite", "must be at most 64 characters");
        }
    }
}
