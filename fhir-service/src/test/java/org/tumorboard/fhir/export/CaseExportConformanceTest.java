package org.tumorboard.fhir.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.Sources;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.fhir.conformance.ValidationReport;
import org.tumorboard.fhir.mcode.McodeCase;
import org.tumorboard.fhir.mcode.McodeObservationsConformanceTest;
import org.tumorboard.fhir.readmodel.CaseRecord;
import org.tumorboard.fhir.readmodel.CaseRecordTest;

/**
 * A whole case as the facade exports it, every resource against mCODE 4.0.0: the journey with a re-resection after a
 * recurrence, a second plan (with the votes), the surgeon's gross residual (R2), surveillance visits, the FNCLCC
 * components and the tumour marker tests of the biopsy and the re-assessed specimen. No error outside what cannot be
 * checked here.
 */
@Order(1)
class CaseExportConformanceTest {

    static final String CASE = CaseRecordTest.CASE;

    @Test
    void aWholeCaseConforms() {
        List<CaseEvent> events = new ArrayList<>(CaseRecordTest.journey());
        events.add(CaseRecordTest.event(CaseEventTypes.CASE_STAGED, Sources.STAGING, new CaseStaged(CASE, "p", "T4", "N0", "M0", "G3", "IIIB"),
                55, 3));
        events.add(CaseRecordTest.event(CaseEventTypes.VISIT_RECORDED, Sources.BOARD, new VisitRecorded(CASE, 1,
                LocalDate.parse("2027-02-20"), "NO_EVIDENCE_OF_DISEASE"), 60, 3));
        events.add(CaseRecordTest.event(CaseEventTypes.VISIT_RECORDED, Sources.BOARD, new VisitRecorded(CASE, 2,
                LocalDate.parse("2027-05-20"), "LOCAL_RECURRENCE"), 70, 4));
        events.add(CaseRecordTest.event(CaseEventTypes.RECURRENCE_RECORDED, Sources.BOARD, new RecurrenceRecorded(CASE, "LOCAL_RECURRENCE",
                LocalDate.parse("2027-05-20")), 70, 5));
        events.add(CaseRecordTest.event(CaseEventTypes.PLAN_DECIDED, Sources.BOARD, new org.tumorboard.events.PlanDecided(CASE,
                "UPFRONT_RESECTION"), 80, 6));
        events.add(CaseRecordTest.event(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, new TreatmentRecorded(CASE, "SURGERY",
                LocalDate.parse("2027-06-10"), false, List.of("PSOAS"), true, null), 222 * 24 * 60, 7));
        events.add(CaseRecordTest.event(CaseEventTypes.RESECTION_REPORTED, Sources.PATHOLOGY, new ResectionReported(CASE, "r2", 1, "R1",
                new BigDecimal("6.5"), null, null, null, "DEDIFFERENTIATED_LIPOSARCOMA", "G3", null, List.of(), new SpecimenFindings(3, 3, 2,
                        List.of(new SpecimenFindings.Stain("MDM2", "POSITIVE")), true, null, "NGS")), 225 * 24 * 60, 4));
        List<Resource> resources = CaseExport.resources(CaseRecord.of(CASE, events), McodeCase.patientWithoutIdentity(CASE));
        List<String> unexplained = new ArrayList<>();
        int explained = 0;
        int warnings = 0;
        for (Resource resource : resources) {
            ValidationReport report = McodeObservationsConformanceTest.VALIDATOR.validate(resource.fhirType() + "/"
                    + resource.getIdElement().getIdPart(), resource);
            report.unexplainedErrors().forEach(f -> unexplained.add(report.resource() + ": " + f));
            report.explainedErrors().forEach(f -> System.out.println("  cannot be checked here: " + report.resource() + ": " + f));
            explained += report.explainedErrors().size();
            warnings += report.warnings().size();
        }
        System.out.printf("a whole case: %d resources, %d unexplained errors, %d explained, %d warnings%n", resources.size(),
                unexplained.size(), explained, warnings);
        assertEquals(List.of(), unexplained);
        assertEquals(31, resources.size(), resources.stream().map(r -> r.getIdElement().getIdPart()).toList().toString());
    }
}
