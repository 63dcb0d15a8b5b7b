package nnlab.optim;

import java.util.Arrays;

/**
 * Bookkeeping shared by the minimization methods: counts, cost history, iteration limit, stop
 * requests, convergence tests and timing. A subclass implements one iteration in
 * {@link #iterate()} and keeps {@link #x}, {@link #gradient} and {@link #cost} at the accepted
 * point.
 */
abstract class AbstractMinimization implements Minimization {

    /** Gradient tolerance of the convergence test; the reason is given on {@link Minimizer}. */
    static final double GRADIENT_TOLERANCE = 1e-9;

    /** Cost-change tolerance of the convergence test; the reason is given on {@link Minimizer}. */
    static final double COST_CHANGE_TOLERANCE = 1e-13;

    private static final int INITIAL_HISTORY_CAPACITY = 64;

    private final DifferentiableFunction function;
    private final IterationListener listener;
    private final Clock clock;

    /** Current point; a subclass may swap in another array of the same length. */
    protected double[] x;
    /** Gradient of f at {@link #x}; a subclass may swap in another array of the same length. */
    protected double[] gradient;
    /** f at {@link #x}. */
    protected double cost;

    private int iteration;
    private int evaluations;
    private int maxIterations;
    private double[] history = new double[INITIAL_HISTORY_CAPACITY];
    private StopReason reason;
    private boolean stopRequested;
    private double elapsedMillis;

    /** Evaluates f at a copy of x0; the arguments were checked by {@link Minimizer}. */
    AbstractMinimization(DifferentiableFunction function, double[] x0, int maxIterations,
            IterationListener listener, Clock clock) {
        this.function = function;
        this.listener = listener;
        this.clock = clock;
        this.maxIterations = maxIterations;
        double started = clock.nowMillis();
        x = x0.clone();
        gradient = new double[x.length];
        cost = evaluate(x, gradient);
        elapsedMillis = clock.nowMillis() - started;
        if (!isFinite(cost, gradient)) {
            reason = StopReason.NOT_FINITE;
        } else if (isGradientConverged()) {
            reason = StopReason.CONVERGED;
        } else {
            checkIterationLimit();
        }
    }

    /**
     * Runs one iteration: searches along a direction from {@link #x} and, on success, updates
     * {@link #x}, {@link #gradient} and {@link #cost} to the accepted point. On failure the three
     * stay at the last accepted point.
     *
     * @return null on success, else {@link StopReason#LINE_SEARCH_FAILED} or
     *     {@link StopReason#NOT_FINITE}
     */
    abstract StopReason iterate();

    /** Evaluates f at point, writing its gradient, and counts the evaluation. */
    final double evaluate(double[] point, double[] gradientOut) {
        evaluations++;
        return function.evaluate(point, gradientOut);
    }

    /** Returns f as a function whose evaluations are counted in {@link #evaluations()}. */
    final DifferentiableFunction countedFunction() {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return function.dimension();
            }

            @Override
            public double evaluate(double[] point, double[] gradientOut) {
                return AbstractMinimization.this.evaluate(point, gradientOut);
            }
        };
    }

    /** Returns true if the cost and every gradient entry are finite. */
    static boolean isFinite(double value, double[] valueGradient) {
        return Double.isFinite(value) && Vectors.allFinite(valueGradient);
    }

    @Override
    public final boolean step() {
        if (reason != null) {
            return false;
        }
        if (stopRequested) {
            reason = StopReason.STOPPED_BY_USER;
            return false;
        }
        double started = clock.nowMillis();
        double previousCost = cost;
        StopReason failure = iterate();
        elapsedMillis += clock.nowMillis() - started;
        if (failure != null) {
            reason = failure;
            return false;
        }
        appendHistory(cost);
        if (isGradientConverged() || isCostChangeConverged(previousCost)) {
            reason = StopReason.CONVERGED;
        } else {
            checkIterationLimit();
        }
        if (listener != null) {
            IterationReport report =
                    new IterationReport(iteration, cost, evaluations, elapsedMillis);
            listener.iterationDone(report);
        }
        return reason == null;
    }

    private void appendHistory(double value) {
        if (iteration == history.length) {
            history = Arrays.copyOf(history, 2 * history.length);
        }
        history[iteration] = value;
        iteration++;
    }

    private boolean isGradientConverged() {
        return Vectors.maxAbs(gradient) <= GRADIENT_TOLERANCE * Math.max(1, Vectors.maxAbs(x));
    }

    private boolean isCostChangeConverged(double previousCost) {
        double scale = Math.max(Math.abs(previousCost), Math.abs(cost));
        return previousCost - cost <= COST_CHANGE_TOLERANCE * scale;
    }

    private void checkIterationLimit() {
        if (iteration >= maxIterations) {
            reason = StopReason.MAX_ITERATIONS;
        }
    }

    @Override
    public final boolean isFinished() {
        return reason != null;
    }

    @Override
    public final StopReason reason() {
        return reason;
    }

    @Override
    public final int iteration() {
        return iteration;
    }

    @Override
    public final int evaluations() {
        return evaluations;
    }

    @Override
    public final double cost() {
        return cost;
    }

    @Override
    public final double[] x() {
        return x.clone();
    }

    @Override
    public final double[] costHistory() {
        return Arrays.copyOf(history, iteration);
    }

    @Override
    public final double elapsedMillis() {
        return elapsedMillis;
    }

    @Override
    public final void requestStop() {
        if (reason == null) {
            stopRequested = true;
        }
    }

    @Override
    public final void extendIterations(int additionalIterations) {
        if (additionalIterations < 0) {
            throw new IllegalArgumentException(
                    "additionalIterations must be 0 or more, found " + additionalIterations);
        }
        if (reason == StopReason.LINE_SEARCH_FAILED || reason == StopReason.NOT_FINITE) {
            throw new IllegalStateException("Cannot extend a minimization that finished with "
                    + reason + ", because its next iteration would fail in the same way."
                    + " Start a new minimization from x() instead");
        }
        maxIterations = additionalIterations > Integer.MAX_VALUE - iteration
                ? Integer.MAX_VALUE
                : iteration + additionalIterations;
        stopRequested = false;
        reason = null;
        checkIterationLimit();
    }
}
