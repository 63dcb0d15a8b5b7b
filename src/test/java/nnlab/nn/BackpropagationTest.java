package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import nnlab.TestData;
import nnlab.data.Dataset;
import org.junit.jupiter.api.Test;

class BackpropagationTest {
    /** Both implementations sum the same terms in different orders. */
    private static final double SAME_SUMS = 1e-12;

    @Test
    void vectorizedEqualsPerExampleOnDigits() {
        Dataset digits = TestData.digits();
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        assertImplementationsAgree(shape, digits, WeightInit.random(shape, 0.12, 5), 1);
    }

    @Test
    void vectorizedEqualsPerExampleWithTwoHiddenLayers() {
        Random random = new Random(11);
        int m = 40;
        int n = 9;
        double[] x = new double[m * n];
        int[] y = new int[m];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.5 ? 0 : random.nextDouble();
        }
        for (int i = 0; i < m; i++) {
            y[i] = 1 + i % 3;
        }
        NetworkShape shape = NetworkShape.of(n, 6, 4, 3);
        assertImplementationsAgree(shape, new Dataset(x, y, m, n, 3),
                WeightInit.random(shape, 1.0, 2), 3);
    }

    @Test
    void rangesAddUpToWholeSet() {
        Dataset digits = TestData.digits();
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        double[] theta = WeightInit.random(shape, 0.12, 9);
        double[] whole = new double[theta.length];
        double wholeCost = new Backpropagation(shape, digits, 0, 5000, true)
                .accumulate(theta, whole);
        double[] parts = new double[theta.length];
        double partCost = new Backpropagation(shape, digits, 0, 2500, true)
                .accumulate(theta, parts)
                + new Backpropagation(shape, digits, 2500, 5000, true).accumulate(theta, parts);
        assertEquals(wholeCost, partCost, SAME_SUMS * wholeCost);
        for (int p = 0; p < theta.length; p++) {
            assertEquals(whole[p], parts[p], SAME_SUMS * Math.max(1, Math.abs(whole[p])),
                    "parameter " + p);
        }
    }

    private static void assertImplementationsAgree(NetworkShape shape, Dataset data,
            double[] theta, double lambda) {
        double[] fast = new double[theta.length];
        double[] reference = new double[theta.length];
        double fastCost = new CostFunction(shape, data, lambda, true).costAndGradient(theta, fast);
        double referenceCost = PerExampleBackpropagation.costAndGradient(shape, data, lambda,
                theta, reference);
        assertEquals(referenceCost, fastCost, SAME_SUMS);
        for (int p = 0; p < theta.length; p++) {
            assertEquals(reference[p], fast[p], SAME_SUMS, "parameter " + p);
        }
    }
}
