package nnlab.web;

import java.util.ArrayList;
import java.util.List;
import nnlab.app.TrainingSettings;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.web.Messages.Message;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.MessageEvent;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.workers.Worker;

/**
 * The page's side of the training worker (js/worker-boot.js, which loads {@link WorkerMain}):
 * sends the requests and hands the worker's messages to the training and cost sections.
 *
 * <p>The worker is created when the first request needs it. After it fails (its script does not
 * load, it throws outside a request, or a training run fails) or ignores a stop for
 * {@link #STOP_TIMEOUT_MILLIS}, it is terminated and the next request creates a fresh one, which
 * gets the data again. A cost request still unanswered when the worker was replaced is sent to
 * the new worker, except after a script error, which would only repeat.
 */
final class WorkerClient {
    /** Time the worker has to end a run after a stop before it is terminated. */
    static final int STOP_TIMEOUT_MILLIS = 2000;
    private static final String SCRIPT = "js/worker-boot.js";
    /** Values of X copied per task: 2 MB, about 1.5 ms. */
    private static final int COPY_SLICE = 1 << 18;

    private Worker worker;
    /** Increases whenever the worker is terminated, so callbacks of an old worker do nothing. */
    private int generation;
    private TrainingListener trainingListener;
    private EvaluationListener evaluationListener;
    /** The data version the worker holds, or -1 before it got any data. */
    private int workerDataVersion = -1;
    private int lastRequestId;
    /** True while {@link #train} copies the data; messages sent meanwhile wait. */
    private boolean copying;
    private final List<Message> waitingMessages = new ArrayList<>();
    /** True from a train or continue request until the run's finished or failed message. */
    private boolean running;
    /** The setTimeout id of the pending stop deadline, or 0. */
    private int stopTimer;
    /** The latest cost request, until its reply arrives; null when none is pending. */
    private Evaluation pendingEvaluation;

    /** Receives the messages of a training run. */
    interface TrainingListener {
        void progress(Message message);

        void finished(Message message);

        void failed(String text);

        /** The worker ignored a stop and was terminated; the run's weights are lost. */
        void terminated(String text);
    }

    /** Receives the replies to {@link #evaluate}. */
    interface EvaluationListener {
        void evaluated(Message message);

        void failed(int requestId, String text);
    }

    /** A cost request, kept so that it can be sent again to a new worker. */
    private static final class Evaluation {
        final int requestId;
        final Weights weights;
        final Dataset data;
        final int dataVersion;
        final double lambda;

        Evaluation(int requestId, Weights weights, Dataset data, int dataVersion, double lambda) {
            this.requestId = requestId;
            this.weights = weights;
            this.data = data;
            this.dataVersion = dataVersion;
            this.lambda = lambda;
        }
    }

    void setTrainingListener(TrainingListener listener) {
        trainingListener = listener;
    }

    void setEvaluationListener(EvaluationListener listener) {
        evaluationListener = listener;
    }

    /**
     * Starts a run on a copy of the data set, which is transferred to the worker. {@code start}
     * gives the initial weights, or null for the seeded random initialization.
     *
     * <p>Copying X (16 MB for the digits) takes about 12 ms, so it is done in slices, one task
     * each, and messages sent meanwhile wait until the train message has gone.
     */
    void train(Dataset data, int dataVersion, TrainingSettings settings, Weights start) {
        Worker target = ensureWorker();
        int copyGeneration = generation;
        Message message = Messages.create(Messages.TRAIN);
        message.setHidden(settings.hiddenSizes()[0]);
        message.setLambda(settings.lambda());
        message.setIterations(settings.iterations());
        message.setMethod(settings.method().id());
        message.setSeed(settings.seed());
        if (start != null) {
            attachWeights(message, start);
        }
        message.setM(data.m());
        message.setN(data.n());
        message.setNumLabels(data.numLabels());
        running = true;
        if (dataVersion == workerDataVersion) {
            // The worker keeps the data set of its last message, so X is neither copied nor
            // sent again, and the worker can keep its shard workers too.
            send(message);
            return;
        }
        workerDataVersion = dataVersion;

        double[] source = data.x();
        Float64Array x = Messages.allocate(source.length);
        int sliceCount = (source.length + COPY_SLICE - 1) / COPY_SLICE;
        Runnable[] steps = new Runnable[sliceCount + 1];
        for (int s = 0; s < sliceCount; s++) {
            int from = s * COPY_SLICE;
            int to = Math.min(source.length, from + COPY_SLICE);
            steps[s] = () -> {
                if (copyGeneration == generation) {
                    Messages.copyRange(source, x, from, to);
                }
            };
        }
        steps[sliceCount] = () -> {
            if (copyGeneration != generation) {
                return;
            }
            message.setX(x);
            message.setY(Messages.copyOf(data.y()));
            copying = false;
            post(target, message, Messages.transferList(message));
            for (Message waiting : waitingMessages) {
                post(target, waiting, Messages.transferList(waiting));
            }
            waitingMessages.clear();
        };
        copying = true;
        Dom.runInTurns("Sending the data to the training worker", steps);
    }

    /** Continues the finished run for more iterations, keeping the optimizer's state. */
    void continueRun(int iterations) {
        Message message = Messages.create(Messages.CONTINUE);
        message.setIterations(iterations);
        running = true;
        send(message);
    }

    /**
     * Asks the worker to end the run after its current iteration. If the run has not ended
     * {@link #STOP_TIMEOUT_MILLIS} later, the worker is terminated and the training listener's
     * {@code terminated} is called.
     */
    void stop() {
        if (worker == null || !running) {
            return;
        }
        send(Messages.create(Messages.STOP));
        if (stopTimer == 0) {
            int stopGeneration = generation;
            stopTimer = setTimeout(() -> PageErrors.guard("Stopping the training",
                    () -> stopTimedOut(stopGeneration)), STOP_TIMEOUT_MILLIS);
        }
    }

    private void stopTimedOut(int stopGeneration) {
        stopTimer = 0;
        if (stopGeneration != generation || !running) {
            return;
        }
        replaceWorker();
        trainingListener.terminated("The training worker did not stop within "
                + STOP_TIMEOUT_MILLIS / 1000 + " s, so it was terminated");
    }

    /**
     * Requests J(Θ), the unregularized cost and the predictions of the weights on the data set.
     * The data is sent only when the worker does not have this version yet.
     *
     * @return the request id that the reply carries
     */
    int evaluate(Weights weights, Dataset data, int dataVersion, double lambda) {
        pendingEvaluation = new Evaluation(++lastRequestId, weights, data, dataVersion, lambda);
        sendEvaluation(pendingEvaluation);
        return lastRequestId;
    }

    private void sendEvaluation(Evaluation evaluation) {
        ensureWorker();
        Message message = Messages.create(Messages.EVALUATE);
        message.setRequestId(evaluation.requestId);
        message.setLambda(evaluation.lambda);
        attachWeights(message, evaluation.weights);
        if (evaluation.dataVersion != workerDataVersion) {
            attachData(message, evaluation.data, evaluation.dataVersion);
        }
        send(message);
    }

    private void attachData(Message message, Dataset data, int dataVersion) {
        message.setX(Messages.copyOf(data.x()));
        message.setY(Messages.copyOf(data.y()));
        message.setM(data.m());
        message.setN(data.n());
        message.setNumLabels(data.numLabels());
        workerDataVersion = dataVersion;
    }

    private static void attachWeights(Message message, Weights weights) {
        message.setTheta(Messages.copyOf(weights.theta()));
        message.setSizes(Messages.copyOf(weights.shape().sizes()));
    }

    private void send(Message message) {
        if (copying) {
            waitingMessages.add(message);
        } else {
            post(ensureWorker(), message, Messages.transferList(message));
        }
    }

    private Worker ensureWorker() {
        if (worker == null) {
            int workerGeneration = generation;
            worker = new Worker(SCRIPT);
            worker.onMessage(event -> PageErrors.guard("Handling a message of the training"
                    + " worker", () -> {
                        if (workerGeneration == generation) {
                            dispatch(event);
                        }
                    }));
            listenForErrors(worker, text -> PageErrors.guard("Handling a failure of the"
                    + " training worker", () -> {
                        if (workerGeneration == generation) {
                            workerFailed(text);
                        }
                    }));
        }
        return worker;
    }

    /** Terminates the worker; the next request creates a new one and sends it the data. */
    private void terminateWorker() {
        if (worker != null) {
            worker.terminate();
            worker = null;
        }
        generation++;
        workerDataVersion = -1;
        copying = false;
        waitingMessages.clear();
        running = false;
        if (stopTimer != 0) {
            clearTimeout(stopTimer);
            stopTimer = 0;
        }
    }

    /** Terminates the worker and sends the pending cost request, if any, to a new one. */
    private void replaceWorker() {
        terminateWorker();
        if (pendingEvaluation != null) {
            sendEvaluation(pendingEvaluation);
        }
    }

    private void dispatch(MessageEvent event) {
        Message message = (Message) event.getData();
        String type = message.getType();
        if (Messages.PROGRESS.equals(type)) {
            trainingListener.progress(message);
        } else if (Messages.FINISHED.equals(type)) {
            runEnded();
            trainingListener.finished(message);
        } else if (Messages.EVALUATION.equals(type)) {
            if (pendingEvaluation != null
                    && pendingEvaluation.requestId == message.getRequestId()) {
                pendingEvaluation = null;
            }
            evaluationListener.evaluated(message);
        } else if (Messages.FAILED.equals(type)) {
            dispatchFailure(message);
        } else {
            throw new IllegalStateException("The training worker sent a message of unknown type \""
                    + type + "\"");
        }
    }

    private void dispatchFailure(Message message) {
        int requestId = message.getRequestId();
        if (requestId > 0) {
            if (pendingEvaluation != null && pendingEvaluation.requestId == requestId) {
                pendingEvaluation = null;
            }
            evaluationListener.failed(requestId, message.getText());
            return;
        }
        // The run's state in the worker is unknown after a failure, so a fresh worker serves
        // the next request.
        replaceWorker();
        trainingListener.failed(message.getText());
    }

    private void runEnded() {
        running = false;
        if (stopTimer != 0) {
            clearTimeout(stopTimer);
            stopTimer = 0;
        }
    }

    /**
     * Handles an error the worker did not catch, such as worker.js failing to load. The worker
     * is terminated, and its run and pending cost request fail.
     */
    private void workerFailed(String text) {
        boolean wasRunning = running;
        terminateWorker();
        String message = "The training worker failed: " + text + ". A new worker starts with"
                + " the next request.";
        Evaluation evaluation = pendingEvaluation;
        pendingEvaluation = null;
        if (evaluation != null) {
            evaluationListener.failed(evaluation.requestId, message);
        }
        if (wasRunning) {
            trainingListener.failed(message);
        }
        PageErrors.show(message);
    }

    @JSBody(params = {"worker", "message", "transfer"},
            script = "worker.postMessage(message, transfer);")
    private static native void post(Worker worker, JSObject message, JSObject transfer);

    @JSBody(params = {"worker", "handler"}, script = "function report(event) {"
            + "  if (event.preventDefault) { event.preventDefault(); }"
            + "  handler(event.message || (event.type === 'messageerror'"
            + "    ? 'a message from the worker could not be read'"
            + "    : 'js/worker-boot.js or js/worker.js could not be loaded or run'));"
            + "}"
            + "worker.addEventListener('error', report);"
            + "worker.addEventListener('messageerror', report);")
    private static native void listenForErrors(Worker worker, PageErrors.TextHandler handler);

    @JSBody(params = {"callback", "millis"},
            script = "return setTimeout(function() { callback(); }, millis);")
    private static native int setTimeout(Dom.Callback callback, int millis);

    @JSBody(params = "id", script = "clearTimeout(id);")
    private static native void clearTimeout(int id);
}
