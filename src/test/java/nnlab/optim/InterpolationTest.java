package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InterpolationTest {
    private static final double TOLERANCE = 1e-12;

    /** phi(t) = t^3 - 3t has its local minimizer at t = 1. */
    @Test
    void cubicMinimizerIsExactForCubic() {
        assertEquals(1, Interpolation.cubicMinimizer(0, 0, -3, 2, 2, 9), TOLERANCE);
    }

    @Test
    void cubicMinimizerDoesNotDependOnPointOrder() {
        assertEquals(1, Interpolation.cubicMinimizer(2, 2, 9, 0, 0, -3), TOLERANCE);
    }

    /** The cubic minimizer may lie outside the two points: here beyond both, at t = 1. */
    @Test
    void cubicMinimizerExtrapolates() {
        // phi(t) = t^3 - 3t at t = -0.5 and t = 0, where both slopes are negative.
        double value = Interpolation.cubicMinimizer(-0.5, 1.375, -2.25, 0, 0, -3);
        assertEquals(1, value, TOLERANCE);
    }

    @Test
    void cubicMinimizerOfQuadraticIsItsVertex() {
        // phi(t) = (t - 0.3)^2 at t = 0 and t = 1.
        assertEquals(0.3, Interpolation.cubicMinimizer(0, 0.09, -0.6, 1, 0.49, 1.4), TOLERANCE);
    }

    @Test
    void cubicMinimizerIsNaNForMonotoneCubic() {
        // phi(t) = t^3 + t has no local minimizer.
        assertTrue(Double.isNaN(Interpolation.cubicMinimizer(0, 0, 1, 1, 2, 4)));
    }

    @Test
    void quadraticMinimizerIsExactForParabola() {
        // phi(t) = 2 (t - 0.7)^2 + 1: value and slope at 0, value at 2.
        double value = Interpolation.quadraticMinimizer(0, 1.98, -2.8, 2, 4.38);
        assertEquals(0.7, value, TOLERANCE);
    }

    @Test
    void quadraticMinimizerIsNaNForConcaveFit() {
        // phi(t) = -t^2: value and slope at 1, value at 2.
        assertTrue(Double.isNaN(Interpolation.quadraticMinimizer(1, -1, -2, 2, -4)));
    }
}
