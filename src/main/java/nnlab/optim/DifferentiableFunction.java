package nnlab.optim;

/**
 * A function f: R^n -> R together with its gradient, the input of every minimization method in
 * this package.
 */
public interface DifferentiableFunction {

    /** Returns n, the length of every point and gradient passed to {@link #evaluate}. */
    int dimension();

    /**
     * Evaluates f and its gradient at one point.
     *
     * @param x the point, length {@link #dimension()}; not modified, and not kept after the call
     *     because the optimizer reuses the array for later points
     * @param gradient output: receives the gradient of f at x, length {@link #dimension()}
     * @return f(x)
     */
    double evaluate(double[] x, double[] gradient);
}
