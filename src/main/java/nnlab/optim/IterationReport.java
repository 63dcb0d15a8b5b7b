package nnlab.optim;

/** One finished iteration of a minimization, as passed to an {@link IterationListener}. */
public final class IterationReport {
    private final int iteration;
    private final double cost;
    private final int evaluations;
    private final double elapsedMillis;

    /**
     * @param iteration the number of this iteration, starting at 1
     * @param cost f at the point accepted by this iteration
     * @param evaluations the number of function evaluations so far, including the one at the
     *     start point
     * @param elapsedMillis milliseconds spent in the minimization so far, as defined by
     *     {@link Minimization#elapsedMillis()}
     */
    public IterationReport(int iteration, double cost, int evaluations, double elapsedMillis) {
        this.iteration = iteration;
        this.cost = cost;
        this.evaluations = evaluations;
        this.elapsedMillis = elapsedMillis;
    }

    /** Returns the number of this iteration, starting at 1. */
    public int iteration() {
        return iteration;
    }

    /** Returns f at the point accepted by this iteration. */
    public double cost() {
        return cost;
    }

    /** Returns the number of function evaluations so far, including the one at the start point. */
    public int evaluations() {
        return evaluations;
    }

    /** Returns the milliseconds spent in the minimization up to the end of this iteration. */
    public double elapsedMillis() {
        return elapsedMillis;
    }

    @Override
    public String toString() {
        return "iteration " + iteration + ": cost " + cost + ", " + evaluations + " evaluations, "
                + elapsedMillis + " ms";
    }
}
