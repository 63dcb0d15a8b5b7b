package nnlab.web;

import java.util.Arrays;
import nnlab.app.TrainingSession;
import nnlab.app.TrainingSettings;
import nnlab.data.Dataset;
import nnlab.nn.Evaluation;
import nnlab.nn.NetworkShape;
import nnlab.nn.WeightInit;
import nnlab.optim.Clock;
import nnlab.optim.Minimization;
import nnlab.web.BenchMessages.BenchMessage;

/**
 * The training worker's benchmark: the same {@link ShardedCostFunction} and
 * {@link TrainingSession} as a training run, timed. Runs on a TeaVM thread. The shard build
 * can be chosen, so the JavaScript and WebAssembly shards can be compared in one browser.
 */
final class WorkerBenchmark {
    private static final int WARM_UP_EVALUATIONS = 5;
    /** Iteration budget of the timed training; the course network needs about 70. */
    private static final int MAX_TRAIN_ITERATIONS = 1000;

    private WorkerBenchmark() {
    }

    /**
     * Measures evaluation time and training time to {@code target} accuracy and returns the
     * result message. {@code yield} runs between training iterations, as in a training run.
     */
    static BenchMessage run(Dataset data, int evals, double target, String shardScript,
            Clock clock, Runnable yield) {
        TrainingSettings settings = TrainingSettings.of(TrainingSettings.DEFAULT_HIDDEN, 1.0,
                MAX_TRAIN_ITERATIONS, TrainingSettings.DEFAULT_METHOD,
                TrainingSettings.DEFAULT_SEED);
        NetworkShape shape = NetworkShape.of(settings.layerSizes(data.n(), data.numLabels()));
        ShardedCostFunction function = new ShardedCostFunction(shape, data, settings.lambda(),
                WorkerMain.sliceCount(), shardScript, null);
        try {
            BenchMessage result = Messages.create(Messages.BENCHMARK_RESULT).cast();
            result.setWorkers(function.slices());
            result.setEngine("teavm-js trainer + " + function.shardCount() + " teavm-"
                    + ShardedCostFunction.engineOf(shardScript) + " shard(s)");
            timeEvaluations(function, shape, settings, evals, clock, result);
            timeTraining(function, data, settings, target, clock, yield, result);
            return result;
        } finally {
            function.close();
        }
    }

    private static void timeEvaluations(ShardedCostFunction function, NetworkShape shape,
            TrainingSettings settings, int evals, Clock clock, BenchMessage result) {
        double[] theta = WeightInit.random(shape, settings.epsilon(), settings.seed());
        double[] gradient = new double[theta.length];
        for (int i = 0; i < WARM_UP_EVALUATIONS; i++) {
            function.evaluate(theta, gradient);
        }
        double[] milliseconds = new double[evals];
        for (int i = 0; i < evals; i++) {
            double start = clock.nowMillis();
            function.evaluate(theta, gradient);
            milliseconds[i] = clock.nowMillis() - start;
        }
        Arrays.sort(milliseconds);
        result.setEvals(evals);
        result.setEvalMsMin(milliseconds[0]);
        result.setEvalMsMedian(evals % 2 == 1 ? milliseconds[evals / 2]
                : (milliseconds[evals / 2 - 1] + milliseconds[evals / 2]) / 2);
    }

    private static void timeTraining(ShardedCostFunction function, Dataset data,
            TrainingSettings settings, double target, Clock clock, Runnable yield,
            BenchMessage result) {
        double start = clock.nowMillis();
        TrainingSession session = new TrainingSession(data, settings, null, function, null,
                clock);
        Minimization minimization = session.minimization();
        double seconds = Double.NaN;
        while (true) {
            boolean more = session.step();
            Evaluation evaluation = Evaluation.of(session.shape(), minimization.x(), data);
            if (evaluation.accuracy() >= target) {
                seconds = (clock.nowMillis() - start) / 1000;
                break;
            }
            if (!more) {
                break;
            }
            yield.run();
        }
        result.setTrainSecondsTo985(seconds);
        result.setTrainIterations(minimization.iteration());
    }
}
