package nnlab.app;

import nnlab.data.Dataset;
import nnlab.nn.CostFunction;
import nnlab.nn.NetworkShape;
import nnlab.nn.WeightInit;
import nnlab.optim.Clock;
import nnlab.optim.DifferentiableFunction;
import nnlab.optim.IterationListener;
import nnlab.optim.Minimization;
import nnlab.optim.Minimizer;

/**
 * One training run: random initialization from the seed (or given start weights), then the
 * chosen optimizer on J(Theta), one iteration per {@link #step()} so a caller can interleave
 * other work (a Web Worker reads its stop messages between steps).
 */
public final class TrainingSession {
    private final Dataset data;
    private final TrainingSettings settings;
    private final NetworkShape shape;
    private final Minimization minimization;

    /**
     * Starts training.
     *
     * @param start initial weights, or null for the seeded random initialization
     * @param function J(Theta) to minimize, or null for the single-threaded
     *     {@link CostFunction} on {@code data}
     */
    public TrainingSession(Dataset data, TrainingSettings settings, Weights start,
            DifferentiableFunction function, IterationListener listener, Clock clock) {
        this.data = data;
        this.settings = settings;
        this.shape = start != null ? start.shape()
                : NetworkShape.of(settings.layerSizes(data.n(), data.numLabels()));
        if (start != null) {
            start.checkFits(data);
        }
        double[] theta0 = start != null ? start.theta()
                : WeightInit.random(shape, settings.epsilon(), settings.seed());
        DifferentiableFunction f = function != null ? function
                : costFunction(shape, data, settings.lambda());
        this.minimization = Minimizer.start(settings.method(), f, theta0, settings.iterations(),
                listener, clock);
    }

    /** J(Theta) and its gradient as a function for the optimizers. */
    public static DifferentiableFunction costFunction(NetworkShape shape, Dataset data,
            double lambda) {
        CostFunction cost = new CostFunction(shape, data, lambda, true);
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return shape.parameterCount();
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                return cost.costAndGradient(x, gradient);
            }
        };
    }

    /** Runs one optimizer iteration; returns false once training has finished. */
    public boolean step() {
        return minimization.step();
    }

    /** Steps until the optimizer finishes. */
    public void run() {
        while (minimization.step()) {
            // Each step reports through the listener.
        }
    }

    public Minimization minimization() {
        return minimization;
    }

    public NetworkShape shape() {
        return shape;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public Dataset data() {
        return data;
    }

    /** The current weights. */
    public Weights weights() {
        return new Weights(shape, minimization.x());
    }
}
