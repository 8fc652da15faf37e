package org.tumorboard.pathology.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;
import org.tumorboard.pathology.rules.PathologyAlerts.Code;

/** rps-reference.md section 3: every not-sarcoma marker, every discordance rule, and what raises nothing. */
class PathologyAlertsTest {

    @ParameterizedTest(name = "{0} with {1}, MDM2 amp {2}, CDK4 amp {3}, open {4} -> {5} (non-sarcoma {6})")
    @CsvSource(nullValues = "null", value = {
            // the not-sarcoma markers, each alone, under a sarcoma diagnosis: the marker's alert and the discordance, and
            // the case stays on the sarcoma pathway: only the pathologist's histology takes it off (section 8, issue 19)
            "LEIOMYOSARCOMA, PAN_CYTOKERATIN=POSITIVE, null, null, false, CARCINOMA_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "LEIOMYOSARCOMA, PAX8=POSITIVE,            null, null, false, CARCINOMA_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "LEIOMYOSARCOMA, CD45=POSITIVE,            null, null, false, LYMPHOMA_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "OTHER_SARCOMA,  CHROMOGRANIN=POSITIVE,    null, null, false, PARAGANGLIOMA_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "OTHER_SARCOMA,  SYNAPTOPHYSIN=POSITIVE,   null, null, false, PARAGANGLIOMA_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "OTHER_SARCOMA,  KIT=POSITIVE,             null, null, false, GIST_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "OTHER_SARCOMA,  DOG1=POSITIVE,            null, null, false, GIST_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "MPNST,          SALL4=POSITIVE,           null, null, false, GERM_CELL_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            "MPNST,          OCT3_4=POSITIVE,          null, null, false, GERM_CELL_MARKER_POSITIVE SARCOMA_WITH_NON_SARCOMA_MARKER, false",
            // under a NOT_SARCOMA histology there is no discordance, only the findings
            "NOT_SARCOMA,    CD45=POSITIVE,            null, null, false, NOT_SARCOMA_HISTOLOGY LYMPHOMA_MARKER_POSITIVE, true",
            "NOT_SARCOMA,    '',                       null, null, false, NOT_SARCOMA_HISTOLOGY, true",
            // a negative not-sarcoma marker raises nothing; an equivocal one is flagged (issue 19, item 8)
            "LEIOMYOSARCOMA, CD45=NEGATIVE DESMIN=POSITIVE,               null, null, false, '', false",
            "LEIOMYOSARCOMA, CD45=NEGATIVE KIT=EQUIVOCAL DESMIN=POSITIVE, null, null, false, NON_SARCOMA_MARKER_EQUIVOCAL, false",
            "NOT_SARCOMA,    PAN_CYTOKERATIN=EQUIVOCAL,                   null, null, false, NOT_SARCOMA_HISTOLOGY NON_SARCOMA_MARKER_EQUIVOCAL, true",
            // MDM2/CDK4 amplification outside a liposarcoma points to a missed (de)differentiated liposarcoma
            "LEIOMYOSARCOMA, '',                         true,  null,  false, MDM2_CDK4_AMPLIFIED_NON_LIPOSARCOMA, false",
            "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, '',   null,  true,  false, MDM2_CDK4_AMPLIFIED_NON_LIPOSARCOMA, false",
            "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, '',   false, false, false, '', false",
            "NOT_SARCOMA,    '',                         true,  true,  false, NOT_SARCOMA_HISTOLOGY, true",
            // liposarcoma and MDM2/CDK4 amplification
            "DEDIFFERENTIATED_LIPOSARCOMA,    MDM2=POSITIVE, true,  true,  false, '', false",
            "DEDIFFERENTIATED_LIPOSARCOMA,    MDM2=POSITIVE, true,  null,  false, '', false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, '',            null,  true,  false, '', false",
            "DEDIFFERENTIATED_LIPOSARCOMA,    MDM2=POSITIVE, null,  null,  false, LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST, false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, '',            false, false, false, LIPOSARCOMA_WITHOUT_MDM2_CDK4_AMPLIFICATION, false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, '',            false, null,  false, LIPOSARCOMA_WITHOUT_MDM2_CDK4_AMPLIFICATION, false",
            // a non-liposarcoma does not need MDM2/CDK4
            "LEIOMYOSARCOMA, DESMIN=POSITIVE SMA=POSITIVE,  null, null, false, '', false",
            "SOLITARY_FIBROUS_TUMOR, STAT6=POSITIVE,        null, null, false, '', false",
            // the biopsy route
            "LEIOMYOSARCOMA, '', null, null, true, NOT_RECOMMENDED_BIOPSY_ROUTE, false",
    })
    void alerts(Histology histology, String ihc, Boolean mdm2, Boolean cdk4, boolean open, String codes, boolean nonSarcoma) {
        PathologyAlerts.Result result = PathologyAlerts.evaluate(histology, markers(ihc), mdm2, cdk4, open);
        List<Code> expected = codes.isBlank() ? List.of() : Arrays.stream(codes.trim().split("\\s+")).map(Code::valueOf).toList();
        assertEquals(expected, result.alerts().stream().map(PathologyAlerts.Alert::code).toList());
        assertEquals(nonSarcoma, result.nonSarcoma());
        assertEquals(nonSarcoma, !result.findings().isEmpty());
        // Critical only where the case leaves the pathway; under a sarcoma histology every alert is a warning to review.
        if (!nonSarcoma) {
            assertTrue(result.alerts().stream().allMatch(a -> a.severity() == PathologyAlerts.Severity.WARNING), result.alerts()::toString);
        }
    }

    private static Map<Marker, MarkerResult> markers(String ihc) {
        Map<Marker, MarkerResult> map = new EnumMap<>(Marker.class);
        if (ihc != null && !ihc.isBlank()) {
            for (String pair : ihc.trim().split("\\s+")) {
                String[] kv = pair.split("=");
                map.put(Marker.valueOf(kv[0]), MarkerResult.valueOf(kv[1]));
            }
        }
        return map;
    }
}
