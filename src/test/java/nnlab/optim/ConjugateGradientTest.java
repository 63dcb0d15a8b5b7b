package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConjugateGradientTest {
    private static final Method METHOD = Method.CONJUGATE_GRADIENT;
    private static final double EXACT = 0;
    /** Required distance of every coordinate from the Rosenbrock minimizer (1, ..., 1). */
    private static final double ROSENBROCK_TOLERANCE = 1e-5;
    /**
     * Required distance from the quadratic's minimizer. The cost-change test stops at a relative
     * cost error of about 1e-12, which for this quadratic (|f*| near 30, smallest eigenvalue of A
     * at least 1) leaves an error in x of up to about sqrt(2 * 1e-12 * 30), below 1e-5.
     */
    private static final double QUADRATIC_TOLERANCE = 1e-5;
    private static final int ITERATION_LIMIT = 5000;

    private static Minimization run(DifferentiableFunction f, double[] x0) {
        Minimization minimization = Minimizer.start(METHOD, f, x0, ITERATION_LIMIT, null,
                Clock.SYSTEM);
        while (minimization.step()) {
            // Each call runs one iteration.
        }
        return minimization;
    }

    private static void assertAllNear(double expected, double[] x, double tolerance) {
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected, x[i], tolerance, "x[" + i + "]");
        }
    }

    private static void assertNonIncreasing(double startCost, double[] history) {
        double previous = startCost;
        for (int i = 0; i < history.length; i++) {
            assertTrue(history[i] <= previous,
                    "cost rose at iteration " + (i + 1) + ": " + previous + " -> " + history[i]);
            previous = history[i];
        }
    }

    @Test
    void rosenbrock2dReachesMinimum() {
        Minimization result = run(TestFunctions.rosenbrock(2), TestFunctions.rosenbrockStart(2));

        assertEquals(StopReason.CONVERGED, result.reason());
        assertAllNear(1, result.x(), ROSENBROCK_TOLERANCE);
        assertTrue(result.iteration() <= 60, result.iteration() + " iterations");
    }

    @Test
    void rosenbrock10dReachesMinimum() {
        Minimization result =
                run(TestFunctions.rosenbrock(10), TestFunctions.rosenbrockStart(10));

        assertEquals(StopReason.CONVERGED, result.reason());
        assertAllNear(1, result.x(), ROSENBROCK_TOLERANCE);
        assertTrue(result.iteration() <= 60, result.iteration() + " iterations");
    }

    @Test
    void chainedRosenbrock10dReachesMinimum() {
        Minimization result =
                run(TestFunctions.chainedRosenbrock(10), TestFunctions.rosenbrockStart(10));

        assertEquals(StopReason.CONVERGED, result.reason());
        assertAllNear(1, result.x(), ROSENBROCK_TOLERANCE);
        assertTrue(result.iteration() <= 1000, result.iteration() + " iterations");
    }

    @Test
    void quadraticReachesKnownMinimizer() {
        TestFunctions.Quadratic quadratic = new TestFunctions.Quadratic(10, 11);

        Minimization result = run(quadratic, new double[10]);

        assertEquals(StopReason.CONVERGED, result.reason());
        assertArrayEquals(quadratic.minimizer(), result.x(), QUADRATIC_TOLERANCE);
        assertTrue(result.iteration() <= 100, result.iteration() + " iterations");
    }

    @Test
    void costHistoryNeverIncreases() {
        DifferentiableFunction f = TestFunctions.chainedRosenbrock(10);
        double[] x0 = TestFunctions.rosenbrockStart(10);

        Minimization result = run(f, x0);

        assertNonIncreasing(f.evaluate(x0, new double[10]), result.costHistory());
    }

    /** fmincg's first trial point is x0 - g / (1 + |g|^2). */
    @Test
    void firstTrialStepIsFmincgStartStep() {
        TestFunctions.Recording f = new TestFunctions.Recording(TestFunctions.rosenbrock(2));
        double[] x0 = TestFunctions.rosenbrockStart(2);
        double[] gradient = new double[2];
        TestFunctions.rosenbrock(2).evaluate(x0, gradient);
        double step = 1 / (1 + Vectors.dot(gradient, gradient));

        Minimizer.start(METHOD, f, x0, 1, null, Clock.SYSTEM).step();

        double[] expected = {x0[0] - step * gradient[0], x0[1] - step * gradient[1]};
        assertArrayEquals(expected, f.point(1), 1e-15);
    }

    @Test
    void failedLineSearchIsRetriedAlongSteepestDescent() {
        Minimization reference = Minimizer.start(METHOD, TestFunctions.rosenbrock(2),
                TestFunctions.rosenbrockStart(2), 3, null, Clock.SYSTEM);
        while (reference.step()) {
            // Three iterations without interference.
        }
        int firstOfSearch = reference.evaluations() + 1;
        int lastOfSearch = firstOfSearch + ConjugateGradient.MAX_EXTRA_EVALUATIONS;
        DifferentiableFunction f = new TestFunctions.InflatedCost(
                TestFunctions.rosenbrock(2), firstOfSearch, lastOfSearch);
        Minimization minimization = Minimizer.start(METHOD, f, TestFunctions.rosenbrockStart(2),
                ITERATION_LIMIT, null, Clock.SYSTEM);
        for (int i = 0; i < 3; i++) {
            minimization.step();
        }

        boolean continues = minimization.step();

        assertTrue(continues);
        assertEquals(4, minimization.iteration());
        assertTrue(minimization.evaluations() > lastOfSearch,
                "the failed search and the retry both count: " + minimization.evaluations());
        assertTrue(minimization.cost() < reference.cost());
        while (minimization.step()) {
            // Run to convergence from the restarted direction.
        }
        assertEquals(StopReason.CONVERGED, minimization.reason());
        assertAllNear(1, minimization.x(), ROSENBROCK_TOLERANCE);
    }

    @Test
    void failedRetryStopsMinimization() {
        Minimization reference = Minimizer.start(METHOD, TestFunctions.rosenbrock(2),
                TestFunctions.rosenbrockStart(2), 3, null, Clock.SYSTEM);
        while (reference.step()) {
            // Three iterations without interference.
        }
        DifferentiableFunction f = new TestFunctions.InflatedCost(TestFunctions.rosenbrock(2),
                reference.evaluations() + 1, Integer.MAX_VALUE);
        Minimization minimization = Minimizer.start(METHOD, f, TestFunctions.rosenbrockStart(2),
                ITERATION_LIMIT, null, Clock.SYSTEM);
        for (int i = 0; i < 3; i++) {
            minimization.step();
        }

        boolean continues = minimization.step();

        assertFalse(continues);
        assertEquals(StopReason.LINE_SEARCH_FAILED, minimization.reason());
        assertEquals(3, minimization.iteration());
        int searchEvaluations = 1 + ConjugateGradient.MAX_EXTRA_EVALUATIONS;
        assertEquals(reference.evaluations() + 2 * searchEvaluations, minimization.evaluations());
        assertArrayEquals(reference.x(), minimization.x(), EXACT);
        assertEquals(reference.cost(), minimization.cost(), EXACT);
    }

    /** A failure of the first search, already along -g, is not repeated. */
    @Test
    void failedFirstSearchIsNotRepeated() {
        DifferentiableFunction f = new TestFunctions.InflatedCost(TestFunctions.rosenbrock(2), 2,
                Integer.MAX_VALUE);
        double[] x0 = TestFunctions.rosenbrockStart(2);
        Minimization minimization = Minimizer.start(METHOD, f, x0, 10, null, Clock.SYSTEM);

        minimization.step();

        assertEquals(StopReason.LINE_SEARCH_FAILED, minimization.reason());
        assertEquals(2 + ConjugateGradient.MAX_EXTRA_EVALUATIONS, minimization.evaluations());
        assertArrayEquals(x0, minimization.x(), EXACT);
    }
}
