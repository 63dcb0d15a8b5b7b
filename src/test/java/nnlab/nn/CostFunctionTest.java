package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import nnlab.TestData;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import org.junit.jupiter.api.Test;

class CostFunctionTest {
    /** The course values are published to 6 decimals. */
    private static final double COURSE_DIGITS = 1e-6;
    private static final double SAME_SUMS = 1e-12;

    @Test
    void costWithPretrainedWeightsWithoutRegularization() {
        Weights weights = TestData.ex4Weights();
        CostFunction cost = new CostFunction(weights.shape(), TestData.digits(), 0, true);
        assertEquals(0.290845, cost.cost(weights.theta()), COURSE_DIGITS);
    }

    @Test
    void costWithPretrainedWeightsAtLambdaOne() {
        Weights weights = TestData.ex4Weights();
        CostFunction cost = new CostFunction(weights.shape(), TestData.digits(), 1, true);
        assertEquals(0.386986, cost.cost(weights.theta()), COURSE_DIGITS);
    }

    @Test
    void regularizationTermMatchesCourseDifference() {
        Weights weights = TestData.ex4Weights();
        double term = CostFunction.regularizationTerm(weights.shape(), weights.theta(), 1, 5000);
        assertEquals(0.383770 - 0.287629, term, COURSE_DIGITS);
    }

    @Test
    void costAndGradientReturnsSameCostAsCost() {
        Weights weights = TestData.ex4Weights();
        CostFunction cost = new CostFunction(weights.shape(), TestData.digits(), 1, true);
        double[] gradient = new double[weights.shape().parameterCount()];
        assertEquals(cost.cost(weights.theta()), cost.costAndGradient(weights.theta(), gradient),
                SAME_SUMS);
    }

    @Test
    void sparseAndDenseInputAgreeOnDigits() {
        Weights weights = TestData.ex4Weights();
        assertPathsAgree(weights.shape(), TestData.digits(), weights.theta(), 1);
    }

    @Test
    void sparseAndDenseInputAgreeOnRandomDenseData() {
        Random random = new Random(7);
        int m = 60;
        int n = 16;
        double[] x = new double[m * n];
        int[] y = new int[m];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int i = 0; i < m; i++) {
            y[i] = 1 + (int) (random.nextDouble() * 4);
        }
        NetworkShape shape = NetworkShape.of(n, 7, 4);
        assertPathsAgree(shape, new Dataset(x, y, m, n, 4), WeightInit.random(shape, 0.5, 3), 2);
    }

    @Test
    void costStaysFiniteWithHugeWeights() {
        NetworkShape shape = NetworkShape.of(2, 2, 2);
        double[] theta = new double[shape.parameterCount()];
        java.util.Arrays.fill(theta, 1e6);
        Dataset data = new Dataset(new double[] {1, 1, 1, 1}, new int[] {1, 2}, 2, 2, 2);
        double[] gradient = new double[theta.length];
        double j = new CostFunction(shape, data, 0, true).costAndGradient(theta, gradient);
        assertTrue(Double.isFinite(j), "J = " + j);
        for (double g : gradient) {
            assertTrue(Double.isFinite(g), "gradient entry " + g);
        }
    }

    @Test
    void rejectsNegativeLambda() {
        NetworkShape shape = NetworkShape.of(2, 2, 2);
        Dataset data = new Dataset(new double[] {1, 1, 1, 1}, new int[] {1, 2}, 2, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CostFunction(shape, data, -1, true));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }

    @Test
    void rejectsShapeThatDoesNotFitData() {
        NetworkShape shape = NetworkShape.of(3, 2, 2);
        Dataset data = new Dataset(new double[] {1, 1, 1, 1}, new int[] {1, 2}, 2, 2, 2);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> new CostFunction(shape, data, 0, true));
        assertTrue(e.getMessage().contains("(2), found 3"), e.getMessage());
    }

    private static void assertPathsAgree(NetworkShape shape, Dataset data, double[] theta,
            double lambda) {
        double[] sparseGradient = new double[theta.length];
        double[] denseGradient = new double[theta.length];
        double sparse = new CostFunction(shape, data, lambda, true)
                .costAndGradient(theta, sparseGradient);
        double dense = new CostFunction(shape, data, lambda, false)
                .costAndGradient(theta, denseGradient);
        assertEquals(dense, sparse, SAME_SUMS * Math.abs(dense));
        for (int p = 0; p < theta.length; p++) {
            assertEquals(denseGradient[p], sparseGradient[p],
                    SAME_SUMS * Math.max(Math.abs(denseGradient[p]), 1e-300), "parameter " + p);
        }
    }
}
