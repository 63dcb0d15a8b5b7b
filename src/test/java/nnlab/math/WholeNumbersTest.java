package nnlab.math;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WholeNumbersTest {
    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -3, 10, 1e15, 1e300, -0.0})
    void wholeValuesPass(double value) {
        assertTrue(WholeNumbers.isWhole(value), String.valueOf(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.5, -1.25, 1e-300, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY})
    void fractionalOrNonFiniteValuesFail(double value) {
        assertFalse(WholeNumbers.isWhole(value), String.valueOf(value));
    }
}
