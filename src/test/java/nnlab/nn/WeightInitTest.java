package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightInitTest {
    private static final NetworkShape COURSE = NetworkShape.of(400, 25, 10);

    @Test
    void randomWeightsStayWithinEpsilon() {
        double[] theta = WeightInit.random(COURSE, 0.12, 1);
        assertEquals(25 * 401 + 10 * 26, theta.length);
        for (double w : theta) {
            assertTrue(w >= -0.12, "weight " + w);
            assertTrue(w <= 0.12, "weight " + w);
        }
    }

    @Test
    void randomWeightsIncludeBiasColumn() {
        double[] theta = WeightInit.random(COURSE, 0.12, 1);
        int nonZeroBiases = 0;
        for (int t = 0; t < COURSE.thetaCount(); t++) {
            for (int k = 0; k < COURSE.thetaRows(t); k++) {
                double bias = theta[COURSE.index(t, k, 0)];
                if (bias != 0) {
                    nonZeroBiases++;
                }
            }
        }
        assertEquals(35, nonZeroBiases);
    }

    @Test
    void randomWeightsSpanTheInterval() {
        double[] theta = WeightInit.random(COURSE, 0.12, 1);
        double min = 1;
        double max = -1;
        for (double w : theta) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        assertTrue(min < -0.119, "range " + min + ".." + max);
        assertTrue(max > 0.119, "range " + min + ".." + max);
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertArrayEquals(WeightInit.random(COURSE, 0.12, 42), WeightInit.random(COURSE, 0.12, 42));
        assertNotEquals(WeightInit.random(COURSE, 0.12, 42)[0],
                WeightInit.random(COURSE, 0.12, 43)[0]);
    }

    @Test
    void debugMatrixIsSineColumnMajor() {
        double[] w = WeightInit.debugMatrix(5, 4);
        assertEquals(Math.sin(1) / 10, w[0], 0);
        assertEquals(Math.sin(6) / 10, w[5], 0);
        assertEquals(Math.sin(20) / 10, w[19], 0);
    }
}
