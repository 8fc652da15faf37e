package org.tumorboard.events;

import java.util.List;

/**
 * Imaging findings the board's resectability and the imaging-pathology concordance depend on (issue 19, items 7 and
 * 8), carried by the referral and each imaging update. All optional: null from older producers.
 *
 * @param solidEnhancingComponent a solid enhancing component within the mass (dedifferentiation in a liposarcoma)
 * @param vesselInvolvement       each vessel abutted or encased; a vessel not listed is not involved
 * @param organsAbutted           organ codes as {@code organsResected} uses them
 */
public record ResectabilityImaging(Boolean solidEnhancingComponent, List<Vessel> vesselInvolvement, List<String> organsAbutted) {

    /** Issue 22, item 3: intake's vocabularies, checked on the way in. */
    public ResectabilityImaging {
        if (vesselInvolvement != null) {
            for (int i = 0; i < vesselInvolvement.size(); i++) {
                Vessel v = vesselInvolvement.get(i);
                PayloadChecks.required("imaging", "vesselInvolvement[" + i + "]", v);
                PayloadChecks.required("imaging", "vesselInvolvement[" + i + "].vessel", v.vessel());
                PayloadChecks.oneOf("imaging", "vesselInvolvement[" + i + "].vessel", v.vessel(), Vocabulary.Intake.VESSELS);
                PayloadChecks.oneOf("imaging", "vesselInvolvement[" + i + "].extent", v.extent(), Vocabulary.Intake.VESSEL_EXTENTS);
            }
        }
        PayloadChecks.codes("imaging", "organsAbutted", organsAbutted);
    }

    /** A vessel (AORTA, IVC, SMA, ...) and the extent of its involvement (ABUTMENT, ENCASEMENT). */
    public record Vessel(String vessel, String extent) {
    }
}
