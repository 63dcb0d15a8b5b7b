package nnlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The messages between the page and the training worker. Every message is a plain JS object with
 * a {@code type}; the fields each type uses are listed beside the type. Arrays travel as typed
 * arrays, and large ones are transferred rather than copied.
 */
final class Messages {
    /**
     * Page to worker: start a run. Fields: x, y, m, n, numLabels (the data set, stored by the
     * worker for later evaluations too), hidden, lambda, iterations, method, seed, and theta plus
     * sizes of the start weights, or no theta for the seeded random start.
     */
    static final String TRAIN = "train";
    /** Page to worker: run {@code iterations} more iterations of the finished run. */
    static final String CONTINUE = "continue";
    /** Page to worker: stop the run after the current iteration. */
    static final String STOP = "stop";
    /**
     * Page to worker: compute J(Θ) and the predictions of theta, sizes at lambda. Fields:
     * requestId, theta, sizes, lambda, and the data set fields when the worker has not seen this
     * data set yet.
     */
    static final String EVALUATE = "evaluate";

    /**
     * Benchmark page to worker: time {@code evals} evaluations of J(Θ) with the shard workers
     * training uses, then train the course network (λ = 1, 25 hidden units, the default seed
     * and optimizer) until the training accuracy reaches {@code target}. Fields: the data set
     * fields, evals, target.
     */
    static final String BENCHMARK = "benchmark";

    /** Worker to page: one finished iteration. Fields: iteration, cost, evaluations, elapsedMs. */
    static final String PROGRESS = "progress";
    /**
     * Worker to page: the run ended. Fields: reason, iteration, cost, evaluations, elapsedMs,
     * theta, sizes, predictions (labels 1..K for every training example).
     */
    static final String FINISHED = "finished";
    /**
     * Worker to page: the reply to an evaluate message. Fields: requestId, lambda, cost,
     * unregularizedCost, accuracy, predictions.
     */
    static final String EVALUATION = "evaluation";
    /**
     * Worker to benchmark page: fields workers, evalMsMedian, evalMsMin, evals,
     * trainSecondsTo985 (null when the target was not reached), trainIterations.
     */
    static final String BENCHMARK_RESULT = "benchmark-result";
    /** Worker to page: a request failed. Fields: text, requestId (0 unless from evaluate). */
    static final String FAILED = "failed";

    private Messages() {
    }

    /** Creates an empty message of the given type. */
    static Message create(String type) {
        Message message = JSObjects.create();
        message.setType(type);
        return message;
    }

    /** Copies a Java array into a new typed array, which can then be transferred. */
    static Float64Array copyOf(double[] values) {
        return copyDoubles(values);
    }

    /** Copies a Java array into a new typed array, which can then be transferred. */
    static Int32Array copyOf(int[] values) {
        return copyInts(values);
    }

    /** Returns a new typed array of {@code length} zeros. */
    @JSBody(params = "length", script = "return new Float64Array(length);")
    static native Float64Array allocate(int length);

    /** Copies {@code source[from .. to-1]} into the same positions of {@code target}. */
    @JSBody(params = {"source", "target", "from", "to"},
            script = "target.set(source.subarray(from, to), from);")
    static native void copyRange(@JSByRef double[] source, Float64Array target, int from, int to);

    @JSBody(params = "values", script = "return new Float64Array(values);")
    private static native Float64Array copyDoubles(@JSByRef double[] values);

    @JSBody(params = "values", script = "return new Int32Array(values);")
    private static native Int32Array copyInts(@JSByRef int[] values);

    /** Returns true when the message has a field of that name that is not null or undefined. */
    @JSBody(params = {"message", "name"}, script = "return message[name] != null;")
    static native boolean has(JSObject message, String name);

    /** Returns the buffers of the message's large arrays, which postMessage may transfer. */
    @JSBody(params = "message", script = "var list = [];"
            + "['x', 'y', 'theta', 'predictions'].forEach(function(name) {"
            + "  if (message[name] && message[name].buffer) { list.push(message[name].buffer); }"
            + "});"
            + "return list;")
    static native JSObject transferList(JSObject message);

    /** A message of any type; a type reads only the fields listed at its constant. */
    interface Message extends JSObject {
        @JSProperty
        String getType();

        @JSProperty
        void setType(String type);

        @JSProperty
        int getRequestId();

        @JSProperty
        void setRequestId(int requestId);

        @JSProperty
        Float64Array getX();

        @JSProperty
        void setX(Float64Array x);

        @JSProperty
        Int32Array getY();

        @JSProperty
        void setY(Int32Array y);

        @JSProperty
        int getM();

        @JSProperty
        void setM(int m);

        @JSProperty
        int getN();

        @JSProperty
        void setN(int n);

        @JSProperty
        int getNumLabels();

        @JSProperty
        void setNumLabels(int numLabels);

        @JSProperty
        int getHidden();

        @JSProperty
        void setHidden(int hidden);

        @JSProperty
        double getLambda();

        @JSProperty
        void setLambda(double lambda);

        @JSProperty
        int getIterations();

        @JSProperty
        void setIterations(int iterations);

        @JSProperty
        String getMethod();

        @JSProperty
        void setMethod(String method);

        @JSProperty
        double getSeed();

        @JSProperty
        void setSeed(double seed);

        @JSProperty
        Float64Array getTheta();

        @JSProperty
        void setTheta(Float64Array theta);

        @JSProperty
        Int32Array getSizes();

        @JSProperty
        void setSizes(Int32Array sizes);

        @JSProperty
        int getIteration();

        @JSProperty
        void setIteration(int iteration);

        @JSProperty
        double getCost();

        @JSProperty
        void setCost(double cost);

        @JSProperty
        double getUnregularizedCost();

        @JSProperty
        void setUnregularizedCost(double cost);

        @JSProperty
        double getAccuracy();

        @JSProperty
        void setAccuracy(double accuracy);

        @JSProperty
        int getEvaluations();

        @JSProperty
        void setEvaluations(int evaluations);

        @JSProperty
        double getElapsedMs();

        @JSProperty
        void setElapsedMs(double elapsedMs);

        @JSProperty
        String getReason();

        @JSProperty
        void setReason(String reason);

        @JSProperty
        Int32Array getPredictions();

        @JSProperty
        void setPredictions(Int32Array predictions);

        @JSProperty
        String getText();

        @JSProperty
        void setText(String text);
    }
}
