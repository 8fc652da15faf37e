package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;
import org.tumorboard.web.PathologyForms.Kind;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The pathologist's forms map to pathology's request bodies, and a stored version maps back to the form. */
class PathologyFormsTest {

    @Test
    void theBiopsyFormBecomesTheContractsBodyWithTheIhcPanelAsAList() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("specimenType", "CORE_NEEDLE");
        form.putSingle("histology", "DEDIFFERENTIATED_LIPOSARCOMA");
        form.putSingle("ihc.MDM2", "POSITIVE");
        form.putSingle("ihc.CD45", "NEGATIVE");
        form.putSingle("ihc.KIT", "");
        form.putSingle("molecular.mdm2Amplified", "true");
        form.putSingle("fnclcc.differentiation", "3");
        form.putSingle("fnclcc.mitosesPer10Hpf", " 12 ");
        form.putSingle("grade", "G1");
        Map<String, Object> body = PathologyForms.body(Kind.BIOPSY, PathologyForms.values(Kind.BIOPSY, form));
        assertEquals(Map.of("specimenType", "CORE_NEEDLE", "histology", "DEDIFFERENTIATED_LIPOSARCOMA",
                "ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE"), Map.of("marker", "CD45", "result", "NEGATIVE")),
                "molecular", Map.of("mdm2Amplified", true),
                "fnclcc", Map.of("differentiation", new BigDecimal("3"), "mitosesPer10Hpf", new BigDecimal("12"))), body);
    }

    @Test
    void anEmptyFnclccIsStillSentSoTheGradeIsGxNotARefusal() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("specimenType", "CORE_NEEDLE");
        form.putSingle("histology", "LEIOMYOSARCOMA");
        assertEquals(Map.of(), PathologyForms.body(Kind.BIOPSY, PathologyForms.values(Kind.BIOPSY, form)).get("fnclcc"));
        assertEquals(List.of(), PathologyForms.body(Kind.BIOPSY, PathologyForms.values(Kind.BIOPSY, form)).get("ihc"));
    }

    @Test
    void theResectionFormNeedsMarginAndBlocksAndTypesItsNumbers() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("blocksSampled", "forty");
        Map<String, String> errors = PathologyForms.RESECTION.check(PathologyForms.values(Kind.RESECTION, form));
        assertEquals(Map.of("margin", "is required", "blocksSampled", "must be a number"), errors);
        form.putSingle("margin", "R0");
        form.putSingle("blocksSampled", "40");
        form.putSingle("assumedInvolvedFraction", "0.01");
        assertEquals(Map.of("margin", "R0", "blocksSampled", new BigDecimal("40"), "assumedInvolvedFraction", new BigDecimal("0.01")),
                PathologyForms.body(Kind.RESECTION, PathologyForms.values(Kind.RESECTION, form)));
    }

    /** Issue 19, item 4: a re-assessed specimen's diagnosis travels in the biopsy's shapes; a plain one sends none of it. */
    @Test
    void theResectionFormSendsTheSpecimensDiagnosisOnlyWhereReassessed() throws Exception {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("margin", "R1");
        form.putSingle("blocksSampled", "40");
        form.putSingle("histology", "DEDIFFERENTIATED_LIPOSARCOMA");
        form.putSingle("fnclcc.differentiation", "3");
        form.putSingle("ihc.MDM2", "POSITIVE");
        form.putSingle("molecular.cdk4Amplified", "true");
        form.putSingle("treatmentEffectPercent", "40");
        assertEquals(Map.of("margin", "R1", "blocksSampled", new BigDecimal("40"), "histology", "DEDIFFERENTIATED_LIPOSARCOMA",
                "fnclcc", Map.of("differentiation", new BigDecimal("3")), "ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE")),
                "molecular", Map.of("cdk4Amplified", true), "treatmentEffectPercent", new BigDecimal("40")),
                PathologyForms.body(Kind.RESECTION, PathologyForms.values(Kind.RESECTION, form)));

        var stored = new ObjectMapper().readTree("""
                {"margin":"R1","blocksSampled":40,"histology":"DEDIFFERENTIATED_LIPOSARCOMA","ihc":[{"marker":"MDM2","result":"POSITIVE"}],
                 "fnclcc":{"differentiation":3}}""");
        assertEquals(Map.of("margin", "R1", "blocksSampled", "40", "histology", "DEDIFFERENTIATED_LIPOSARCOMA",
                "fnclcc.differentiation", "3", "ihc.MDM2", "POSITIVE"), PathologyForms.valuesOf(Kind.RESECTION, stored));
    }

    @Test
    void aStoredVersionFillsTheAmendmentForm() throws Exception {
        var stored = new ObjectMapper().readTree("""
                {"specimenType":"CORE_NEEDLE","histology":"LEIOMYOSARCOMA","ihc":[{"marker":"DESMIN","result":"POSITIVE"}],
                 "molecular":null,"fnclcc":{"differentiation":2,"mitosesPer10Hpf":12,"necrosisPercent":null}}""");
        assertEquals(Map.of("specimenType", "CORE_NEEDLE", "histology", "LEIOMYOSARCOMA", "fnclcc.differentiation", "2",
                "fnclcc.mitosesPer10Hpf", "12", "ihc.DESMIN", "POSITIVE"), PathologyForms.valuesOf(Kind.BIOPSY, stored));
    }
}
