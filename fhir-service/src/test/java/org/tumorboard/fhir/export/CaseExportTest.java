package org.tumorboard.fhir.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.events.Sources;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.fhir.mcode.McodeCase;
import org.tumorboard.fhir.readmodel.CaseRecord;
import org.tumorboard.fhir.readmodel.CaseRecordTest;

/** What the export says of the operations and the plans, from the facts the board and pathology published. */
class CaseExportTest {

    static final String CASE = CaseRecordTest.CASE;

    static Map<String, Resource> export(List<CaseEvent> events) {
        CaseRecord record = CaseRecord.of(CASE, events);
        return CaseExport.resources(record, McodeCase.patientWithoutIdentity(CASE)).stream()
                .collect(Collectors.toMap(r -> r.getIdElement().getIdPart().replace(CASE, ""), r -> r));
    }

    @Test
    void grossResidualStatedByTheSurgeonIsR2WhateverTheSpecimenSays() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey().subList(0, 6));
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2026-11-02"), false, List.of(), true, null), 40, 2));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r1", 1, "R0",
                new BigDecimal("21.5"), null, null, null, null, null, null, List.of()), 50, 3));
        Map<String, Resource> resources = export(events);
        Procedure resection = (Procedure) resources.get("-resection-1");
        assertEquals("1222640000", resection.getOutcome().getCodingFirstRep().getCode());
        assertEquals("R2", ((CodeableConcept) ((Observation) resources.get("-margin-1")).getValue()).getText());
        assertEquals(List.of("Not en bloc", "Gross residual disease stated by the surgeon"),
                resection.getNote().stream().map(n -> n.getText()).toList());
        assertFalse(resection.hasExtension(), "no intent is claimed: none is recorded");
    }

    static final int DAY = 24 * 60;

    /**
     * Issue 23: the grade of record is derived from the FNCLCC component scores of the report that gave it, and each
     * report's stains and amplification tests are tumour marker tests (the biopsy's latest version: three stains, two
     * amplifications by FISH, MDM2's with its LOINC term).
     */
    @Test
    void theGradeIsDerivedFromItsComponentsAndEachReportsMarkersAreExported() {
        Map<String, Resource> resources = export(CaseRecordTest.journey());
        Observation grade = (Observation) resources.get("-grade");
        assertEquals(List.of("Observation/" + CASE + "-fnclcc-b1-diff", "Observation/" + CASE + "-fnclcc-b1-mitoses",
                "Observation/" + CASE + "-fnclcc-b1-necrosis"), grade.getDerivedFrom().stream().map(r -> r.getReference()).toList());
        assertEquals(List.of(3, 2, 1), List.of("diff", "mitoses", "necrosis").stream()
                .map(c -> ((org.hl7.fhir.r4.model.IntegerType) ((Observation) resources.get("-fnclcc-b1-" + c)).getValue()).getValue())
                .toList());
        assertEquals(List.of("-amp-b1-cdk4", "-amp-b1-mdm2", "-ihc-b1-cdk4", "-ihc-b1-desmin", "-ihc-b1-mdm2"), resources.keySet().stream()
                .filter(id -> id.startsWith("-ihc-") || id.startsWith("-amp-")).sorted().toList(),
                "the amended biopsy's markers only; the unassessed specimen has none");
        Observation mdm2 = (Observation) resources.get("-amp-b1-mdm2");
        assertEquals(List.of("93808-4", "MDM2"), mdm2.getCode().getCoding().stream().map(c -> c.getCode()).toList());
        assertEquals("260373001", ((CodeableConcept) mdm2.getValue()).getCodingFirstRep().getCode());
        assertEquals(List.of("CDK4"), ((Observation) resources.get("-amp-b1-cdk4")).getCode().getCoding().stream()
                .map(c -> c.getCode()).toList(), "no LOINC term for CDK4 amplification: our code alone");
        Observation desmin = (Observation) resources.get("-ihc-b1-desmin");
        assertEquals(List.of("10476-0", "DESMIN"), desmin.getCode().getCoding().stream().map(c -> c.getCode()).toList());
        assertEquals("260385009", ((CodeableConcept) desmin.getValue()).getCodingFirstRep().getCode());
        assertEquals("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test", desmin.getMeta().getProfile().get(0)
                .getValue());
    }

    /**
     * The grade's components come from the report of record, the one pathology updated last, whatever its number: the
     * first biopsy amended after the second, then the first specimen amended after the second.
     */
    @Test
    void theGradesComponentsAreThoseOfTheReportUpdatedLast() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey().subList(0, 1));
        events.add(CaseRecordTest.event(CaseEventTypes.BIOPSY_REPORTED, Sources.PATHOLOGY, new BiopsyReported(CASE, "b1", 1,
                "LEIOMYOSARCOMA", "G2", 4, List.of(), new SpecimenFindings(2, 1, 1, List.of(), null, null, null)), 10, 1));
        events.add(CaseRecordTest.event(CaseEventTypes.BIOPSY_REPORTED, Sources.PATHOLOGY, new BiopsyReported(CASE, "b2", 1,
                "LEIOMYOSARCOMA", "G3", 6, List.of(), new SpecimenFindings(3, 2, 1, List.of(), null, null, null)), 20, 2));
        assertEquals("-fnclcc-b2-diff", derivedFrom(export(events)).get(0));
        events.add(CaseRecordTest.event(CaseEventTypes.BIOPSY_AMENDED, Sources.PATHOLOGY, new BiopsyAmended(CASE, "b1", 2,
                "LEIOMYOSARCOMA", "G2", 5, List.of(), new SpecimenFindings(2, 2, 1, List.of(), null, null, null)), 30, 3));
        Map<String, Resource> amended = export(events);
        assertEquals(List.of("-fnclcc-b1-diff", "-fnclcc-b1-mitoses", "-fnclcc-b1-necrosis"), derivedFrom(amended));
        assertEquals(2, ((org.hl7.fhir.r4.model.IntegerType) ((Observation) amended.get("-fnclcc-b1-mitoses")).getValue()).getValue());

        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r1", 1, "R0",
                null, null, null, null, "LEIOMYOSARCOMA", "G2", null, List.of(), new SpecimenFindings(2, 1, 1, List.of(), null, null,
                        null)), 40, 4));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r2", 1, "R1",
                null, null, null, null, "LEIOMYOSARCOMA", "G3", null, List.of(), new SpecimenFindings(3, 3, 1, List.of(), null, null,
                        null)), 50, 5));
        assertEquals("-fnclcc-s2-diff", derivedFrom(export(events)).get(0));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_AMENDED, Sources.PATHOLOGY, new ResectionAmended(CASE, "r1", 2, "R0",
                null, null, null, null, "LEIOMYOSARCOMA", "G1", null, List.of(), new SpecimenFindings(1, 1, 1, List.of(), null, null,
                        null)), 60, 6));
        assertEquals(List.of("-fnclcc-s1-diff", "-fnclcc-s1-mitoses", "-fnclcc-s1-necrosis"), derivedFrom(export(events)));
    }

    private static List<String> derivedFrom(Map<String, Resource> resources) {
        return ((Observation) resources.get("-grade")).getDerivedFrom().stream().map(r -> r.getReference().replace("Observation/" + CASE, ""))
                .toList();
    }

    /** Issue 23: the decision's notes say how the board voted and who dissented by discipline; a legacy decision says it cannot. */
    @Test
    void theDecisionSaysHowTheBoardVoted() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey());
        events.add(CaseRecordTest.event(CaseEventTypes.PLAN_DECIDED, Sources.BOARD, new org.tumorboard.events.PlanDecided(CASE,
                "SYSTEMIC_THERAPY"), 90, 3));
        Map<String, Resource> resources = export(events);
        List<String> first = ((CarePlan) resources.get("-plan-1")).getNote().stream().map(n -> n.getText()).toList();
        assertEquals(List.of("Votes: 4 of 5 for this plan; 1 for Neoadjuvant radiotherapy, then resection.",
                "Dissent: radiation oncology for Neoadjuvant radiotherapy, then resection."), first.subList(2, 4));
        List<String> second = ((CarePlan) resources.get("-plan-2")).getNote().stream().map(n -> n.getText()).toList();
        assertEquals("The votes are not in this record (the decision was published before votes were).", second.get(2));
    }

    @Test
    void theSurgeonsGrossResidualIsR2BeforeAnyReport() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey().subList(0, 6));
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2026-11-02"), true, List.of(), true, null), 40, 2));
        Observation margin = (Observation) export(events).get("-margin-1");
        assertEquals("R2", ((CodeableConcept) margin.getValue()).getText());
        assertEquals("2026-11-02", margin.getEffectiveDateTimeType().getValueAsString(), "the operation's day");
        assertEquals("procedure", margin.getCategoryFirstRep().getCodingFirstRep().getCode(), "the surgeon's statement");
    }

    @Test
    void aReportWithoutARecordedOperationStandsAlone() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey().subList(0, 6));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r1", 1, "R1",
                new BigDecimal("21.5"), null, null, null, null, null, null, List.of()), 50, 3));
        Map<String, Resource> resources = export(events);
        assertFalse(resources.containsKey("-resection-1"));
        assertEquals("R1", ((CodeableConcept) ((Observation) resources.get("-margin-specimen-1")).getValue()).getText());
    }

    @Test
    void aReportAmendedAfterTheNextOperationStaysWithItsOwn() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey());
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2027-03-01"), true, List.of(), null, null), 120 * DAY, 7));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_AMENDED, Sources.PATHOLOGY, new org.tumorboard.events.ResectionAmended(CASE,
                "r1", 2, "R1", new BigDecimal("21.5"), null, null, null, null, null, null, List.of()), 130 * DAY, 9));
        Map<String, Resource> resources = export(events);
        assertEquals("Margin R1", ((Procedure) resources.get("-resection-1")).getOutcome().getText(), "the amendment, on operation 1");
        assertFalse(((Procedure) resources.get("-resection-2")).hasOutcome());
    }

    @Test
    void theFirstOperationsReportPublishedAfterTheSecondOperationIsStillTheFirstsAndSameDayOperationsEachGetOne() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey().subList(0, 6));
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2026-11-02"), true, List.of(), null, null), 40, 2));
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2026-11-02"), true, List.of(), null, null), 45, 3));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r1", 1, "R0",
                new BigDecimal("10.0"), null, null, null, null, null, null, List.of()), 3 * DAY, 3));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r2", 1, "R1",
                new BigDecimal("3.0"), null, null, null, null, null, null, List.of()), 4 * DAY, 4));
        Map<String, Resource> resources = export(events);
        assertEquals("Margin R0", ((Procedure) resources.get("-resection-1")).getOutcome().getText());
        assertEquals("Margin R1", ((Procedure) resources.get("-resection-2")).getOutcome().getText());
    }

    @Test
    void eachOperationKeepsItsOwnSpecimen() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey());
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2027-03-01"), true, List.of(), null, null), 120 * DAY, 7));
        Map<String, Resource> before = export(events);
        assertEquals("Margin R0", ((Procedure) before.get("-resection-1")).getOutcome().getText());
        assertFalse(((Procedure) before.get("-resection-2")).hasOutcome(), "the second specimen is not reported yet");
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r2", 1, "R1",
                new BigDecimal("4.0"), null, null, null, null, null, null, List.of()), 125 * DAY, 8));
        Map<String, Resource> after = export(events);
        assertEquals("Margin R0", ((Procedure) after.get("-resection-1")).getOutcome().getText());
        assertEquals("Margin R1", ((Procedure) after.get("-resection-2")).getOutcome().getText());
        assertEquals("R0", ((CodeableConcept) ((Observation) after.get("-margin-1")).getValue()).getText());
        assertEquals("R1", ((CodeableConcept) ((Observation) after.get("-margin-2")).getValue()).getText());
        assertEquals(new BigDecimal("4.0"), ((Observation) after.get("-size-specimen-2")).getComponentFirstRep().getValueQuantity().getValue());
        assertEquals(CarePlan.CarePlanStatus.COMPLETED, ((CarePlan) after.get("-plan-1")).getStatus());
    }
}
