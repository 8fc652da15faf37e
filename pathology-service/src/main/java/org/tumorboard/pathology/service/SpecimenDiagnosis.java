package org.tumorboard.pathology.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;
import org.tumorboard.pathology.rules.DifferentiationFit;
import org.tumorboard.pathology.rules.FnclccGrade;
import org.tumorboard.pathology.rules.PathologyAlerts;
import org.tumorboard.platform.failure.InvalidInput;

/**
 * What a specimen's diagnosis gives, for a biopsy and for a resection specimen that was re-assessed: the FNCLCC grade
 * (none for a non-sarcoma, rps-reference.md section 8), the alerts, and whether the histology takes the case off the
 * sarcoma pathway.
 *
 * @param grade null when no FNCLCC components were given or the histology is NOT_SARCOMA
 */
public record SpecimenDiagnosis(FnclccGrade.Result grade, List<PathologyAlerts.Alert> alerts, boolean nonSarcoma,
        List<String> findings) {

    static final SpecimenDiagnosis NONE = new SpecimenDiagnosis(null, List.of(), false, List.of());

    /**
     * A biopsy's diagnosis.
     *
     * @throws InvalidInput a marker reported twice with different results
     */
    static SpecimenDiagnosis ofBiopsy(Histology histology, List<BiopsyReportCommand.IhcResult> ihc,
            BiopsyReportCommand.Molecular molecular, BiopsyReportCommand.Fnclcc f, boolean openBiopsy) {
        return of(histology, histology, ihc, molecular, f, openBiopsy, true);
    }

    /**
     * A re-assessed resection specimen's diagnosis: what it gives is read against its own histology, or the biopsy's when
     * it gives none (a non-sarcoma is not graded; the differentiation must fit). Markers are read only with the
     * specimen's histology, and a liposarcoma's MDM2/CDK4 test is not asked for again when the specimen was not re-tested.
     */
    static SpecimenDiagnosis ofSpecimen(Histology histology, Histology biopsyHistology, List<BiopsyReportCommand.IhcResult> ihc,
            BiopsyReportCommand.Molecular molecular, BiopsyReportCommand.Fnclcc f) {
        return of(histology, histology != null ? histology : biopsyHistology, ihc, molecular, f, false, molecular != null);
    }

    /**
     * @param histology the report's own histology (null: the specimen's is not given)
     * @param context   the histology the grade and the differentiation are read against
     */
    private static SpecimenDiagnosis of(Histology histology, Histology context, List<BiopsyReportCommand.IhcResult> ihcResults,
            BiopsyReportCommand.Molecular molecular, BiopsyReportCommand.Fnclcc f, boolean openBiopsy, boolean askForMolecular) {
        Map<Marker, MarkerResult> ihc = new EnumMap<>(Marker.class);
        List<BiopsyReportCommand.IhcResult> results = ihcResults == null ? List.of() : ihcResults;
        for (int i = 0; i < results.size(); i++) {
            BiopsyReportCommand.IhcResult result = results.get(i);
            MarkerResult earlier = ihc.putIfAbsent(result.marker(), result.result());
            if (earlier != null && earlier != result.result()) {
                throw new InvalidInput("ihc[" + i + "]", result.marker() + " is reported twice with different results ("
                        + earlier + ", " + result.result() + ")");
            }
        }
        List<PathologyAlerts.Alert> all = new ArrayList<>();
        List<String> findings = List.of();
        if (histology != null) {
            PathologyAlerts.Result evaluated = PathologyAlerts.evaluate(histology, ihc,
                    molecular == null ? null : molecular.mdm2Amplified(), molecular == null ? null : molecular.cdk4Amplified(),
                    openBiopsy);
            evaluated.alerts().stream()
                    .filter(a -> askForMolecular || a.code() != PathologyAlerts.Code.LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST)
                    .forEach(all::add);
            findings = evaluated.findings();
        }
        FnclccGrade.Result grade = null;
        boolean notSarcoma = context == Histology.NOT_SARCOMA;
        if (f != null && notSarcoma && (f.differentiation() != null || f.mitosesPer10Hpf() != null || f.necrosisPercent() != null)) {
            all.add(new PathologyAlerts.Alert(PathologyAlerts.Code.FNCLCC_NOT_APPLICABLE, PathologyAlerts.Severity.WARNING,
                    "FNCLCC grades sarcomas: no grade is computed for a histology that is not sarcoma"));
        } else if (f != null && !notSarcoma) {
            grade = FnclccGrade.grade(f.differentiation(), f.mitosesPer10Hpf(), f.necrosisPercent());
            DifferentiationFit.check(context, f.differentiation()).ifPresent(all::add);
        }
        return new SpecimenDiagnosis(grade, List.copyOf(all), histology == Histology.NOT_SARCOMA, findings);
    }

    /** The grade's name for the events (G1, G2, G3, GX), null when there is none. */
    String gradeName() {
        return grade == null ? null : grade.grade().name();
    }

    Integer score() {
        return grade == null ? null : grade.score();
    }

    List<String> alertCodes() {
        return alerts.stream().map(a -> a.code().name()).toList();
    }

    /**
     * What the report's event carries besides the grade (issue 23): the FNCLCC component scores behind it, each stain
     * once, and the amplification tests; null when the report gives none of them (a resection not re-assessed).
     */
    SpecimenFindings published(List<BiopsyReportCommand.IhcResult> ihc, BiopsyReportCommand.Molecular molecular) {
        Map<Marker, MarkerResult> stains = new EnumMap<>(Marker.class);
        (ihc == null ? List.<BiopsyReportCommand.IhcResult>of() : ihc).forEach(r -> stains.putIfAbsent(r.marker(), r.result()));
        if (grade == null && stains.isEmpty() && molecular == null) {
            return null;
        }
        return new SpecimenFindings(
                grade == null ? null : grade.differentiationScore(),
                grade == null ? null : grade.mitosisScore(),
                grade == null ? null : grade.necrosisScore(),
                stains.entrySet().stream().map(e -> new SpecimenFindings.Stain(e.getKey().name(), e.getValue().name())).toList(),
                molecular == null ? null : molecular.mdm2Amplified(),
                molecular == null ? null : molecular.cdk4Amplified(),
                molecular == null || molecular.method() == null ? null : molecular.method().name());
    }
}
