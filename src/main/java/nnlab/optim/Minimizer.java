package nnlab.optim;

import java.util.Objects;

/**
 * Entry point of the package: starts a {@link Minimization} with a chosen {@link Method}.
 *
 * <p>Both methods evaluate f once at the start point inside {@code start}, so a new minimization
 * already has a cost. It is born finished with {@link StopReason#NOT_FINITE} if that cost or
 * gradient is not finite, with {@link StopReason#CONVERGED} if the start point already passes the
 * gradient test, and with {@link StopReason#MAX_ITERATIONS} if maxIterations is 0.
 *
 * <p>Convergence tests, shared by both methods and applied after each iteration:
 * <ul>
 * <li>{@code max_i |g_i| <= 1e-9 * max(1, max_i |x_i|)}. It stops only runs that have reached a
 *     stationary point to nearly full precision. The factor makes the test relative for large x,
 *     where the rounding of x itself keeps the gradient from getting smaller, and absolute for x
 *     near 0.
 * <li>{@code f_previous - f <= 1e-13 * max(|f_previous|, |f|)}. A decrease this small is about
 *     500 times the rounding error of a double (2.2e-16 relative), so further iterations make no
 *     measurable progress. The test is relative so that it suits any scale of f; a cost that
 *     approaches 0 is stopped by the gradient test instead.
 * </ul>
 */
public final class Minimizer {

    /**
     * The number of (s, y) pairs that L-BFGS keeps by default. For the 10,285 parameters of the
     * 400-25-10 network the pairs take 10 * 2 * 10,285 doubles, about 1.6 MB.
     */
    public static final int DEFAULT_LBFGS_MEMORY = 10;

    private Minimizer() {
    }

    /**
     * Evaluates f at x0 and returns the minimization, ready for {@link Minimization#step()}.
     *
     * @param x0 the start point, length {@code f.dimension()}; not modified
     * @param maxIterations the iteration limit, 0 or more
     * @param listener receives one report per iteration; may be null
     * @param clock measures {@link Minimization#elapsedMillis()}
     * @throws IllegalArgumentException if x0 has the wrong length or maxIterations is negative
     */
    public static Minimization start(Method method, DifferentiableFunction f, double[] x0,
            int maxIterations, IterationListener listener, Clock clock) {
        Objects.requireNonNull(method, "method");
        if (method == Method.LBFGS) {
            return startLbfgs(f, x0, maxIterations, DEFAULT_LBFGS_MEMORY, listener, clock);
        }
        checkArguments(f, x0, maxIterations, clock);
        return new ConjugateGradient(f, x0, maxIterations, listener, clock);
    }

    /**
     * Like {@link #start} with {@link Method#LBFGS}, but with a chosen memory size.
     *
     * @param memory the number of (s, y) pairs kept, 1 or more; each pair costs 2n doubles
     * @throws IllegalArgumentException if memory is less than 1, or as {@link #start}
     */
    public static Minimization startLbfgs(DifferentiableFunction f, double[] x0,
            int maxIterations, int memory, IterationListener listener, Clock clock) {
        checkArguments(f, x0, maxIterations, clock);
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, found " + memory
                    + "; the default is " + DEFAULT_LBFGS_MEMORY);
        }
        return new Lbfgs(f, x0, maxIterations, memory, listener, clock);
    }

    /**
     * Starts a minimization with {@link Clock#SYSTEM} and steps it until it finishes.
     *
     * @see #start
     */
    public static OptimizationResult minimize(Method method, DifferentiableFunction f,
            double[] x0, int maxIterations, IterationListener listener) {
        Minimization minimization = start(method, f, x0, maxIterations, listener, Clock.SYSTEM);
        while (minimization.step()) {
            // Each call runs one iteration; the loop ends when the minimization finishes.
        }
        return OptimizationResult.of(minimization);
    }

    private static void checkArguments(DifferentiableFunction f, double[] x0, int maxIterations,
            Clock clock) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x0, "x0");
        Objects.requireNonNull(clock, "clock");
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("Start point x0 has length " + x0.length
                    + " but the function's dimension() is " + f.dimension()
                    + "; pass one start value per parameter");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException(
                    "maxIterations must be 0 or more, found " + maxIterations);
        }
    }
}
