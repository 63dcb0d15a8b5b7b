package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientCheckTest {
    /** Central differences with eps = 1e-4 agree with a correct gradient to about 1e-11. */
    private static final double MAX_RELATIVE_DIFFERENCE = 1e-9;

    @ParameterizedTest
    @ValueSource(doubles = {0, 3})
    void backpropagationMatchesCentralDifferences(double lambda) {
        GradientCheck check = GradientCheck.run(lambda);
        assertEquals(38, check.analytic().length);
        assertTrue(check.relativeDifference() < MAX_RELATIVE_DIFFERENCE,
                "relative difference " + check.relativeDifference() + " at lambda " + lambda);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 3})
    void checkDetectsWrongGradient(double lambda) {
        GradientCheck check = GradientCheck.run(lambda);
        double[] analytic = check.analytic();
        double[] numerical = check.numerical();
        int largest = 0;
        for (int p = 1; p < analytic.length; p++) {
            if (Math.abs(analytic[p]) > Math.abs(analytic[largest])) {
                largest = p;
            }
        }
        analytic[largest] *= 1.01;
        double difference = 0;
        double sum = 0;
        for (int p = 0; p < analytic.length; p++) {
            difference += Math.pow(numerical[p] - analytic[p], 2);
            sum += Math.pow(numerical[p] + analytic[p], 2);
        }
        assertTrue(Math.sqrt(difference / sum) > 1e-5, "a 1% error must be visible");
    }
}
