package org.tumorboard.staging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.staging.rules.FailurePattern.Pattern;

/** rps-reference.md section 3, subtypes and their failure pattern. */
class FailurePatternTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "WELL_DIFFERENTIATED_LIPOSARCOMA, LOCAL_DOMINANT",
            "DEDIFFERENTIATED_LIPOSARCOMA, LOCAL_AND_DISTANT",
            "LEIOMYOSARCOMA, DISTANT_DOMINANT",
            "MPNST, LOCAL_AND_DISTANT",
            "SOLITARY_FIBROUS_TUMOR, BY_GRADE",
            "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, BY_GRADE",
            "OTHER_SARCOMA, BY_GRADE",
            "NOT_SARCOMA, NOT_APPLICABLE",
    })
    void pattern(String histology, Pattern pattern) {
        assertEquals(pattern, FailurePattern.of(histology).pattern());
    }

    @Test
    void noHistologyNoPattern() {
        assertNull(FailurePattern.of(null));
    }
}
