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
 */
final class WorkerClient {
    /** Values of X copied per task: 2 MB, about 1.5 ms. */
    private static final int COPY_SLICE = 1 << 18;

    private final Worker worker;
    private TrainingListener trainingListener;
    private EvaluationListener evaluationListener;
    /** The data version the worker holds, or -1 before it got any data. */
    private int workerDataVersion = -1;
    private int lastRequestId;
    /** True while {@link #train} copies the data; messages sent meanwhile wait. */
    private boolean copying;
    private final List<Message> waitingMessages = new ArrayList<>();

    /** Receives the messages of a training run. */
    interface TrainingListener {
        void progress(Message message);

        void finished(Message message);

        void failed(String text);
    }

    /** Receives the replies to {@link #evaluate}. */
    interface EvaluationListener {
        void evaluated(Message message);

        void failed(int requestId, String text);
    }

    WorkerClient() {
        worker = new Worker("js/worker-boot.js");
        worker.onMessage(event -> PageErrors.guard("Handling a message of the training worker",
                () -> dispatch(event)));
        listenForErrors(worker, this::workerFailed);
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
        workerDataVersion = dataVersion;

        double[] source = data.x();
        Float64Array x = Messages.allocate(source.length);
        int sliceCount = (source.length + COPY_SLICE - 1) / COPY_SLICE;
        Runnable[] steps = new Runnable[sliceCount + 1];
        for (int s = 0; s < sliceCount; s++) {
            int from = s * COPY_SLICE;
            int to = Math.min(source.length, from + COPY_SLICE);
            steps[s] = () -> Messages.copyRange(source, x, from, to);
        }
        steps[sliceCount] = () -> {
            message.setX(x);
            message.setY(Messages.copyOf(data.y()));
            copying = false;
            post(worker, message, Messages.transferList(message));
            for (Message waiting : waitingMessages) {
                post(worker, waiting, Messages.transferList(waiting));
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
        send(message);
    }

    void stop() {
        send(Messages.create(Messages.STOP));
    }

    /**
     * Requests J(Θ), the unregularized cost and the predictions of the weights on the data set.
     * The data is sent only when the worker does not have this version yet.
     *
     * @return the request id that the reply carries
     */
    int evaluate(Weights weights, Dataset data, int dataVersion, double lambda) {
        Message message = Messages.create(Messages.EVALUATE);
        message.setRequestId(++lastRequestId);
        message.setLambda(lambda);
        attachWeights(message, weights);
        if (dataVersion != workerDataVersion) {
            attachData(message, data, dataVersion);
        }
        send(message);
        return lastRequestId;
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
            post(worker, message, Messages.transferList(message));
        }
    }

    private void dispatch(MessageEvent event) {
        Message message = (Message) event.getData();
        String type = message.getType();
        if (Messages.PROGRESS.equals(type)) {
            trainingListener.progress(message);
        } else if (Messages.FINISHED.equals(type)) {
            trainingListener.finished(message);
        } else if (Messages.EVALUATION.equals(type)) {
            evaluationListener.evaluated(message);
        } else if (Messages.FAILED.equals(type)) {
            if (message.getRequestId() > 0) {
                evaluationListener.failed(message.getRequestId(), message.getText());
            } else {
                trainingListener.failed(message.getText());
            }
        } else {
            throw new IllegalStateException("The training worker sent a message of unknown type \""
                    + type + "\"");
        }
    }

    /**
     * Handles an error the worker did not catch, such as worker.js failing to load. The worker's
     * state is unknown afterwards, so it gets the data again with the next request.
     */
    private void workerFailed(String text) {
        workerDataVersion = -1;
        String message = "The training worker failed: " + text;
        PageErrors.show(message);
        trainingListener.failed(message);
        evaluationListener.failed(lastRequestId, message);
    }

    @JSBody(params = {"worker", "message", "transfer"},
            script = "worker.postMessage(message, transfer);")
    private static native void post(Worker worker, JSObject message, JSObject transfer);

    @JSBody(params = {"worker", "handler"}, script = "worker.addEventListener('error',"
            + " function(event) {"
            + "  event.preventDefault();"
            + "  handler(event.message || 'js/worker.js could not be loaded or run');"
            + "});")
    private static native void listenForErrors(Worker worker, PageErrors.TextHandler handler);
}
