package nnlab.nn;

import nnlab.data.Dataset;

/**
 * The course's checkNNGradients: a 3-5-3 network on m = 5 debug examples, whose backpropagation
 * gradient is compared with central differences
 * (J(theta + eps e_p) - J(theta - eps e_p)) / (2 eps), eps = 1e-4. The relative difference
 * ||numerical - analytic|| / ||numerical + analytic|| is about 1e-11 when backpropagation is right.
 */
public final class GradientCheck {
    /** Layer sizes of the check network, as in the course. */
    public static final int INPUT = 3;
    public static final int HIDDEN = 5;
    public static final int LABELS = 3;
    public static final int EXAMPLES = 5;
    /** Step of the central differences. */
    public static final double EPSILON = 1e-4;

    private final double[] analytic;
    private final double[] numerical;

    private GradientCheck(double[] analytic, double[] numerical) {
        this.analytic = analytic;
        this.numerical = numerical;
    }

    /** Runs the check with regularization lambda (the course uses 0 and 3). */
    public static GradientCheck run(double lambda) {
        NetworkShape shape = NetworkShape.of(INPUT, HIDDEN, LABELS);
        double[] theta = new double[shape.parameterCount()];
        double[] theta1 = WeightInit.debugMatrix(HIDDEN, INPUT + 1);
        double[] theta2 = WeightInit.debugMatrix(LABELS, HIDDEN + 1);
        System.arraycopy(theta1, 0, theta, 0, theta1.length);
        System.arraycopy(theta2, 0, theta, theta1.length, theta2.length);

        // X = debugInitializeWeights(m, input - 1) is m x input, column-major.
        double[] xColumnMajor = WeightInit.debugMatrix(EXAMPLES, INPUT);
        double[] x = new double[EXAMPLES * INPUT];
        int[] y = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < INPUT; j++) {
                x[i * INPUT + j] = xColumnMajor[j * EXAMPLES + i];
            }
            y[i] = 1 + (i + 1) % LABELS;
        }
        CostFunction cost = new CostFunction(shape, new Dataset(x, y, EXAMPLES, INPUT, LABELS),
                lambda, false);

        double[] analytic = new double[theta.length];
        cost.costAndGradient(theta, analytic);
        double[] numerical = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double saved = theta[p];
            theta[p] = saved + EPSILON;
            double plus = cost.cost(theta);
            theta[p] = saved - EPSILON;
            double minus = cost.cost(theta);
            theta[p] = saved;
            numerical[p] = (plus - minus) / (2 * EPSILON);
        }
        return new GradientCheck(analytic, numerical);
    }

    /** Backpropagation's gradient, one entry per parameter (38). A copy. */
    public double[] analytic() {
        return analytic.clone();
    }

    /** The central-difference gradient. A copy. */
    public double[] numerical() {
        return numerical.clone();
    }

    /** Returns ||numerical - analytic|| / ||numerical + analytic||, Euclidean norms. */
    public double relativeDifference() {
        double difference = 0;
        double sum = 0;
        for (int p = 0; p < analytic.length; p++) {
            double d = numerical[p] - analytic[p];
            double s = numerical[p] + analytic[p];
            difference += d * d;
            sum += s * s;
        }
        return Math.sqrt(difference) / Math.sqrt(sum);
    }
}
