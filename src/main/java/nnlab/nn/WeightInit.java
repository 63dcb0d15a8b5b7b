package nnlab.nn;

import java.util.Random;

/** The two initializations of the course: random symmetry breaking and the debug weights. */
public final class WeightInit {
    /** The course's epsilon_init for randInitializeWeights. */
    public static final double DEFAULT_EPSILON = 0.12;

    private WeightInit() {
    }

    /**
     * Returns an unrolled parameter vector with every weight, bias weights included, drawn
     * uniformly from [-epsilon, epsilon) by {@code new Random(seed).nextDouble()} in the
     * unrolled order. Equal weights would give every hidden unit the same gradient, so they
     * would stay equal forever; random values break that symmetry.
     */
    public static double[] random(NetworkShape shape, double epsilon, long seed) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number > 0, found "
                    + epsilon);
        }
        Random random = new Random(seed);
        double[] theta = new double[shape.parameterCount()];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = (random.nextDouble() * 2.0 - 1.0) * epsilon;
        }
        return theta;
    }

    /**
     * Returns the course's debugInitializeWeights(rows, cols - 1): a rows x cols matrix W with
     * W(:) = sin(1 : rows*cols) / 10, column-major. Deterministic, so gradient checks repeat.
     */
    public static double[] debugMatrix(int rows, int cols) {
        double[] w = new double[rows * cols];
        for (int p = 0; p < w.length; p++) {
            w[p] = Math.sin(p + 1) / 10.0;
        }
        return w;
    }
}
