package org.tumorboard.fhir.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * The other control (issue 23, item 4): a resource the package accepts, broken on purpose, fails with an error that no
 * rule of {@link CannotCheckHere} explains, naming the element. (Each starts from an example of the package that
 * validates with no unexplained error, so that the error is the break's.)
 */
class BrokenResourcesTest {

    static final McodeValidator VALIDATOR = PackageExamplesTest.VALIDATOR;

    private static Observation example(String file) {
        return VALIDATOR.context().newJsonParser().parseResource(Observation.class, VALIDATOR.examples(FhirPackage.MCODE).get(file));
    }

    private static List<ValidationReport.Finding> unexplainedAfter(String file, Consumer<Observation> breakIt) {
        Observation intact = example(file);
        assertEquals(List.of(), VALIDATOR.validate(file, intact).unexplainedErrors(), "the intact " + file);
        Observation broken = example(file);
        breakIt.accept(broken);
        return VALIDATOR.validate(file + " (broken)", broken).unexplainedErrors();
    }

    private static void assertNamed(List<ValidationReport.Finding> errors, String element) {
        assertTrue(errors.stream().anyMatch(e -> (e.location() + " " + e.message()).contains(element)),
                "an unexplained error names " + element + ": " + errors);
    }

    @Test
    void aTnmStageGroupWithoutItsStagingMethodFails() {
        assertNamed(unexplainedAfter("Observation-tnm-clinical-stage-group-3c.json", o -> o.setMethod(null)), "Observation.method");
    }

    /**
     * Measured, not assumed: mCODE 4.0.0 lets a TNM stage group go without a value (value[x] 0..1, no invariant), so the
     * validator accepts it; our export must never write one (to be checked where the export is built).
     */
    @Test
    void aTnmStageGroupWithoutAValueIsAcceptedByTheProfileItself() {
        assertEquals(List.of(), unexplainedAfter("Observation-tnm-clinical-stage-group-3c.json", o -> o.setValue(null)));
    }

    @Test
    void aHistologicGradeWithAnotherCodeFails() {
        assertNamed(unexplainedAfter("Observation-histologic-grade-intermediate.json",
                o -> o.setCode(new CodeableConcept(new Coding("http://loinc.org", "33732-9", "Histology grade [Identifier] in Cancer specimen")))),
                "Observation.code");
    }

    @Test
    void aHistologicGradeWithoutItsValueFails() {
        assertNamed(unexplainedAfter("Observation-histologic-grade-intermediate.json", o -> o.setValue(null)), "Observation.value");
    }

    @Test
    void aTumorSizeWithoutItsLongestDimensionFails() {
        assertNamed(unexplainedAfter("Observation-tumor-size-pathology.json", o -> o.getComponent().clear()), "Observation.component");
    }
}
