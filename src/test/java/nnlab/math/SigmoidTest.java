package nnlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigmoidTest {
    private static final double COURSE_DIGITS = 5e-7;
    private static final double TIGHT = 1e-15;

    @ParameterizedTest
    @CsvSource({"-1, 0.196612", "-0.5, 0.235004", "0, 0.25", "0.5, 0.235004", "1, 0.196612"})
    void gradientMatchesCourseValues(double z, double expected) {
        assertEquals(expected, Sigmoid.gradient(z), COURSE_DIGITS);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1000, -745.2, -40, -1e-300, 0, 1e-300, 40, 745.2, 1000})
    void valueStaysFiniteAndInRange(double z) {
        double g = Sigmoid.value(z);
        assertTrue(g >= 0, "g(" + z + ") = " + g);
        assertTrue(g <= 1, "g(" + z + ") = " + g);
        assertEquals(1.0, g + Sigmoid.value(-z), TIGHT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1000, -40, -1, 0, 1, 40, 1000})
    void logsStayFiniteAtLargeMagnitudes(double z) {
        double negLog = Sigmoid.negativeLogValue(z);
        double negLogComplement = Sigmoid.negativeLogComplement(z);
        assertTrue(Double.isFinite(negLog), "-log g(" + z + ") = " + negLog);
        assertTrue(Double.isFinite(negLogComplement), "-log(1-g(" + z + ")) = " + negLogComplement);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -0.5, 0, 0.5, 3})
    void logsMatchDirectFormulaWhereItIsAccurate(double z) {
        assertEquals(-Math.log(Sigmoid.value(z)), Sigmoid.negativeLogValue(z), 1e-12);
        assertEquals(-Math.log(1 - Sigmoid.value(z)), Sigmoid.negativeLogComplement(z), 1e-12);
    }

    @org.junit.jupiter.api.Test
    void logAtVeryNegativeInputIsLinear() {
        assertEquals(1000.0, Sigmoid.negativeLogValue(-1000), TIGHT);
        assertEquals(1000.0, Sigmoid.negativeLogComplement(1000), TIGHT);
    }

    @org.junit.jupiter.api.Test
    void complementLogKeepsDigitsWhereDirectFormulaCancels() {
        assertEquals(20 + Math.log1p(Math.exp(-20)), Sigmoid.negativeLogComplement(20), 1e-14);
    }
}
