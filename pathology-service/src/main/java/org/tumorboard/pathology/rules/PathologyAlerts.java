package org.tumorboard.pathology.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;

/**
 * rps-reference.md section 3, IHC table and discordance alerts. Alerts never block a report; they are part of it.
 * Only the pathologist's histology NOT_SARCOMA takes the case off the sarcoma pathway (section 8): a positive "not
 * sarcoma" marker under a sarcoma histology is a discordance for the pathologist and the board, not an exit; an
 * equivocal one, and MDM2/CDK4 amplification outside a liposarcoma, are flagged too.
 */
public final class PathologyAlerts {

    public enum Severity {
        CRITICAL, WARNING
    }

    public enum Code {
        NOT_SARCOMA_HISTOLOGY,
        CARCINOMA_MARKER_POSITIVE,
        LYMPHOMA_MARKER_POSITIVE,
        PARAGANGLIOMA_MARKER_POSITIVE,
        GIST_MARKER_POSITIVE,
        GERM_CELL_MARKER_POSITIVE,
        SARCOMA_WITH_NON_SARCOMA_MARKER,
        LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST,
        LIPOSARCOMA_WITHOUT_MDM2_CDK4_AMPLIFICATION,
        NOT_RECOMMENDED_BIOPSY_ROUTE,
        RESECTION_WITHOUT_BIOPSY,
        DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY,
        NON_SARCOMA_MARKER_EQUIVOCAL,
        MDM2_CDK4_AMPLIFIED_NON_LIPOSARCOMA,
        FNCLCC_NOT_APPLICABLE
    }

    public record Alert(Code code, Severity severity, String message) {
    }

    /** {@code nonSarcoma}: the case leaves the sarcoma pathway; {@code findings} says why, for the event. */
    public record Result(List<Alert> alerts, boolean nonSarcoma, List<String> findings) {
    }

    private record NonSarcomaRule(Set<Marker> markers, Code code, String points, String consequence) {
    }

    private static final List<NonSarcomaRule> NON_SARCOMA_MARKERS = List.of(
            new NonSarcomaRule(Set.of(Marker.PAN_CYTOKERATIN, Marker.PAX8), Code.CARCINOMA_MARKER_POSITIVE,
                    "carcinoma (PAX8: renal cell carcinoma)", "not sarcoma: no sarcoma resection"),
            new NonSarcomaRule(Set.of(Marker.CD45), Code.LYMPHOMA_MARKER_POSITIVE,
                    "lymphoma", "not sarcoma: hematology pathway"),
            new NonSarcomaRule(Set.of(Marker.CHROMOGRANIN, Marker.SYNAPTOPHYSIN), Code.PARAGANGLIOMA_MARKER_POSITIVE,
                    "paraganglioma", "not sarcoma: pre-operative blockade needed"),
            new NonSarcomaRule(Set.of(Marker.KIT, Marker.DOG1), Code.GIST_MARKER_POSITIVE,
                    "GIST", "not sarcoma in this pathway"),
            new NonSarcomaRule(Set.of(Marker.SALL4, Marker.OCT3_4), Code.GERM_CELL_MARKER_POSITIVE,
                    "germ cell tumor", "not sarcoma"));

    private PathologyAlerts() {
    }

    /**
     * @param ihc           each marker's result (a marker appears once)
     * @param mdm2Amplified MDM2 amplification by FISH or equivalent, null when not tested
     * @param cdk4Amplified CDK4 amplification, null when not tested
     * @param openBiopsy    the specimen came from an open or excisional biopsy
     */
    public static Result evaluate(Histology histology, Map<Marker, MarkerResult> ihc, Boolean mdm2Amplified,
            Boolean cdk4Amplified, boolean openBiopsy) {
        List<Alert> alerts = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        if (histology == Histology.NOT_SARCOMA) {
            alerts.add(new Alert(Code.NOT_SARCOMA_HISTOLOGY, Severity.CRITICAL, "Histology is not sarcoma: route to the appropriate pathway"));
            findings.add("histology: not sarcoma");
        }
        boolean sarcoma = histology != null && histology != Histology.NOT_SARCOMA;
        List<Marker> nonSarcomaPositive = new ArrayList<>();
        List<Marker> nonSarcomaEquivocal = new ArrayList<>();
        for (NonSarcomaRule rule : NON_SARCOMA_MARKERS) {
            List<Marker> positive = rule.markers().stream().filter(m -> ihc.get(m) == MarkerResult.POSITIVE).sorted().toList();
            rule.markers().stream().filter(m -> ihc.get(m) == MarkerResult.EQUIVOCAL).sorted().forEach(nonSarcomaEquivocal::add);
            if (!positive.isEmpty()) {
                nonSarcomaPositive.addAll(positive);
                String markers = String.join(", ", positive.stream().map(Enum::name).toList());
                // Under a sarcoma histology the marker is a discordance to review, and the case stays on the pathway.
                alerts.add(sarcoma
                        ? new Alert(rule.code(), Severity.WARNING, markers + " positive points to " + rule.points()
                                + ", against the sarcoma diagnosis: a discordance for the pathologist and the board")
                        : new Alert(rule.code(), Severity.CRITICAL, markers + " positive points to " + rule.points() + "; "
                                + rule.consequence()));
                findings.add(markers + " positive: " + rule.points());
            }
        }
        if (sarcoma && !nonSarcomaPositive.isEmpty()) {
            alerts.add(new Alert(Code.SARCOMA_WITH_NON_SARCOMA_MARKER, Severity.WARNING, "A sarcoma diagnosis ("
                    + histology + ") with a not-sarcoma marker positive: review the diagnosis"));
        }
        if (!nonSarcomaEquivocal.isEmpty()) {
            alerts.add(new Alert(Code.NON_SARCOMA_MARKER_EQUIVOCAL, Severity.WARNING, String.join(", ",
                    nonSarcomaEquivocal.stream().map(Enum::name).toList()) + " equivocal: repeat or add a test before relying on it"));
        }
        if (sarcoma && !histology.isLiposarcoma() && (Boolean.TRUE.equals(mdm2Amplified) || Boolean.TRUE.equals(cdk4Amplified))) {
            alerts.add(new Alert(Code.MDM2_CDK4_AMPLIFIED_NON_LIPOSARCOMA, Severity.WARNING, "MDM2/CDK4 amplification in a "
                    + histology + ": amplification points to a well- or dedifferentiated liposarcoma; review the histology"));
        }
        if (histology != null && histology.isLiposarcoma()) {
            if (mdm2Amplified == null && cdk4Amplified == null) {
                alerts.add(new Alert(Code.LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST, Severity.WARNING,
                        "Liposarcoma diagnosed without MDM2/CDK4 amplification tested"));
            } else if (!Boolean.TRUE.equals(mdm2Amplified) && !Boolean.TRUE.equals(cdk4Amplified)) {
                alerts.add(new Alert(Code.LIPOSARCOMA_WITHOUT_MDM2_CDK4_AMPLIFICATION, Severity.WARNING,
                        "Liposarcoma diagnosed but MDM2/CDK4 amplification tested negative"));
            }
        }
        if (openBiopsy) {
            alerts.add(new Alert(Code.NOT_RECOMMENDED_BIOPSY_ROUTE, Severity.WARNING,
                    "Open or excisional biopsy is not the recommended route; image-guided core needle biopsy is"));
        }
        boolean nonSarcoma = histology == Histology.NOT_SARCOMA;
        return new Result(List.copyOf(alerts), nonSarcoma, nonSarcoma ? List.copyOf(findings) : List.of());
    }
}
