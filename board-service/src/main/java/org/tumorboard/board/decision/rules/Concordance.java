package org.tumorboard.board.decision.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Imaging-pathology concordance (issue 19, item 8; rps-reference.md section 3, "Discordance alerts"): a
 * well-differentiated liposarcoma on biopsy of a tumour whose imaging shows a solid enhancing component may be a
 * dedifferentiated one the needle missed. A warning for the board, never a block. The pathology-only discordances
 * (markers, amplification) are pathology's alerts and arrive with its reports.
 */
public final class Concordance {

    public static final String WDLPS_WITH_SOLID_ENHANCING_COMPONENT = "WDLPS_WITH_SOLID_ENHANCING_COMPONENT";

    private Concordance() {
    }

    /**
     * @param histology               the histology of record (the specimen's once re-assessed), null before pathology
     * @param solidEnhancingComponent imaging shows a solid enhancing component, null when not assessed
     */
    public static List<String> alerts(String histology, Boolean solidEnhancingComponent) {
        List<String> alerts = new ArrayList<>();
        if ("WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology) && Boolean.TRUE.equals(solidEnhancingComponent)) {
            alerts.add(WDLPS_WITH_SOLID_ENHANCING_COMPONENT);
        }
        return List.copyOf(alerts);
    }
}
