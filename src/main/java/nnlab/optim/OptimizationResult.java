package nnlab.optim;

/** The outcome of a finished minimization, as returned by {@link Minimizer#minimize}. */
public final class OptimizationResult {
    private final double[] x;
    private final double cost;
    private final int iterations;
    private final int evaluations;
    private final StopReason reason;
    private final double[] costHistory;
    private final double elapsedMillis;

    /** Creates a result; the arrays are copied, so the caller may reuse them. */
    public OptimizationResult(double[] x, double cost, int iterations, int evaluations,
            StopReason reason, double[] costHistory, double elapsedMillis) {
        this.x = x.clone();
        this.cost = cost;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.reason = reason;
        this.costHistory = costHistory.clone();
        this.elapsedMillis = elapsedMillis;
    }

    /** Creates the result of a finished minimization from its current state. */
    static OptimizationResult of(Minimization minimization) {
        return new OptimizationResult(minimization.x(), minimization.cost(),
                minimization.iteration(), minimization.evaluations(), minimization.reason(),
                minimization.costHistory(), minimization.elapsedMillis());
    }

    /** Returns a copy of the final point. */
    public double[] x() {
        return x.clone();
    }

    /** Returns f at the final point. */
    public double cost() {
        return cost;
    }

    /** Returns the number of finished iterations, equal to {@code costHistory().length}. */
    public int iterations() {
        return iterations;
    }

    /** Returns the number of evaluations of f, including the one at the start point. */
    public int evaluations() {
        return evaluations;
    }

    /** Returns why the minimization finished. */
    public StopReason reason() {
        return reason;
    }

    /** Returns a copy of the cost after each iteration; index 0 is iteration 1. */
    public double[] costHistory() {
        return costHistory.clone();
    }

    /** Returns the milliseconds spent in the minimization (see Minimization.elapsedMillis). */
    public double elapsedMillis() {
        return elapsedMillis;
    }
}
