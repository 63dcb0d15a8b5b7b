package nnlab.optim;

/** The result of one line search. */
enum LineSearchOutcome {
    /** The accepted step satisfies the strong Wolfe conditions. */
    WOLFE_SATISFIED,
    /** The evaluation budget ran out; the best step found satisfies only sufficient decrease. */
    SUFFICIENT_DECREASE_ONLY,
    /** No step with sufficient decrease was found; the current point stays. */
    NO_ACCEPTABLE_STEP,
    /** f returned a NaN or infinite cost or gradient at a trial point. */
    NOT_FINITE
}
