package nnlab.optim;

/**
 * Line search for the strong Wolfe conditions by bracketing and zoom (Nocedal and Wright,
 * "Numerical Optimization", 2nd ed., algorithms 3.5 and 3.6), with cubic interpolation for both
 * the expansion and the zoom phase.
 *
 * <p>Along the line from x in a descent direction d, with phi(t) = f(x + t d) and
 * phi'(t) = g(x + t d)'d, a step t satisfies the strong Wolfe conditions when
 * phi(t) <= phi(0) + c1 t phi'(0) and |phi'(t)| <= c2 |phi'(0)|.
 *
 * <p>The search keeps the lowest point that satisfies sufficient decrease. If the evaluation
 * budget runs out before the curvature condition holds, that point is still offered
 * ({@link LineSearchOutcome#SUFFICIENT_DECREASE_ONLY}), because it lowers the cost; the L-BFGS
 * update then decides from s'y whether the pair is usable.
 */
final class WolfeLineSearch {

    /** c1: 1e-4, so almost any decrease is enough and few unit steps are rejected. */
    static final double SUFFICIENT_DECREASE = 1e-4;

    /**
     * c2: 0.9. Any c2 < 1 guarantees s'y >= (1 - c2) t |phi'(0)| > 0 at an accepted step, which
     * keeps the L-BFGS update positive definite, and this loose value accepts the unit step most
     * of the time.
     */
    static final double CURVATURE = 0.9;

    /** Evaluations per line search, a bound on the time one iteration can take. */
    static final int MAX_EVALUATIONS = 20;

    /**
     * Bounds of one expansion step, as multiples of the last step increase: at least 1.1 so the
     * bracket grows, at most 4 so a bad cubic cannot jump into a region where f overflows.
     */
    static final double MIN_EXPANSION = 1.1;
    static final double MAX_EXPANSION = 4.0;

    /** A zoom step stays at least this fraction of the interval away from its ends. */
    static final double ZOOM_SAFEGUARD = 0.1;

    /**
     * The zoom gives up when its interval is narrower than this fraction of the step, because the
     * points then differ only by rounding and their values cannot be distinguished.
     */
    static final double MIN_RELATIVE_WIDTH = 1e-10;

    private final DifferentiableFunction function;
    private double[] xTrial;
    private double[] gradientTrial;
    private double[] xBest;
    private double[] gradientBest;

    private double[] x;
    private double[] direction;
    private double cost0;
    private double slope0;
    private int evaluationsLeft;

    private double trialStep;
    private double trialCost;
    private double trialSlope;
    private double bestStep;
    private double bestCost;

    /** Creates a line search for f with its own work arrays, 4n doubles. */
    WolfeLineSearch(DifferentiableFunction f) {
        function = f;
        int dimension = f.dimension();
        xTrial = new double[dimension];
        gradientTrial = new double[dimension];
        xBest = new double[dimension];
        gradientBest = new double[dimension];
    }

    /**
     * Searches from point along direction, starting with initialStep. Neither array is modified.
     *
     * @param cost f at point
     * @param slope g'd at point; must be negative
     */
    LineSearchOutcome search(double[] point, double cost, double slope, double[] searchDirection,
            double initialStep) {
        x = point;
        direction = searchDirection;
        cost0 = cost;
        slope0 = slope;
        evaluationsLeft = MAX_EVALUATIONS;
        bestStep = 0;
        bestCost = cost;

        double previousStep = 0;
        double previousCost = cost;
        double previousSlope = slope;
        double step = initialStep;
        while (evaluationsLeft > 0) {
            if (!evaluateTrial(step)) {
                return LineSearchOutcome.NOT_FINITE;
            }
            if (!hasSufficientDecrease() || (previousStep > 0 && trialCost >= previousCost)) {
                return zoom(previousStep, previousCost, previousSlope,
                        trialStep, trialCost, trialSlope);
            }
            keepTrialAsBest();
            if (Math.abs(trialSlope) <= -CURVATURE * slope0) {
                return LineSearchOutcome.WOLFE_SATISFIED;
            }
            if (trialSlope >= 0) {
                return zoom(trialStep, trialCost, trialSlope,
                        previousStep, previousCost, previousSlope);
            }
            step = expand(previousStep, previousCost, previousSlope);
            previousStep = trialStep;
            previousCost = trialCost;
            previousSlope = trialSlope;
        }
        return endWithoutWolfe();
    }

    /** Returns the next, larger step: the cubic minimizer, clamped to the expansion bounds. */
    private double expand(double previousStep, double previousCost, double previousSlope) {
        double increase = trialStep - previousStep;
        double low = trialStep + MIN_EXPANSION * increase;
        double high = trialStep + MAX_EXPANSION * increase;
        double candidate = Interpolation.cubicMinimizer(previousStep, previousCost, previousSlope,
                trialStep, trialCost, trialSlope);
        if (Double.isNaN(candidate)) {
            return high;
        }
        return Math.max(low, Math.min(high, candidate));
    }

    /**
     * Narrows [low, high] (unordered) until a step satisfies the strong Wolfe conditions. The low
     * end is always the best point so far, and a minimizer with sufficient decrease lies between
     * the ends (Nocedal and Wright, algorithm 3.6).
     */
    private LineSearchOutcome zoom(double lowStep, double lowCost, double lowSlope,
            double highStep, double highCost, double highSlope) {
        while (evaluationsLeft > 0) {
            double width = Math.abs(highStep - lowStep);
            if (width <= MIN_RELATIVE_WIDTH * Math.max(Math.abs(lowStep), Math.abs(highStep))) {
                break;
            }
            double step = zoomStep(lowStep, lowCost, lowSlope, highStep, highCost, highSlope);
            if (!evaluateTrial(step)) {
                return LineSearchOutcome.NOT_FINITE;
            }
            if (!hasSufficientDecrease() || trialCost >= lowCost) {
                highStep = trialStep;
                highCost = trialCost;
                highSlope = trialSlope;
                continue;
            }
            keepTrialAsBest();
            if (Math.abs(trialSlope) <= -CURVATURE * slope0) {
                return LineSearchOutcome.WOLFE_SATISFIED;
            }
            if (trialSlope * (highStep - lowStep) >= 0) {
                highStep = lowStep;
                highCost = lowCost;
                highSlope = lowSlope;
            }
            lowStep = trialStep;
            lowCost = trialCost;
            lowSlope = trialSlope;
        }
        return endWithoutWolfe();
    }

    /** Returns the cubic minimizer between the ends, kept ZOOM_SAFEGUARD away from both. */
    private static double zoomStep(double lowStep, double lowCost, double lowSlope,
            double highStep, double highCost, double highSlope) {
        double left = Math.min(lowStep, highStep);
        double right = Math.max(lowStep, highStep);
        double margin = ZOOM_SAFEGUARD * (right - left);
        double candidate = Interpolation.cubicMinimizer(lowStep, lowCost, lowSlope,
                highStep, highCost, highSlope);
        if (Double.isNaN(candidate)) {
            return (left + right) / 2;
        }
        return Math.max(left + margin, Math.min(right - margin, candidate));
    }

    private LineSearchOutcome endWithoutWolfe() {
        return bestStep > 0
                ? LineSearchOutcome.SUFFICIENT_DECREASE_ONLY
                : LineSearchOutcome.NO_ACCEPTABLE_STEP;
    }

    private boolean hasSufficientDecrease() {
        return trialCost <= cost0 + SUFFICIENT_DECREASE * trialStep * slope0;
    }

    private boolean evaluateTrial(double step) {
        evaluationsLeft--;
        trialStep = step;
        Vectors.moveAlong(x, step, direction, xTrial);
        trialCost = function.evaluate(xTrial, gradientTrial);
        if (!AbstractMinimization.isFinite(trialCost, gradientTrial)) {
            return false;
        }
        trialSlope = Vectors.dot(gradientTrial, direction);
        return true;
    }

    /** Swaps the trial arrays into the best slot; the old best arrays become scratch space. */
    private void keepTrialAsBest() {
        double[] swapX = xBest;
        xBest = xTrial;
        xTrial = swapX;
        double[] swapGradient = gradientBest;
        gradientBest = gradientTrial;
        gradientTrial = swapGradient;
        bestStep = trialStep;
        bestCost = trialCost;
    }

    /** Returns the step of the best point of the last search; 0 if none had sufficient decrease. */
    double bestStep() {
        return bestStep;
    }

    /** Returns f at the best point of the last search. */
    double bestCost() {
        return bestCost;
    }

    /** Returns the best point of the last search; valid until the next search. */
    double[] bestPoint() {
        return xBest;
    }

    /** Returns the gradient at the best point of the last search; valid until the next search. */
    double[] bestGradient() {
        return gradientBest;
    }
}
