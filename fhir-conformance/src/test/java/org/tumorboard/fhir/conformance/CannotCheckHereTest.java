package org.tumorboard.fhir.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule on a message of its kind (as the validator writes them for mCODE's examples), and no rule on real errors. */
class CannotCheckHereTest {

    static final CannotCheckHere CLASSIFIER = new CannotCheckHere(Set.of("http://hl7.org/fhir/us/mcode/ValueSet/mcode-primary-cancer-disorder-vs"));

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("Profile reference 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient' has not been checked because it could not be found",
                        CannotCheckHere.US_CORE),
                Arguments.of("Slice 'Condition.category:us-core': a matching slice is required, but not found (from http://hl7.org/fhir/us/mcode/"
                        + "StructureDefinition/mcode-primary-cancer-condition|4.0.0)", CannotCheckHere.US_CORE),
                Arguments.of("Invalid Resource target type. Found Patient, but expected one of ([])", CannotCheckHere.US_CORE_TARGETS),
                Arguments.of("Profile reference 'http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/tmb' has not been checked because"
                        + " it could not be found", CannotCheckHere.GENOMICS_REPORTING),
                Arguments.of("CodeSystem is unknown and can't be validated: http://varnomen.hgvs.org#NM_000314.4:c.1A>T", CannotCheckHere.HGVS),
                Arguments.of("None of the codings provided are in the value set 'LOINC answers' (http://loinc.org/vs/LL1040-6), and a coding from"
                        + " this value set is required) (codes = http://loinc.org#LA6576-8)", CannotCheckHere.LOINC_ANSWER_LIST),
                Arguments.of("None of the codings provided are in the value set 'Primary Cancer Disorder Value Set' (http://hl7.org/fhir/us/mcode/"
                        + "ValueSet/mcode-primary-cancer-disorder-vs|4.0.0), and a coding from this value set is required) (codes = "
                        + "http://snomed.info/sct#1234)", CannotCheckHere.FILTERED_VALUE_SET),
                Arguments.of("Unable to expand ValueSet: cannot apply filters '[x]' because CodeSystem 'http://snomed.info/sct' is ignored/not-present",
                        CannotCheckHere.FILTERED_VALUE_SET),
                // real errors: a value set that lists its codes is checked here; a missing element; a wrong fixed code
                Arguments.of("None of the codings provided are in the value set 'Histologic Grade Value Set' (http://hl7.org/fhir/us/mcode/"
                        + "ValueSet/mcode-histologic-grade-vs|4.0.0), and a coding from this value set is required) (codes = "
                        + "http://snomed.info/sct#1234)", null),
                Arguments.of("Observation.method: minimum required = 1, but only found 0 (from http://hl7.org/fhir/us/mcode/StructureDefinition/"
                        + "mcode-tnm-stage-group|4.0.0)", null),
                Arguments.of("Error processing unit 'm^2': The unit 'm^' is unknown' at position 0", null),
                // a US Core invariant or a fixed US Core slice mCODE copies is checked here
                Arguments.of("Constraint failed: us-core-6: '(family or given) xor data-absent-reason' (defined in http://hl7.org/fhir/us/core/"
                        + "StructureDefinition/us-core-patient)", null),
                Arguments.of("Slice 'Observation.category:us-core': a matching slice is required, but not found (from http://hl7.org/fhir/us/"
                        + "mcode/StructureDefinition/mcode-histologic-grade|4.0.0)", null));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("messages")
    void explainsOnlyWhatCannotBeCheckedHere(String message, CannotCheckHere.Rule expected) {
        assertEquals(Optional.ofNullable(expected), CLASSIFIER.explain(message));
    }
}
