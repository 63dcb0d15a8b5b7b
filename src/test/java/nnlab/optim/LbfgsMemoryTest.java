package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsMemoryTest {
    private static final int N = 5;
    private static final double EXACT = 0;
    /** Agreement of the two-loop recursion with the dense BFGS update, both in double. */
    private static final double TOLERANCE = 1e-10;

    private final Random random = new Random(42);
    /** A symmetric positive definite matrix; y = A s gives pairs with positive curvature. */
    private final double[][] a = randomSpdMatrix();

    private double[][] randomSpdMatrix() {
        double[][] m = new double[N][N];
        for (double[] row : m) {
            for (int j = 0; j < N; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] result = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double sum = i == j ? 0.5 : 0;
                for (int k = 0; k < N; k++) {
                    sum += m[k][i] * m[k][j];
                }
                result[i][j] = sum;
            }
        }
        return result;
    }

    private double[] randomVector() {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private double[] timesA(double[] v) {
        double[] result = new double[N];
        for (int i = 0; i < N; i++) {
            result[i] = Vectors.dot(a[i], v);
        }
        return result;
    }

    /** Returns a random step as the (xOld, xNew, gOld, gNew) that offer takes. */
    private double[][] randomStep() {
        double[] xOld = randomVector();
        double[] xNew = randomVector();
        return new double[][] {xOld, xNew, timesA(xOld), timesA(xNew)};
    }

    private static double[] difference(double[] newer, double[] older) {
        double[] result = new double[newer.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = newer[i] - older[i];
        }
        return result;
    }

    /**
     * Returns H v with the dense BFGS update H+ = (I - rho s y') H (I - rho y s') + rho s s',
     * applied from H0 = gamma I over the pairs from oldest to newest.
     */
    private static double[] denseBfgsProduct(List<double[][]> pairs, double[] v) {
        double[] newestS = pairs.get(pairs.size() - 1)[0];
        double[] newestY = pairs.get(pairs.size() - 1)[1];
        double gamma = Vectors.dot(newestS, newestY) / Vectors.dot(newestY, newestY);
        double[][] h = new double[N][N];
        for (int i = 0; i < N; i++) {
            h[i][i] = gamma;
        }
        for (double[][] pair : pairs) {
            h = bfgsUpdate(h, pair[0], pair[1]);
        }
        double[] result = new double[N];
        for (int i = 0; i < N; i++) {
            result[i] = Vectors.dot(h[i], v);
        }
        return result;
    }

    private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y) {
        double rho = 1 / Vectors.dot(s, y);
        double[][] left = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                left[i][j] = (i == j ? 1 : 0) - rho * s[i] * y[j];
            }
        }
        double[][] result = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double sum = rho * s[i] * s[j];
                for (int k = 0; k < N; k++) {
                    for (int l = 0; l < N; l++) {
                        sum += left[i][k] * h[k][l] * left[j][l];
                    }
                }
                result[i][j] = sum;
            }
        }
        return result;
    }

    /** Offers count random steps and returns their (s, y) pairs, oldest first. */
    private List<double[][]> offerSteps(LbfgsMemory memory, int count) {
        List<double[][]> pairs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[][] step = randomStep();
            assertTrue(memory.offer(step[0], step[1], step[2], step[3]));
            pairs.add(new double[][] {difference(step[1], step[0]), difference(step[3], step[2])});
        }
        return pairs;
    }

    private static double[] product(LbfgsMemory memory, double[] v) {
        double[] result = new double[N];
        memory.multiplyInverseHessian(v, result);
        return result;
    }

    @Test
    void emptyMemoryIsIdentity() {
        LbfgsMemory memory = new LbfgsMemory(3, N);
        double[] v = randomVector();

        assertArrayEquals(v, product(memory, v), EXACT);
    }

    @Test
    void productMatchesDenseBfgsUpdate() {
        LbfgsMemory memory = new LbfgsMemory(5, N);
        List<double[][]> pairs = offerSteps(memory, 3);
        double[] v = randomVector();

        assertEquals(3, memory.size());
        assertArrayEquals(denseBfgsProduct(pairs, v), product(memory, v), TOLERANCE);
    }

    @Test
    void fullMemoryUsesNewestPairsOnly() {
        LbfgsMemory memory = new LbfgsMemory(3, N);
        List<double[][]> pairs = offerSteps(memory, 7);
        double[] v = randomVector();

        assertEquals(3, memory.size());
        assertArrayEquals(denseBfgsProduct(pairs.subList(4, 7), v), product(memory, v), TOLERANCE);
    }

    @Test
    void productSatisfiesSecantCondition() {
        LbfgsMemory memory = new LbfgsMemory(4, N);
        List<double[][]> pairs = offerSteps(memory, 6);
        double[][] newest = pairs.get(pairs.size() - 1);

        assertArrayEquals(newest[0], product(memory, newest[1]), TOLERANCE);
    }

    @Test
    void pairWithNegativeCurvatureIsSkipped() {
        LbfgsMemory memory = new LbfgsMemory(2, N);
        offerSteps(memory, 2);
        double[] v = randomVector();
        double[] before = product(memory, v);
        double[][] step = randomStep();
        double[] gradientNew = step[2].clone();
        for (int i = 0; i < N; i++) {
            gradientNew[i] -= step[3][i] - step[2][i];
        }

        boolean stored = memory.offer(step[0], step[1], step[2], gradientNew);

        assertFalse(stored);
        assertEquals(2, memory.size());
        assertArrayEquals(before, product(memory, v), EXACT);
    }

    @Test
    void clearMakesIdentity() {
        LbfgsMemory memory = new LbfgsMemory(3, N);
        offerSteps(memory, 2);
        double[] v = randomVector();

        memory.clear();

        assertEquals(0, memory.size());
        assertArrayEquals(v, product(memory, v), EXACT);
    }

    @Test
    void productDoesNotModifyInput() {
        LbfgsMemory memory = new LbfgsMemory(3, N);
        offerSteps(memory, 3);
        double[] v = randomVector();
        double[] copy = v.clone();

        product(memory, v);

        assertArrayEquals(copy, v, EXACT);
    }
}
