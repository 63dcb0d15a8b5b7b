package nnlab.optim;

/**
 * Nonlinear conjugate gradient after C. E. Rasmussen's {@code minimize.m}, in the variant
 * {@code fmincg.m} (2002) that the Coursera Machine Learning course ships. It uses Polak-Ribiere
 * directions and a line search that interpolates with quadratics and cubics, extrapolates with
 * cubics, stops on the strong Wolfe-Powell conditions, and guesses each initial step with the
 * slope-ratio method.
 *
 * <p>Notation along the search line from x in direction s: phi(t) = f(x + t s) and
 * phi'(t) = g(x + t s)'s; phi'(0) is negative. A trial step t is accepted when
 * phi(t) <= phi(0) + RHO t phi'(0) (sufficient decrease) and |phi'(t)| <= SIG |phi'(0)|.
 *
 * <p>After an accepted step from gradient g0 to g1 the new direction is
 * s = beta s - g1 with beta = (g1'g1 - g0'g1) / (g0'g0) (Polak-Ribiere). If s is not a descent
 * direction it becomes -g1. The next initial step is the accepted step times
 * phi'_old(0) / phi'_new(0), capped at RATIO times.
 *
 * <p>A failed line search restores the start point of the iteration and retries once along the
 * steepest descent direction with the start-up step 1 / (1 + |g|^2); if that fails too, the
 * minimization stops with {@link StopReason#LINE_SEARCH_FAILED}. The cost therefore never
 * increases across an iteration. Differences from {@code fmincg.m}, each deliberate:
 * <ul>
 * <li>A failed iteration is not counted; fmincg counts it against MaxIter.
 * <li>The restart direction is -g at the restored point; fmincg takes the gradient of the last
 *     trial point there.
 * <li>A search that fails when it already was such a restart is not repeated, because with a
 *     deterministic f the repetition would fail in the same way.
 * <li>When the bracket has an upper limit, an extrapolated step is kept out of the last INT of the
 *     distance to that limit, like the other safeguards that keep trial steps away from bracket
 *     ends. fmincg's test there, {@code z2 < (limit - z1) * (1 - INT)}, compares the other way
 *     round and so moves every such step to 90% of the distance to the limit.
 * </ul>
 */
final class ConjugateGradient extends AbstractMinimization {

    /** RHO, the sufficient-decrease constant: fmincg's 0.01. */
    static final double SUFFICIENT_DECREASE = 0.01;

    /**
     * SIG, the curvature constant: fmincg's 0.5. This loose value accepts most first trial steps,
     * which saves evaluations at the price of less exact line searches.
     */
    static final double CURVATURE = 0.5;

    /**
     * INT: a new trial step stays at least this fraction of the bracket away from the bracket's
     * ends, so that each interpolation shrinks the bracket.
     */
    static final double MIN_BRACKET_FRACTION = 0.1;

    /** EXT: one extrapolation at most triples the step, so a bad cubic cannot jump far. */
    static final double MAX_EXTRAPOLATION = 3.0;

    /** MAX: evaluations per line search after the first trial step. */
    static final int MAX_EXTRA_EVALUATIONS = 20;

    /** RATIO: cap on the growth of the initial step from one line search to the next. */
    static final double MAX_SLOPE_RATIO = 100;

    private final double[] direction;
    private double[] xTrial;
    private double[] gradientTrial;

    /** phi'(0) = g's at the current point; negative. */
    private double slope;
    private double initialStep;
    /** True while the direction is -g with the start-up step, so a failure is not retried. */
    private boolean isRestart;

    private double trialStep;
    private double trialCost;
    private double trialSlope;

    ConjugateGradient(DifferentiableFunction f, double[] x0, int maxIterations,
            IterationListener listener, Clock clock) {
        super(f, x0, maxIterations, listener, clock);
        direction = new double[x.length];
        xTrial = new double[x.length];
        gradientTrial = new double[x.length];
        restartAlongSteepestDescent();
    }

    @Override
    StopReason iterate() {
        while (true) {
            LineSearchOutcome outcome = searchLine();
            if (outcome == LineSearchOutcome.WOLFE_SATISFIED) {
                acceptTrial();
                return null;
            }
            if (outcome == LineSearchOutcome.NOT_FINITE) {
                return StopReason.NOT_FINITE;
            }
            if (isRestart) {
                return StopReason.LINE_SEARCH_FAILED;
            }
            restartAlongSteepestDescent();
        }
    }

    private void restartAlongSteepestDescent() {
        Vectors.negate(gradient, direction);
        slope = -Vectors.dot(gradient, gradient);
        initialStep = 1 / (1 - slope);
        isRestart = true;
    }

    /**
     * Searches along the direction for a step that satisfies the strong Wolfe conditions. The
     * bracket is the trial step and an "other" step (at first 0) whose value and slope feed the
     * interpolation. Only the trial arrays change, so x, gradient and cost stay valid on failure.
     */
    private LineSearchOutcome searchLine() {
        double otherStep = 0;
        double otherCost = cost;
        double otherSlope = slope;
        double limit = Double.POSITIVE_INFINITY;
        if (!evaluateTrial(initialStep)) {
            return LineSearchOutcome.NOT_FINITE;
        }
        int evaluationsLeft = MAX_EXTRA_EVALUATIONS;
        while (true) {
            // Interpolate back towards the other step while the trial overshoots.
            while (!isTrialAcceptableSoFar() && evaluationsLeft > 0) {
                limit = trialStep;
                double next = interpolateBack(otherStep, otherCost, otherSlope);
                if (!evaluateTrial(next)) {
                    return LineSearchOutcome.NOT_FINITE;
                }
                evaluationsLeft--;
            }
            if (!isTrialAcceptableSoFar()) {
                return LineSearchOutcome.NO_ACCEPTABLE_STEP;
            }
            if (trialSlope >= CURVATURE * slope) {
                return LineSearchOutcome.WOLFE_SATISFIED;
            }
            if (evaluationsLeft == 0) {
                return LineSearchOutcome.NO_ACCEPTABLE_STEP;
            }

            // The slope is still steeply negative, so extrapolate beyond the trial.
            double next = extrapolate(otherStep, otherCost, otherSlope, limit);
            otherStep = trialStep;
            otherCost = trialCost;
            otherSlope = trialSlope;
            if (!evaluateTrial(next)) {
                return LineSearchOutcome.NOT_FINITE;
            }
            evaluationsLeft--;
        }
    }

    /** Returns true if the trial has sufficient decrease and its slope is not too positive. */
    private boolean isTrialAcceptableSoFar() {
        return trialCost <= cost + SUFFICIENT_DECREASE * trialStep * slope
                && trialSlope <= -CURVATURE * slope;
    }

    /**
     * Returns a step between the other step and the trial, kept at least INT of the distance away
     * from both ends. It is the minimizer of a cubic fit, or of a quadratic fit when the trial
     * rose above phi(0), because a cubic then tends to fit poorly.
     */
    private double interpolateBack(double otherStep, double otherCost, double otherSlope) {
        double candidate = trialCost > cost
                ? Interpolation.quadraticMinimizer(otherStep, otherCost, otherSlope,
                        trialStep, trialCost)
                : Interpolation.cubicMinimizer(otherStep, otherCost, otherSlope,
                        trialStep, trialCost, trialSlope);
        double gap = otherStep - trialStep;
        if (Double.isNaN(candidate)) {
            candidate = trialStep + gap / 2;
        }
        double nearTrial = trialStep + MIN_BRACKET_FRACTION * gap;
        double nearOther = trialStep + (1 - MIN_BRACKET_FRACTION) * gap;
        return Math.max(Math.min(candidate, Math.max(nearTrial, nearOther)),
                Math.min(nearTrial, nearOther));
    }

    /**
     * Returns a step beyond the trial from the cubic through the other step and the trial, kept
     * below the limit (the last step that overshot) or, without a limit, below EXT times the trial.
     */
    private double extrapolate(double otherStep, double otherCost, double otherSlope,
            double limit) {
        double advance = Interpolation.cubicMinimizer(otherStep, otherCost, otherSlope,
                trialStep, trialCost, trialSlope) - trialStep;
        boolean hasLimit = limit != Double.POSITIVE_INFINITY;
        double maxAdvance = hasLimit ? limit - trialStep : (MAX_EXTRAPOLATION - 1) * trialStep;
        double minAdvance = MIN_BRACKET_FRACTION * (trialStep - otherStep);
        if (!(advance >= 0)) {
            // No minimizer ahead: jump to the extrapolation cap, or halfway to the limit.
            advance = hasLimit ? maxAdvance / 2 : maxAdvance;
        } else if (advance > maxAdvance) {
            advance = hasLimit ? maxAdvance / 2 : maxAdvance;
        } else if (advance < minAdvance) {
            advance = minAdvance;
        } else if (hasLimit && advance > (1 - MIN_BRACKET_FRACTION) * maxAdvance) {
            advance = (1 - MIN_BRACKET_FRACTION) * maxAdvance;
        }
        return trialStep + advance;
    }

    /** Evaluates f at x + step * direction; returns false if the cost or gradient is not finite. */
    private boolean evaluateTrial(double step) {
        trialStep = step;
        Vectors.moveAlong(x, step, direction, xTrial);
        trialCost = evaluate(xTrial, gradientTrial);
        if (!isFinite(trialCost, gradientTrial)) {
            return false;
        }
        trialSlope = Vectors.dot(gradientTrial, direction);
        return true;
    }

    /** Moves to the trial point and computes the next direction and initial step. */
    private void acceptTrial() {
        double beta = (Vectors.dot(gradientTrial, gradientTrial)
                - Vectors.dot(gradient, gradientTrial)) / Vectors.dot(gradient, gradient);
        for (int i = 0; i < direction.length; i++) {
            direction[i] = beta * direction[i] - gradientTrial[i];
        }
        double[] previousX = x;
        x = xTrial;
        xTrial = previousX;
        double[] previousGradient = gradient;
        gradient = gradientTrial;
        gradientTrial = previousGradient;
        cost = trialCost;

        double newSlope = Vectors.dot(gradient, direction);
        if (!(newSlope < 0)) {
            Vectors.negate(gradient, direction);
            newSlope = -Vectors.dot(gradient, gradient);
        }
        // Subtracting MIN_NORMAL keeps the ratio finite if the new slope underflows to zero.
        initialStep = trialStep * Math.min(MAX_SLOPE_RATIO, slope / (newSlope - Double.MIN_NORMAL));
        slope = newSlope;
        isRestart = false;
    }
}
