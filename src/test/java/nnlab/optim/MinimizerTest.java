package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour that both methods share: counting, limits, stopping, timing and failures. */
class MinimizerTest {
    private static final double EXACT = 0;
    private static final int DIMENSION = 10;
    private static final double MILLIS_PER_EVALUATION = 50;

    private static Minimization startOnRosenbrock(Method method, DifferentiableFunction f,
            int maxIterations, IterationListener listener, Clock clock) {
        return Minimizer.start(method, f, TestFunctions.rosenbrockStart(DIMENSION), maxIterations,
                listener, clock);
    }

    private static Minimization startOnRosenbrock(Method method, int maxIterations) {
        return startOnRosenbrock(method, TestFunctions.rosenbrock(DIMENSION), maxIterations,
                null, Clock.SYSTEM);
    }

    private static void stepUntilFinished(Minimization minimization) {
        while (minimization.step()) {
            // Each call runs one iteration.
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void evaluationsMatchCountingFunction(Method method) {
        TestFunctions.Counting f = new TestFunctions.Counting(TestFunctions.rosenbrock(DIMENSION));
        List<String> mismatches = new ArrayList<>();
        IterationListener listener = report -> {
            if (report.evaluations() != f.count()) {
                mismatches.add(report.iteration() + ": reported " + report.evaluations()
                        + ", counted " + f.count());
            }
        };
        Minimization minimization = startOnRosenbrock(method, f, 30, listener, Clock.SYSTEM);
        assertEquals(1, minimization.evaluations());

        stepUntilFinished(minimization);

        assertEquals(f.count(), minimization.evaluations());
        assertEquals(List.of(), mismatches);
        assertTrue(minimization.evaluations() > minimization.iteration());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void maxIterationsIsHonouredExactly(Method method) {
        Minimization minimization = startOnRosenbrock(method, 7);
        int stepsReturningTrue = 0;
        while (minimization.step()) {
            stepsReturningTrue++;
        }

        assertEquals(StopReason.MAX_ITERATIONS, minimization.reason());
        assertEquals(7, minimization.iteration());
        assertEquals(7, minimization.costHistory().length);
        assertEquals(6, stepsReturningTrue);
        assertEquals(minimization.costHistory()[6], minimization.cost(), EXACT);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void zeroMaxIterationsFinishesAtStart(Method method) {
        Minimization minimization = startOnRosenbrock(method, 0);

        assertTrue(minimization.isFinished());
        assertEquals(StopReason.MAX_ITERATIONS, minimization.reason());
        assertFalse(minimization.step());
        assertEquals(1, minimization.evaluations());
        assertArrayEquals(TestFunctions.rosenbrockStart(DIMENSION), minimization.x(), EXACT);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void requestStopEndsWithStoppedByUser(Method method) {
        Minimization minimization = startOnRosenbrock(method, 100);
        assertTrue(minimization.step());
        assertTrue(minimization.step());
        int evaluations = minimization.evaluations();

        minimization.requestStop();

        assertFalse(minimization.isFinished());
        assertFalse(minimization.step());
        assertEquals(StopReason.STOPPED_BY_USER, minimization.reason());
        assertFalse(minimization.step());
        assertEquals(2, minimization.iteration());
        assertEquals(evaluations, minimization.evaluations());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void requestStopAfterFinishKeepsReason(Method method) {
        Minimization minimization = startOnRosenbrock(method, 1);
        stepUntilFinished(minimization);

        minimization.requestStop();

        assertEquals(StopReason.MAX_ITERATIONS, minimization.reason());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void extendIterationsContinuesAndLowersCost(Method method) {
        Minimization minimization = startOnRosenbrock(method, 5);
        stepUntilFinished(minimization);
        double[] firstHistory = minimization.costHistory();

        minimization.extendIterations(10);
        assertNull(minimization.reason());
        stepUntilFinished(minimization);

        assertEquals(StopReason.MAX_ITERATIONS, minimization.reason());
        assertEquals(15, minimization.iteration());
        double[] history = minimization.costHistory();
        assertEquals(15, history.length);
        for (int i = 0; i < firstHistory.length; i++) {
            assertEquals(firstHistory[i], history[i], EXACT);
        }
        assertTrue(minimization.cost() < firstHistory[4],
                minimization.cost() + " should be below " + firstHistory[4]);
    }

    /** Pausing and extending must leave the search state as it was: same points bit for bit. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void extendedRunMatchesUninterruptedRun(Method method) {
        Minimization paused = startOnRosenbrock(method, 5);
        stepUntilFinished(paused);
        paused.extendIterations(10);
        stepUntilFinished(paused);
        Minimization uninterrupted = startOnRosenbrock(method, 15);
        stepUntilFinished(uninterrupted);

        assertArrayEquals(uninterrupted.x(), paused.x(), EXACT);
        assertArrayEquals(uninterrupted.costHistory(), paused.costHistory(), EXACT);
        assertEquals(uninterrupted.evaluations(), paused.evaluations());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void extendAfterStopCountsFromCurrentIteration(Method method) {
        Minimization minimization = startOnRosenbrock(method, 100);
        minimization.step();
        minimization.step();
        minimization.requestStop();
        minimization.step();

        minimization.extendIterations(3);
        stepUntilFinished(minimization);

        assertEquals(StopReason.MAX_ITERATIONS, minimization.reason());
        assertEquals(5, minimization.iteration());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void extendClearsPendingStopRequest(Method method) {
        Minimization minimization = startOnRosenbrock(method, 10);
        minimization.requestStop();

        minimization.extendIterations(2);

        assertTrue(minimization.step());
        assertEquals(1, minimization.iteration());
    }

    @Test
    void extendRejectsNegativeCount() {
        Minimization minimization = startOnRosenbrock(Method.LBFGS, 1);

        assertThrows(IllegalArgumentException.class, () -> minimization.extendIterations(-1));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nanAfterSomeEvaluationsEndsWithNotFinite(Method method) {
        int failingEvaluation = 25;
        DifferentiableFunction f = new TestFunctions.NanAfter(
                TestFunctions.rosenbrock(DIMENSION), failingEvaluation);
        Minimization minimization = startOnRosenbrock(method, f, 1000, null, Clock.SYSTEM);
        double[] lastAccepted = minimization.x();
        while (minimization.step()) {
            lastAccepted = minimization.x();
        }

        assertEquals(StopReason.NOT_FINITE, minimization.reason());
        assertEquals(failingEvaluation, minimization.evaluations());
        double[] x = minimization.x();
        assertTrue(Vectors.allFinite(x));
        assertArrayEquals(lastAccepted, x, EXACT);
        assertTrue(Double.isFinite(minimization.cost()));
        double[] history = minimization.costHistory();
        assertEquals(history[history.length - 1], minimization.cost(), EXACT);
        assertFalse(minimization.step());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void infiniteGradientEndsWithNotFinite(Method method) {
        DifferentiableFunction f = new TestFunctions.InfiniteGradientAfter(
                TestFunctions.rosenbrock(DIMENSION), 10);
        Minimization minimization = startOnRosenbrock(method, f, 1000, null, Clock.SYSTEM);
        stepUntilFinished(minimization);

        assertEquals(StopReason.NOT_FINITE, minimization.reason());
        assertTrue(Vectors.allFinite(minimization.x()));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nanAtStartFinishesImmediately(Method method) {
        DifferentiableFunction f = new TestFunctions.NanAfter(TestFunctions.rosenbrock(2), 1);
        double[] x0 = TestFunctions.rosenbrockStart(2);

        Minimization minimization = Minimizer.start(method, f, x0, 10, null, Clock.SYSTEM);

        assertEquals(StopReason.NOT_FINITE, minimization.reason());
        assertArrayEquals(x0, minimization.x(), EXACT);
        assertFalse(minimization.step());
        assertThrows(IllegalStateException.class, () -> minimization.extendIterations(5));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void stationaryStartConvergesWithoutIterating(Method method) {
        double[] ones = {1, 1};

        Minimization minimization =
                Minimizer.start(method, TestFunctions.rosenbrock(2), ones, 10, null, Clock.SYSTEM);

        assertEquals(StopReason.CONVERGED, minimization.reason());
        assertEquals(0, minimization.iteration());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void listenerReceivesOneReportPerIteration(Method method) {
        FakeClock clock = new FakeClock();
        DifferentiableFunction f = new TestFunctions.Slow(
                TestFunctions.rosenbrock(DIMENSION), clock, MILLIS_PER_EVALUATION);
        List<IterationReport> reports = new ArrayList<>();
        Minimization minimization = startOnRosenbrock(method, f, 20, reports::add, clock);

        stepUntilFinished(minimization);

        double[] history = minimization.costHistory();
        assertEquals(history.length, reports.size());
        double previousElapsed = 0;
        for (int i = 0; i < reports.size(); i++) {
            IterationReport report = reports.get(i);
            assertEquals(i + 1, report.iteration());
            assertEquals(history[i], report.cost(), EXACT);
            assertTrue(report.elapsedMillis() > previousElapsed, "elapsed time must increase");
            assertEquals(MILLIS_PER_EVALUATION * report.evaluations(), report.elapsedMillis(),
                    EXACT);
            previousElapsed = report.elapsedMillis();
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void elapsedTimeExcludesPausesBetweenSteps(Method method) {
        FakeClock clock = new FakeClock();
        DifferentiableFunction f = new TestFunctions.Slow(
                TestFunctions.rosenbrock(DIMENSION), clock, MILLIS_PER_EVALUATION);
        Minimization minimization = startOnRosenbrock(method, f, 3, null, clock);

        while (minimization.step()) {
            clock.advance(1000);
        }

        assertEquals(MILLIS_PER_EVALUATION * minimization.evaluations(),
                minimization.elapsedMillis(), EXACT);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void minimizeReturnsFinalState(Method method) {
        TestFunctions.Counting f = new TestFunctions.Counting(TestFunctions.rosenbrock(2));
        double[] x0 = TestFunctions.rosenbrockStart(2);

        OptimizationResult result = Minimizer.minimize(method, f, x0, 12, null);

        assertEquals(StopReason.MAX_ITERATIONS, result.reason());
        assertEquals(12, result.iterations());
        assertEquals(12, result.costHistory().length);
        assertEquals(f.count(), result.evaluations());
        assertEquals(result.costHistory()[11], result.cost(), EXACT);
        double[] gradient = new double[2];
        assertEquals(TestFunctions.rosenbrock(2).evaluate(result.x(), gradient), result.cost(),
                EXACT);
        assertTrue(result.elapsedMillis() >= 0);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void startPointIsNotModified(Method method) {
        double[] x0 = TestFunctions.rosenbrockStart(DIMENSION);

        Minimizer.minimize(method, TestFunctions.rosenbrock(DIMENSION), x0, 5, null);

        assertArrayEquals(TestFunctions.rosenbrockStart(DIMENSION), x0, EXACT);
    }

    @Test
    void xReturnsCopy() {
        Minimization minimization = startOnRosenbrock(Method.CONJUGATE_GRADIENT, 5);

        minimization.x()[0] = 42;

        assertEquals(-1.2, minimization.x()[0], EXACT);
    }

    @Test
    void startRejectsWrongStartLength() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Minimizer.start(Method.LBFGS, TestFunctions.rosenbrock(4), new double[3], 5,
                        null, Clock.SYSTEM));
        assertTrue(error.getMessage().contains("length 3"), error.getMessage());
        assertTrue(error.getMessage().contains("dimension() is 4"), error.getMessage());
    }

    @Test
    void startRejectsNegativeMaxIterations() {
        assertThrows(IllegalArgumentException.class,
                () -> startOnRosenbrock(Method.CONJUGATE_GRADIENT, -1));
    }

    @Test
    void startLbfgsRejectsZeroMemory() {
        assertThrows(IllegalArgumentException.class,
                () -> Minimizer.startLbfgs(TestFunctions.rosenbrock(2),
                        TestFunctions.rosenbrockStart(2), 5, 0, null, Clock.SYSTEM));
    }
}
