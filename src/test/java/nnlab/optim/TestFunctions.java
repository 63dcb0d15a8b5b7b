package nnlab.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test problems with known minimizers, and wrappers that count or break evaluations. */
final class TestFunctions {

    private TestFunctions() {
    }

    /**
     * The extended Rosenbrock function of Moré, Garbow and Hillstrom (1981), for even n:
     * sum over pairs (x_{2i-1}, x_{2i}) of 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2.
     * Its minimum is 0 at (1, ..., 1).
     */
    static DifferentiableFunction rosenbrock(int n) {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                double value = 0;
                for (int i = 0; i < n; i += 2) {
                    double valley = x[i + 1] - x[i] * x[i];
                    double offset = 1 - x[i];
                    value += 100 * valley * valley + offset * offset;
                    gradient[i] = -400 * x[i] * valley - 2 * offset;
                    gradient[i + 1] = 200 * valley;
                }
                return value;
            }
        };
    }

    /** The standard start point of the extended Rosenbrock function: (-1.2, 1, -1.2, 1, ...). */
    static double[] rosenbrockStart(int n) {
        double[] x0 = new double[n];
        for (int i = 0; i < n; i += 2) {
            x0[i] = -1.2;
            x0[i + 1] = 1;
        }
        return x0;
    }

    /**
     * The chained Rosenbrock function, sum for i < n-1 of 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2,
     * whose terms couple neighbouring coordinates. Its global minimum is 0 at (1, ..., 1).
     */
    static DifferentiableFunction chainedRosenbrock(int n) {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                Arrays.fill(gradient, 0);
                double value = 0;
                for (int i = 0; i < n - 1; i++) {
                    double valley = x[i + 1] - x[i] * x[i];
                    double offset = 1 - x[i];
                    value += 100 * valley * valley + offset * offset;
                    gradient[i] += -400 * x[i] * valley - 2 * offset;
                    gradient[i + 1] += 200 * valley;
                }
                return value;
            }
        };
    }

    /**
     * A convex quadratic f(x) = 1/2 x'Ax - b'x with A = M'M + I (M random n x n, so A is
     * symmetric positive definite) and b = A xStar, so that its minimizer is xStar.
     */
    static final class Quadratic implements DifferentiableFunction {
        private final double[][] a;
        private final double[] b;
        private final double[] xStar;

        Quadratic(int n, long seed) {
            Random random = new Random(seed);
            double[][] m = new double[n][n];
            for (double[] row : m) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = i == j ? 1 : 0;
                    for (int k = 0; k < n; k++) {
                        sum += m[k][i] * m[k][j];
                    }
                    a[i][j] = sum;
                }
            }
            xStar = new double[n];
            for (int i = 0; i < n; i++) {
                xStar[i] = random.nextGaussian();
            }
            b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = Vectors.dot(a[i], xStar);
            }
        }

        double[] minimizer() {
            return xStar.clone();
        }

        /** Returns the minimum value, -1/2 b'xStar. */
        double minimum() {
            return -0.5 * Vectors.dot(b, xStar);
        }

        @Override
        public int dimension() {
            return b.length;
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            double value = 0;
            for (int i = 0; i < b.length; i++) {
                gradient[i] = Vectors.dot(a[i], x) - b[i];
                value += x[i] * (0.5 * (gradient[i] - b[i]));
            }
            return value;
        }
    }

    /** Counts the evaluations of a function and forwards them unchanged. */
    static final class Counting implements DifferentiableFunction {
        private final DifferentiableFunction inner;
        private int count;

        Counting(DifferentiableFunction inner) {
            this.inner = inner;
        }

        int count() {
            return count;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            count++;
            return inner.evaluate(x, gradient);
        }
    }

    /** Records a copy of every point at which the function is evaluated. */
    static final class Recording implements DifferentiableFunction {
        private final DifferentiableFunction inner;
        private final List<double[]> points = new ArrayList<>();

        Recording(DifferentiableFunction inner) {
            this.inner = inner;
        }

        /** Returns the point of evaluation number index, counting from 0. */
        double[] point(int index) {
            return points.get(index);
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            points.add(x.clone());
            return inner.evaluate(x, gradient);
        }
    }

    /** Advances a fake clock by a fixed time per evaluation, as a costly function would. */
    static final class Slow implements DifferentiableFunction {
        private final DifferentiableFunction inner;
        private final FakeClock clock;
        private final double millisPerEvaluation;

        Slow(DifferentiableFunction inner, FakeClock clock, double millisPerEvaluation) {
            this.inner = inner;
            this.clock = clock;
            this.millisPerEvaluation = millisPerEvaluation;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            clock.advance(millisPerEvaluation);
            return inner.evaluate(x, gradient);
        }
    }

    /**
     * Forwards evaluations but adds {@link #PENALTY} to the cost of evaluations number first to
     * last (counting from 1), so that a line search whose evaluations all fall in that range finds
     * no decrease. The cost stays finite, so the minimization does not stop with NOT_FINITE.
     */
    static final class InflatedCost implements DifferentiableFunction {
        static final double PENALTY = 1e10;
        private final DifferentiableFunction inner;
        private final int first;
        private final int last;
        private int count;

        InflatedCost(DifferentiableFunction inner, int first, int last) {
            this.inner = inner;
            this.first = first;
            this.last = last;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            count++;
            double value = inner.evaluate(x, gradient);
            return count >= first && count <= last ? value + PENALTY : value;
        }
    }

    /** Forwards evaluations but sets gradient entry 0 to +infinity from evaluation k on. */
    static final class InfiniteGradientAfter implements DifferentiableFunction {
        private final DifferentiableFunction inner;
        private final int failingEvaluation;
        private int count;

        InfiniteGradientAfter(DifferentiableFunction inner, int failingEvaluation) {
            this.inner = inner;
            this.failingEvaluation = failingEvaluation;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            count++;
            double value = inner.evaluate(x, gradient);
            if (count >= failingEvaluation) {
                gradient[0] = Double.POSITIVE_INFINITY;
            }
            return value;
        }
    }

    /** Forwards evaluations but returns a NaN cost from evaluation number failingEvaluation on. */
    static final class NanAfter implements DifferentiableFunction {
        private final DifferentiableFunction inner;
        private final int failingEvaluation;
        private int count;

        NanAfter(DifferentiableFunction inner, int failingEvaluation) {
            this.inner = inner;
            this.failingEvaluation = failingEvaluation;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] gradient) {
            count++;
            double value = inner.evaluate(x, gradient);
            return count >= failingEvaluation ? Double.NaN : value;
        }
    }
}
