package nnlab.app;

import nnlab.data.InvalidDataException;
import nnlab.nn.CostFunction;
import nnlab.nn.WeightInit;
import nnlab.optim.Method;

/** Settings of one training run: hidden layer sizes, lambda, iteration budget, optimizer, seed. */
public final class TrainingSettings {
    /** The course's network: one hidden layer of 25 units. */
    public static final int DEFAULT_HIDDEN = 25;
    public static final double DEFAULT_LAMBDA = 1.0;
    public static final int DEFAULT_ITERATIONS = 50;
    public static final long DEFAULT_SEED = 1;
    /**
     * L-BFGS by default: on the digits it reaches 99% training accuracy in 100 iterations where
     * the course's conjugate gradient reaches about 97.5%.
     */
    public static final Method DEFAULT_METHOD = Method.LBFGS;
    /** Largest accepted hidden layer, to keep memory and time per iteration bounded. */
    public static final int MAX_HIDDEN = 1000;
    public static final int MAX_ITERATIONS = 100_000;

    private final int[] hiddenSizes;
    private final double lambda;
    private final int iterations;
    private final Method method;
    private final long seed;
    private final double epsilon;

    /**
     * Validates and stores the settings.
     *
     * @param hiddenSizes units of each hidden layer, in order (the course uses {25}); not kept
     */
    public TrainingSettings(int[] hiddenSizes, double lambda, int iterations, Method method,
            long seed, double epsilon) {
        if (hiddenSizes.length < 1 || hiddenSizes.length > 5) {
            throw new InvalidDataException("The network must have 1..5 hidden layers, found "
                    + hiddenSizes.length);
        }
        for (int size : hiddenSizes) {
            if (size < 1 || size > MAX_HIDDEN) {
                throw new InvalidDataException("Hidden units must be 1.." + MAX_HIDDEN
                        + ", found " + size);
            }
        }
        CostFunction.checkLambda(lambda);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new InvalidDataException("Iterations must be 1.." + MAX_ITERATIONS
                    + ", found " + iterations);
        }
        if (!(epsilon > 0) || epsilon > 10) {
            throw new InvalidDataException("epsilon_init must be in (0, 10], found " + epsilon);
        }
        this.hiddenSizes = hiddenSizes.clone();
        this.lambda = lambda;
        this.iterations = iterations;
        this.method = method;
        this.seed = seed;
        this.epsilon = epsilon;
    }

    /** The course's settings with the given hidden size, lambda and iterations. */
    public static TrainingSettings of(int hidden, double lambda, int iterations, Method method,
            long seed) {
        return new TrainingSettings(new int[] {hidden}, lambda, iterations, method, seed,
                WeightInit.DEFAULT_EPSILON);
    }

    /** Units of each hidden layer. A copy. */
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public double lambda() {
        return lambda;
    }

    public int iterations() {
        return iterations;
    }

    public Method method() {
        return method;
    }

    public long seed() {
        return seed;
    }

    /** Half-width of the uniform random initialization. */
    public double epsilon() {
        return epsilon;
    }

    /** Layer sizes input, hidden..., output for data with n features and K labels. */
    public int[] layerSizes(int n, int numLabels) {
        int[] sizes = new int[hiddenSizes.length + 2];
        sizes[0] = n;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[sizes.length - 1] = numLabels;
        return sizes;
    }
}
