package org.tumorboard.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which case a denied request was about, for its audit record (issue 24, item 6): the REST paths and the FHIR facade's. */
class AccessDenialsTest {

    static final String CASE = "0b6c3f2e-8f0e-4e63-9a57-2f1f5f3b9d10";

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "/api/cases/" + CASE + "," + CASE,
            "/api/cases/" + CASE + "/votes," + CASE,
            "/fhir/Patient/" + CASE + "," + CASE,
            "/fhir/Patient/" + CASE + "/$everything," + CASE,
            "/fhir/Observation/" + CASE + "-grade," + CASE,
            "/fhir/CarePlan/" + CASE + "-plan-2," + CASE,
            "/api/cases/not-a-case-id-of-thirty-six-characters,none",
            "/api/audit,none",
            "/fhir/metadata,none",
            "/fhir/Bundle,none",
            "/api/cases/" + CASE + "x,none" })
    void theCaseOfADeniedRequestIsReadFromItsPath(String path, String expected) {
        assertEquals(expected == null ? null : UUID.fromString(expected), AccessDenials.caseIn(path));
    }
}
