package nnlab.optim;

/** The minimization methods that {@link Minimizer} provides. */
public enum Method {
    /**
     * Nonlinear conjugate gradient with Polak-Ribiere directions and Rasmussen's line search, the
     * method of {@code fmincg.m} in the Coursera Machine Learning course, with fmincg's constants:
     * sufficient decrease 0.01, curvature 0.5 (a loose search, so most iterations cost one or two
     * evaluations), at most 1 + 20 evaluations per line search, extrapolation by at most 3 times,
     * and growth of the initial step by at most 100 times per iteration.
     */
    CONJUGATE_GRADIENT("cg"),
    /**
     * Limited-memory BFGS (Nocedal and Wright, "Numerical Optimization", 2nd ed., chapter 7) with
     * a bracketing and zoom line search for the strong Wolfe conditions (their algorithms 3.5 and
     * 3.6) with c1 = 1e-4 and c2 = 0.9, so that the unit step is usually accepted. It
     * keeps {@link Minimizer#DEFAULT_LBFGS_MEMORY} = 10 pairs, tries the unit step first (the
     * first step has length 1), uses at most 20 evaluations per line search, and skips pairs with
     * s'y <= 1e-10 |s| |y| so that the inverse Hessian estimate stays positive definite.
     */
    LBFGS("lbfgs");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    /**
     * Parses a method id, ignoring case: "cg" or "lbfgs".
     *
     * @throws IllegalArgumentException if the name is null or not one of the ids; the message
     *     lists the accepted ids
     */
    public static Method parse(String name) {
        for (Method method : values()) {
            if (method.id.equalsIgnoreCase(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown optimization method \"" + name
                + "\": expected \"cg\" (conjugate gradient) or \"lbfgs\" (L-BFGS)");
    }

    /** Returns the id that {@link #parse} accepts: "cg" or "lbfgs". */
    public String id() {
        return id;
    }
}
