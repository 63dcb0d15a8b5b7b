package nnlab.optim;

/**
 * Limited-memory BFGS (Nocedal and Wright, "Numerical Optimization", 2nd ed., chapter 7). The
 * direction is d = -H g, where H is the inverse Hessian estimate that
 * {@link LbfgsMemory} builds from the last m steps, and the step comes from
 * {@link WolfeLineSearch}, which tries the unit step first.
 *
 * <p>Choices and their reasons:
 * <ul>
 * <li>With an empty memory (the first iteration, or after a reset) the direction is -g and the
 *     first trial step is 1 / |g|, so that step has unit length whatever the scale of f.
 * <li>A pair is stored only if s'y > 1e-10 |s| |y| (see {@link LbfgsMemory}); a step that met
 *     only sufficient decrease when the line search ran out of evaluations may fail that test,
 *     and is then taken without updating the memory.
 * <li>If the direction is not a descent direction (possible through rounding), or a line search
 *     finds no decrease, the memory is cleared and the search restarts along -g. A restart that
 *     fails as well stops the minimization with {@link StopReason#LINE_SEARCH_FAILED}.
 * </ul>
 * Memory: 2 m n doubles for the pairs plus 7 n for the working vectors.
 */
final class Lbfgs extends AbstractMinimization {

    private final LbfgsMemory memory;
    private final double[] direction;
    private final WolfeLineSearch lineSearch;

    Lbfgs(DifferentiableFunction f, double[] x0, int maxIterations, int memorySize,
            IterationListener listener, Clock clock) {
        super(f, x0, maxIterations, listener, clock);
        memory = new LbfgsMemory(memorySize, x.length);
        direction = new double[x.length];
        lineSearch = new WolfeLineSearch(countedFunction());
    }

    @Override
    StopReason iterate() {
        computeDirection();
        while (true) {
            double slope = Vectors.dot(gradient, direction);
            if (!(slope < 0)) {
                memory.clear();
                computeDirection();
                slope = Vectors.dot(gradient, direction);
            }
            // With an empty memory d = -g, so -slope = |g|^2.
            double initialStep = memory.size() == 0 ? 1 / Math.sqrt(-slope) : 1;
            LineSearchOutcome outcome =
                    lineSearch.search(x, cost, slope, direction, initialStep);
            if (outcome == LineSearchOutcome.NOT_FINITE) {
                return StopReason.NOT_FINITE;
            }
            if (outcome != LineSearchOutcome.NO_ACCEPTABLE_STEP) {
                acceptBestPoint();
                return null;
            }
            if (memory.size() == 0) {
                return StopReason.LINE_SEARCH_FAILED;
            }
            memory.clear();
            computeDirection();
        }
    }

    private void computeDirection() {
        memory.multiplyInverseHessian(gradient, direction);
        Vectors.negate(direction, direction);
    }

    private void acceptBestPoint() {
        double[] xNew = lineSearch.bestPoint();
        double[] gradientNew = lineSearch.bestGradient();
        memory.offer(x, xNew, gradient, gradientNew);
        System.arraycopy(xNew, 0, x, 0, x.length);
        System.arraycopy(gradientNew, 0, gradient, 0, gradient.length);
        cost = lineSearch.bestCost();
    }
}
