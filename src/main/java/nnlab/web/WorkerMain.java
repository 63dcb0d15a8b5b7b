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

    private WorkerMain() {
    }

    /** Starts listening for messages from the page. */
    public static void main(String[] args) {
        scheduleStep = createScheduler(WorkerMain::runStep);
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
        if (session != null && !session.minimization().isFinished()) {
            throw new IllegalStateException("A training run is still going on; stop it before"
                    + " starting another");
        }
        session = null;
        data = readDataset(message);
        TrainingSettings settings = TrainingSettings.of(message.getHidden(), message.getLambda(),
                message.getIterations(), Method.parse(message.getMethod()),
                (long) message.getSeed());
        Weights start = Messages.has(message, "theta") ? readWeights(message) : null;
        session = new TrainingSession(data, settings, start, null, WorkerMain::reportProgress,
                WorkerMain::now);
        trigger(scheduleStep);
    }

    private static void continueTraining(int iterations) {
        if (session == null) {
            throw new IllegalStateException("There is no training run to continue; start one"
                    + " with Train");
        }
        if (!session.minimization().isFinished()) {
            throw new IllegalStateException("The training run is still going on; wait for it to"
                    + " finish or stop it before continuing");
        }
        session.minimization().extendIterations(iterations);
        trigger(scheduleStep);
    }

    private static void stopTraining() {
        if (session != null && !session.minimization().isFinished()) {
            session.minimization().requestStop();
        }
    }

    private static void runStep() {
        if (session == null) {
            return;
        }
        try {
            if (session.step()) {
                trigger(scheduleStep);
            } else {
                reportFinished();
            }
        } catch (RuntimeException e) {
            session = null;
            fail("Training failed: " + PageErrors.describe(e), 0);
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
