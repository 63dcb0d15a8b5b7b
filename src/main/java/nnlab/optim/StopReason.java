package nnlab.optim;

/** The reason a {@link Minimization} finished. */
public enum StopReason {
    /** The iteration limit was reached; {@link Minimization#extendIterations} can continue. */
    MAX_ITERATIONS,
    /**
     * The gradient or the cost change of the last iteration fell below its tolerance (see
     * {@link Minimizer}); {@link Minimization#extendIterations} can continue.
     */
    CONVERGED,
    /** The line search found no acceptable step, even along the steepest descent direction. */
    LINE_SEARCH_FAILED,
    /**
     * {@link Minimization#requestStop()} was called; {@link Minimization#extendIterations} can
     * continue.
     */
    STOPPED_BY_USER,
    /**
     * The function returned a NaN or infinite cost or gradient, at the start point or at a trial
     * point of a line search; x is the last accepted point, or the start point.
     */
    NOT_FINITE
}
