package nnlab.optim;

/**
 * The state of one minimization, created by {@link Minimizer#start}. The caller drives it one
 * iteration at a time with {@link #step()}, so that a browser worker can return to its event loop
 * between iterations and receive a stop message. Not thread-safe: call every method from the
 * thread that calls {@code step()}.
 *
 * <p>An iteration is one line search that ended with an accepted step. It may evaluate f several
 * times. A line search that fails and is retried along the steepest descent direction belongs to
 * the same iteration.
 */
public interface Minimization {

    /**
     * Runs one iteration unless the minimization has finished or a stop was requested.
     *
     * @return true if the minimization can continue, false once it has finished; {@link #reason()}
     *     is then set. The call that runs the last iteration already returns false.
     */
    boolean step();

    /** Returns true once {@link #reason()} is set. */
    boolean isFinished();

    /** Returns why the minimization finished, or null while it can still run. */
    StopReason reason();

    /** Returns the number of finished iterations. */
    int iteration();

    /** Returns the number of evaluations of f so far, including the one at the start point. */
    int evaluations();

    /** Returns f at the current point {@link #x()}. */
    double cost();

    /** Returns a copy of the current point: the start point or the last accepted one. */
    double[] x();

    /** Returns a copy of the cost after each finished iteration; index 0 is iteration 1. */
    double[] costHistory();

    /**
     * Returns the milliseconds spent inside {@link Minimizer#start} and {@link #step()} so far,
     * measured with the injected {@link Clock}. Time between calls, such as a pause before
     * {@link #extendIterations}, is not counted, so for a caller that steps continuously this is
     * the wall time since the start.
     */
    double elapsedMillis();

    /** Makes the next {@link #step()} return false with {@link StopReason#STOPPED_BY_USER}. */
    void requestStop();

    /**
     * Sets the iteration limit to {@code iteration() + additionalIterations} and clears a pending
     * stop request. A minimization that finished with {@link StopReason#MAX_ITERATIONS},
     * {@link StopReason#STOPPED_BY_USER} or {@link StopReason#CONVERGED} continues from its
     * current point and keeps its search state (the conjugate direction or the L-BFGS memory), as
     * if it had not paused. After CONVERGED the convergence tests apply again after each
     * iteration, so such a run may stop again soon.
     *
     * @throws IllegalArgumentException if additionalIterations is negative
     * @throws IllegalStateException if the minimization finished with
     *     {@link StopReason#LINE_SEARCH_FAILED} or {@link StopReason#NOT_FINITE}, whose next
     *     iteration would fail in the same way; start a new minimization from {@link #x()} instead
     */
    void extendIterations(int additionalIterations);
}
