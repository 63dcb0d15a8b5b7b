package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LbfgsTest {
    private static final Method METHOD = Method.LBFGS;
    private static final double EXACT = 0;
    /** Required distance of every coordinate from the Rosenbrock minimizer (1, ..., 1). */
    private static final double ROSENBROCK_TOLERANCE = 1e-5;
    /** Required distance from the quadratic's minimizer; see ConjugateGradientTest. */
    private static final double QUADRATIC_TOLERANCE = 1e-5;
    private static final double UNIT_LENGTH_TOLERANCE = 1e-12;
    private static final int ITERATION_LIMIT = 5000;

    private static Minimization run(Minimization minimization) {
        while (minimization.step()) {
            // Each call runs one iteration.
        }
        return minimization;
    }

    private static Minimization run(DifferentiableFunction f, double[] x0) {
        return run(Minimizer.start(METHOD, f, x0, ITERATION_LIMIT, null, Clock.SYSTEM));
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

    @ParameterizedTest(name = "memory {0}")
    @ValueSource(ints = {1, 3, Minimizer.DEFAULT_LBFGS_MEMORY, 30})
    void chainedRosenbrock10dReachesMinimum(int memory) {
        Minimization result = run(Minimizer.startLbfgs(TestFunctions.chainedRosenbrock(10),
                TestFunctions.rosenbrockStart(10), ITERATION_LIMIT, memory, null, Clock.SYSTEM));

        assertEquals(StopReason.CONVERGED, result.reason());
        assertAllNear(1, result.x(), ROSENBROCK_TOLERANCE);
        assertTrue(result.iteration() <= 500, result.iteration() + " iterations");
    }

    @Test
    void quadraticReachesKnownMinimizer() {
        TestFunctions.Quadratic quadratic = new TestFunctions.Quadratic(10, 11);

        Minimization result = run(quadratic, new double[10]);

        assertEquals(StopReason.CONVERGED, result.reason());
        assertArrayEquals(quadratic.minimizer(), result.x(), QUADRATIC_TOLERANCE);
        assertTrue(result.iteration() <= 50, result.iteration() + " iterations");
    }

    @Test
    void costHistoryNeverIncreases() {
        DifferentiableFunction f = TestFunctions.chainedRosenbrock(10);
        double[] x0 = TestFunctions.rosenbrockStart(10);

        Minimization result = run(f, x0);

        assertNonIncreasing(f.evaluate(x0, new double[10]), result.costHistory());
    }

    @Test
    void firstTrialStepHasUnitLength() {
        TestFunctions.Recording f = new TestFunctions.Recording(TestFunctions.rosenbrock(10));
        double[] x0 = TestFunctions.rosenbrockStart(10);

        Minimizer.start(METHOD, f, x0, 1, null, Clock.SYSTEM).step();

        double[] trial = f.point(1);
        double squaredLength = 0;
        for (int i = 0; i < x0.length; i++) {
            squaredLength += (trial[i] - x0[i]) * (trial[i] - x0[i]);
        }
        assertEquals(1, Math.sqrt(squaredLength), UNIT_LENGTH_TOLERANCE);
    }

    @Test
    void failedLineSearchIsRetriedAlongSteepestDescent() {
        Minimization reference = Minimizer.start(METHOD, TestFunctions.rosenbrock(2),
                TestFunctions.rosenbrockStart(2), 3, null, Clock.SYSTEM);
        run(reference);
        int firstOfSearch = reference.evaluations() + 1;
        int lastOfSearch = firstOfSearch + WolfeLineSearch.MAX_EVALUATIONS - 1;
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
        run(minimization);
        assertEquals(StopReason.CONVERGED, minimization.reason());
        assertAllNear(1, minimization.x(), ROSENBROCK_TOLERANCE);
    }

    @Test
    void failedRetryStopsMinimization() {
        Minimization reference = Minimizer.start(METHOD, TestFunctions.rosenbrock(2),
                TestFunctions.rosenbrockStart(2), 3, null, Clock.SYSTEM);
        run(reference);
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
        assertEquals(reference.evaluations() + 2 * WolfeLineSearch.MAX_EVALUATIONS,
                minimization.evaluations());
        assertArrayEquals(reference.x(), minimization.x(), EXACT);
        assertEquals(reference.cost(), minimization.cost(), EXACT);
    }

    /** A failure of the first search, already along -g with an empty memory, is not repeated. */
    @Test
    void failedFirstSearchIsNotRepeated() {
        DifferentiableFunction f = new TestFunctions.InflatedCost(TestFunctions.rosenbrock(2), 2,
                Integer.MAX_VALUE);
        double[] x0 = TestFunctions.rosenbrockStart(2);
        Minimization minimization = Minimizer.start(METHOD, f, x0, 10, null, Clock.SYSTEM);

        minimization.step();

        assertEquals(StopReason.LINE_SEARCH_FAILED, minimization.reason());
        assertEquals(1 + WolfeLineSearch.MAX_EVALUATIONS, minimization.evaluations());
        assertArrayEquals(x0, minimization.x(), EXACT);
    }
}
