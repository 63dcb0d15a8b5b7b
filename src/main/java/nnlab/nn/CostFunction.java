package nnlab.nn;

import nnlab.data.Dataset;

/**
 * The regularized cross-entropy cost of the course and its gradient:
 *
 * <pre>
 * J(Theta) = (1/m) sum_i sum_k [-y_ik log h_k(x_i) - (1 - y_ik) log(1 - h_k(x_i))]
 *          + (lambda / (2m)) sum_l sum_{k, j >= 1} Theta_l(k, j)^2
 * </pre>
 *
 * The bias column j = 0 of each Theta is not regularized, because penalizing it would pull every
 * unit's offset toward 0 without reducing overfitting. The gradient is the backpropagation sum
 * divided by m plus (lambda / m) Theta_l(k, j) for j >= 1.
 */
public final class CostFunction {
    private final NetworkShape shape;
    private final Dataset data;
    private final double lambda;
    private final Backpropagation pass;

    /**
     * Prepares J for one data set and one lambda.
     *
     * @param sparseInput true to read X through its sparse rows (faster on the digits, same result)
     */
    public CostFunction(NetworkShape shape, Dataset data, double lambda, boolean sparseInput) {
        checkLambda(lambda);
        this.shape = shape;
        this.data = data;
        this.lambda = lambda;
        this.pass = new Backpropagation(shape, data, 0, data.m(), sparseInput);
    }

    /** Throws when lambda is negative, NaN or infinite. */
    public static void checkLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, found "
                    + lambda);
        }
    }

    public NetworkShape shape() {
        return shape;
    }

    public Dataset data() {
        return data;
    }

    public double lambda() {
        return lambda;
    }

    /** Returns J(theta) without computing the gradient. {@code theta} is not modified. */
    public double cost(double[] theta) {
        return pass.accumulate(theta, null) / data.m()
                + regularizationTerm(shape, theta, lambda, data.m());
    }

    /**
     * Returns J(theta) and writes its gradient into {@code gradient} (overwritten, length
     * {@link NetworkShape#parameterCount()}). {@code theta} is not modified.
     */
    public double costAndGradient(double[] theta, double[] gradient) {
        java.util.Arrays.fill(gradient, 0.0);
        double sum = pass.accumulate(theta, gradient);
        return finish(shape, theta, lambda, data.m(), sum, gradient);
    }

    /**
     * Turns summed cost and gradient over all m examples into J and its gradient: divides by m
     * and adds the regularization. {@code gradient} is modified in place.
     */
    public static double finish(NetworkShape shape, double[] theta, double lambda, int m,
            double costSum, double[] gradient) {
        double inverseM = 1.0 / m;
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] *= inverseM;
        }
        if (lambda != 0) {
            double factor = lambda / m;
            for (int t = 0; t < shape.thetaCount(); t++) {
                int start = shape.offset(t) + shape.thetaRows(t);
                int end = shape.offset(t + 1);
                for (int p = start; p < end; p++) {
                    gradient[p] += factor * theta[p];
                }
            }
        }
        return costSum / m + regularizationTerm(shape, theta, lambda, m);
    }

    /** Returns (lambda / (2m)) times the sum of squares of every non-bias weight. */
    public static double regularizationTerm(NetworkShape shape, double[] theta, double lambda,
            int m) {
        if (lambda == 0) {
            return 0;
        }
        double squares = 0;
        for (int t = 0; t < shape.thetaCount(); t++) {
            int start = shape.offset(t) + shape.thetaRows(t);
            int end = shape.offset(t + 1);
            for (int p = start; p < end; p++) {
                squares += theta[p] * theta[p];
            }
        }
        return lambda / (2.0 * m) * squares;
    }
}
