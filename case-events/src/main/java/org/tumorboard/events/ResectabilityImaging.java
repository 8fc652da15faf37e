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

    /** A vessel (AORTA, IVC, SMA, ...) and the extent of its involvement (ABUTMENT, ENCASEMENT). */
    public record Vessel(String vessel, String extent) {
    }
}
