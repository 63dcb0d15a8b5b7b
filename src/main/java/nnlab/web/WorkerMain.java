package nnlab.web;

import nnlab.app.CostReport;
import nnlab.app.TrainingSession;
import nnlab.app.TrainingSettings;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.nn.NetworkShape;
import nnlab.nn.Predictor;
import nnlab.optim.Method;
import nnlab.optim.Minimization;
import nnlab.optim.IterationReport;
import nnlab.web.Messages.Message;
import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The entry point of the Web Worker that trains the network and evaluates J(Θ) on the data set,
 * so that no pass over the 5000 examples runs on the page's main thread. It runs one training
 * iteration per task and returns to its event loop between iterations, so a stop message or an
 * evaluate request is handled within one iteration.
 */
public final class WorkerMain {
    private static Dataset data;
    private static TrainingSession session;
    private static Callback scheduleStep;
    private static ShardedCostFunction function;
    private static AsyncCallback<Void> resumeTraining;
    /** True from the start of a run or continuation until its last iteration has finished. */
    private static boolean running;

    private WorkerMain() {
    }

    /** Starts listening for messages from the page. */
    public static void main(String[] args) {
        scheduleStep = createScheduler(WorkerMain::resume);
        listen(WorkerMain::handle);
    }

    private static void handle(Message message) {
        try {
            String type = message.getType();
            if (Messages.TRAIN.equals(type)) {
                startTraining(message);
            } else if (Messages.CONTINUE.equals(type)) {
                continueTraining(message.getIterations());
            } else if (Messages.STOP.equals(type)) {
                stopTraining();
            } else if (Messages.BENCHMARK.equals(type)) {
                benchmark(message.cast());
            } else if (Messages.EVALUATE.equals(type)) {
                evaluate(message);
            } else {
                throw new IllegalArgumentException("Unknown message type \"" + type
                        + "\" sent to the training worker");
            }
        } catch (RuntimeException e) {
            int requestId = Messages.has(message, "requestId") ? message.getRequestId() : 0;
            fail(PageErrors.describe(e), requestId);
        }
    }

    private static void startTraining(Message message) {
        if (running) {
            throw new IllegalStateException("A training run is still going on; stop it before"
                    + " starting another");
        }
        session = null;
        if (Messages.has(message, "x")) {
            data = readDataset(message);
        } else if (data == null) {
            throw new IllegalStateException("The worker has no data set to train on; send the"
                    + " data with the train message");
        }
        TrainingSettings settings = TrainingSettings.of(message.getHidden(), message.getLambda(),
                message.getIterations(), Method.parse(message.getMethod()),
                (long) message.getSeed());
        Weights start = Messages.has(message, "theta") ? readWeights(message) : null;
        NetworkShape shape = start != null ? start.shape()
                : NetworkShape.of(settings.layerSizes(data.n(), data.numLabels()));
        Dataset trainingData = data;
        running = true;
        new Thread(() -> {
            try {
                function = new ShardedCostFunction(shape, trainingData, settings.lambda(),
                        sliceCount(), ShardedCostFunction.shardScript(), function);
                session = new TrainingSession(trainingData, settings, start, function,
                        WorkerMain::reportProgress, WorkerMain::now);
                runSteps();
            } catch (RuntimeException e) {
                trainingFailed(e);
            }
        }).start();
    }

    private static void continueTraining(int iterations) {
        if (session == null) {
            throw new IllegalStateException("There is no training run to continue; start one"
                    + " with Train");
        }
        if (running) {
            throw new IllegalStateException("The training run is still going on; wait for it to"
                    + " finish or stop it before continuing");
        }
        session.minimization().extendIterations(iterations);
        running = true;
        new Thread(() -> {
            try {
                runSteps();
            } catch (RuntimeException e) {
                trainingFailed(e);
            }
        }).start();
    }

    private static void benchmark(BenchMessages.BenchMessage request) {
        if (running) {
            throw new IllegalStateException("A training run is going on; stop it before running"
                    + " the benchmark");
        }
        Dataset benchData = readDataset(request);
        running = true;
        new Thread(() -> {
            try {
                BenchMessages.BenchMessage result = WorkerBenchmark.run(benchData,
                        request.getEvals(), request.getTarget(),
                        ShardedCostFunction.shardScript(request.getEngine()), WorkerMain::now,
                        WorkerMain::yieldToEventLoop);
                post(result, null);
            } catch (RuntimeException e) {
                fail("The benchmark failed: " + PageErrors.describe(e), 0);
            } finally {
                running = false;
            }
        }).start();
    }

    private static void stopTraining() {
        if (session != null && !session.minimization().isFinished()) {
            session.minimization().requestStop();
        }
    }

    /**
     * Runs iterations until the optimizer finishes, returning to the event loop after each one
     * so that stop and evaluate messages are handled. Called on a TeaVM thread, because every
     * evaluation waits for the shard workers.
     */
    private static void runSteps() {
        while (session.step()) {
            yieldToEventLoop();
        }
        running = false;
        reportFinished();
    }

    private static void trainingFailed(RuntimeException e) {
        running = false;
        session = null;
        closeFunction();
        fail("Training failed: " + PageErrors.describe(e), 0);
    }

    private static void closeFunction() {
        if (function != null) {
            function.close();
            function = null;
        }
    }

    /** Slices of the examples: one per logical core the browser reports, the worker included. */
    static int sliceCount() {
        return nestedWorkersAvailable() ? Math.max(1, hardwareConcurrency()) : 1;
    }

    @JSBody(script = "return typeof Worker !== 'undefined';")
    private static native boolean nestedWorkersAvailable();

    @JSBody(script = "return (self.navigator && self.navigator.hardwareConcurrency) || 1;")
    private static native int hardwareConcurrency();

    @Async
    private static native void yieldToEventLoop();

    private static void yieldToEventLoop(AsyncCallback<Void> callback) {
        resumeTraining = callback;
        trigger(scheduleStep);
    }

    private static void resume() {
        AsyncCallback<Void> callback = resumeTraining;
        resumeTraining = null;
        if (callback != null) {
            callback.complete(null);
        }
    }

    private static void reportProgress(IterationReport report) {
        Message message = Messages.create(Messages.PROGRESS);
        message.setIteration(report.iteration());
        message.setCost(report.cost());
        message.setEvaluations(report.evaluations());
        message.setElapsedMs(report.elapsedMillis());
        post(message, null);
    }

    private static void reportFinished() {
        Minimization minimization = session.minimization();
        double[] theta = minimization.x();
        Message message = Messages.create(Messages.FINISHED);
        message.setReason(minimization.reason().name());
        message.setIteration(minimization.iteration());
        message.setCost(minimization.cost());
        message.setEvaluations(minimization.evaluations());
        message.setElapsedMs(minimization.elapsedMillis());
        message.setTheta(Messages.copyOf(theta));
        message.setSizes(Messages.copyOf(session.shape().sizes()));
        int[] predictions = new Predictor(session.shape(), theta).predictAll(session.data());
        message.setPredictions(Messages.copyOf(predictions));
        post(message, Messages.transferList(message));
    }

    private static void evaluate(Message message) {
        if (Messages.has(message, "x")) {
            data = readDataset(message);
        }
        if (data == null) {
            throw new IllegalStateException("The worker has no data set to evaluate the weights"
                    + " on; send the data with the evaluate message");
        }
        CostReport report = CostReport.compute(readWeights(message), data, message.getLambda());
        int[] predictions = new int[data.m()];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = report.evaluation().predicted(i);
        }
        Message answer = Messages.create(Messages.EVALUATION);
        answer.setRequestId(message.getRequestId());
        answer.setLambda(report.lambda());
        answer.setCost(report.cost());
        answer.setUnregularizedCost(report.unregularizedCost());
        answer.setAccuracy(report.accuracy());
        answer.setPredictions(Messages.copyOf(predictions));
        post(answer, Messages.transferList(answer));
    }

    /** Wraps the transferred arrays of a message without copying them. */
    private static Dataset readDataset(Message message) {
        double[] x = message.getX().toJavaArray();
        int[] y = message.getY().toJavaArray();
        return new Dataset(x, y, message.getM(), message.getN(), message.getNumLabels());
    }

    private static Weights readWeights(Message message) {
        Float64Array theta = message.getTheta();
        Int32Array sizes = message.getSizes();
        return new Weights(NetworkShape.of(sizes.toJavaArray()), theta.toJavaArray());
    }

    private static void fail(String text, int requestId) {
        Message message = Messages.create(Messages.FAILED);
        message.setText(text);
        message.setRequestId(requestId);
        post(message, null);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();

    @JSBody(params = "handler", script = "self.onmessage = function(event) {"
            + " handler(event.data); };")
    private static native void listen(MessageHandler handler);

    @JSBody(params = {"message", "transfer"}, script = "self.postMessage(message, transfer || []);")
    private static native void post(JSObject message, JSObject transfer);

    /**
     * Returns a function that queues {@code callback} as a new task. A MessageChannel is used
     * rather than setTimeout(0), whose delay browsers clamp to 4 ms once timeouts nest.
     */
    @JSBody(params = "callback", script = "var channel = new MessageChannel();"
            + "channel.port1.onmessage = function() { callback(); };"
            + "return function() { channel.port2.postMessage(null); };")
    private static native Callback createScheduler(Callback callback);

    @JSBody(params = "callback", script = "callback();")
    private static native void trigger(Callback callback);

    /** A JS function without arguments. */
    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    /** The worker's handler of messages from the page. */
    @JSFunctor
    interface MessageHandler extends JSObject {
        void handle(Message message);
    }
}
