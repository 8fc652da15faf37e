package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pseudocapsule model of rps-reference.md section 3: the reference's example, the limits, and refused inputs. */
class PseudocapsuleModelTest {

    @ParameterizedTest
    @CsvSource({
            // l mm, c mm, f, from satellites, in all
            "3, 1, 0.15, 0.717, 0.759",   // the reference's example
            "3, 0, 0.15, 1.000, 1.000",   // no capsule: every satellite is left
            "3, 1, 0, 0.717, 0.717",      // no defects: satellites only
            "3, 1, 1, 0.717, 1.000",      // all defect: disease is left
            "1, 10, 0, 0.000, 0.000",     // a thick capsule against near satellites
            "10, 1, 0.05, 0.905, 0.910" })
    void diseaseLeftByDissectingOnTheCapsule(double l, double c, double f, String satellites, String all) {
        PseudocapsuleModel.Result r = PseudocapsuleModel.leftBehind(l, c, f);
        assertEquals(new BigDecimal(satellites), r.fromSatellites());
        assertEquals(new BigDecimal(all), r.inAll());
    }

    @ParameterizedTest
    @CsvSource({ "0, 1, 0.1", "-1, 1, 0.1", "3, -0.1, 0.1", "3, 1, -0.01", "3, 1, 1.01", "NaN, 1, 0.1" })
    void impossibleInputsAreRefused(double l, double c, double f) {
        assertThrows(IllegalArgumentException.class, () -> PseudocapsuleModel.leftBehind(l, c, f));
    }
}
