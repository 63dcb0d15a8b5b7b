package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WolfeLineSearchTest {
    private static final double EXACT = 0;

    /** A function of one variable with its derivative, searched from 0 in direction +1. */
    private static DifferentiableFunction line(DoubleUnaryOperator value,
            DoubleUnaryOperator slope) {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                gradient[0] = slope.applyAsDouble(x[0]);
                return value.applyAsDouble(x[0]);
            }
        };
    }

    /**
     * phi(t) = -t / (t^2 + 2), test function 1 of Moré and Thuente, "Line search algorithms with
     * guaranteed sufficient decrease", ACM TOMS 20 (1994), tried there from the same four steps.
     */
    private static DifferentiableFunction moreThuente1() {
        return line(t -> -t / (t * t + 2), t -> (t * t - 2) / ((t * t + 2) * (t * t + 2)));
    }

    /** phi(t) = (t - 10)^2, whose minimizer is far beyond a small first step. */
    private static DifferentiableFunction farParabola() {
        return line(t -> (t - 10) * (t - 10), t -> 2 * (t - 10));
    }

    /** phi(t) = (t - 0.5)^4 - t / 100, flat near its minimizer. */
    private static DifferentiableFunction quartic() {
        return line(t -> Math.pow(t - 0.5, 4) - t / 100, t -> 4 * Math.pow(t - 0.5, 3) - 0.01);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("Moré-Thuente 1", moreThuente1(), 1e-3),
                Arguments.of("Moré-Thuente 1", moreThuente1(), 1e-1),
                Arguments.of("Moré-Thuente 1", moreThuente1(), 10.0),
                Arguments.of("Moré-Thuente 1", moreThuente1(), 1e3),
                Arguments.of("far parabola", farParabola(), 1e-3),
                Arguments.of("far parabola", farParabola(), 1.0),
                Arguments.of("far parabola", farParabola(), 1e3),
                Arguments.of("quartic", quartic(), 1e-2),
                Arguments.of("quartic", quartic(), 1.0),
                Arguments.of("quartic", quartic(), 1e2));
    }

    @ParameterizedTest(name = "{0} from step {2}")
    @MethodSource("problems")
    void searchSatisfiesStrongWolfeConditions(String name, DifferentiableFunction f,
            double initialStep) {
        double[] gradient0 = new double[1];
        double cost0 = f.evaluate(new double[] {0}, gradient0);
        WolfeLineSearch search = new WolfeLineSearch(f);

        LineSearchOutcome outcome =
                search.search(new double[] {0}, cost0, gradient0[0], new double[] {1}, initialStep);

        assertEquals(LineSearchOutcome.WOLFE_SATISFIED, outcome);
        double step = search.bestStep();
        double[] gradient = new double[1];
        double cost = f.evaluate(new double[] {step}, gradient);
        assertTrue(cost <= cost0 + WolfeLineSearch.SUFFICIENT_DECREASE * step * gradient0[0],
                "sufficient decrease at step " + step);
        assertTrue(Math.abs(gradient[0]) <= -WolfeLineSearch.CURVATURE * gradient0[0],
                "curvature condition at step " + step);
        assertEquals(cost, search.bestCost(), EXACT);
        assertArrayEquals(new double[] {step}, search.bestPoint(), EXACT);
        assertArrayEquals(gradient, search.bestGradient(), EXACT);
    }

    @Test
    void unboundedLineEndsWithSufficientDecreaseOnly() {
        DifferentiableFunction f = line(t -> -t, t -> -1);
        WolfeLineSearch search = new WolfeLineSearch(f);

        LineSearchOutcome outcome = search.search(new double[] {0}, 0, -1, new double[] {1}, 1);

        assertEquals(LineSearchOutcome.SUFFICIENT_DECREASE_ONLY, outcome);
        assertTrue(search.bestStep() > 1, "best step " + search.bestStep());
        assertEquals(-search.bestStep(), search.bestCost(), EXACT);
    }

    @Test
    void ascentDirectionFindsNoAcceptableStep() {
        // The slope passed in claims descent, but f rises along the direction.
        DifferentiableFunction f = line(t -> t, t -> 1);
        WolfeLineSearch search = new WolfeLineSearch(f);

        LineSearchOutcome outcome = search.search(new double[] {0}, 0, -1, new double[] {1}, 1);

        assertEquals(LineSearchOutcome.NO_ACCEPTABLE_STEP, outcome);
        assertEquals(0, search.bestStep(), EXACT);
    }

    @Test
    void nanValueEndsWithNotFinite() {
        DifferentiableFunction f = line(t -> t > 5 ? Double.NaN : -t, t -> -1);
        WolfeLineSearch search = new WolfeLineSearch(f);

        LineSearchOutcome outcome = search.search(new double[] {0}, 0, -1, new double[] {1}, 10);

        assertEquals(LineSearchOutcome.NOT_FINITE, outcome);
    }

    @Test
    void searchUsesAtMostMaxEvaluations() {
        TestFunctions.Counting f = new TestFunctions.Counting(line(t -> -t, t -> -1));
        WolfeLineSearch search = new WolfeLineSearch(f);

        search.search(new double[] {0}, 0, -1, new double[] {1}, 1);

        assertEquals(WolfeLineSearch.MAX_EVALUATIONS, f.count());
    }

    @Test
    void searchDoesNotModifyPointOrDirection() {
        double[] point = {0.25};
        double[] direction = {2};
        DifferentiableFunction f = farParabola();
        double[] gradient = new double[1];
        double cost = f.evaluate(point, gradient);
        WolfeLineSearch search = new WolfeLineSearch(f);

        search.search(point, cost, gradient[0] * direction[0], direction, 1);

        assertArrayEquals(new double[] {0.25}, point, EXACT);
        assertArrayEquals(new double[] {2}, direction, EXACT);
    }
}
