package nnlab.web;

import java.util.Arrays;
import nnlab.data.Dataset;
import nnlab.nn.Backpropagation;
import nnlab.nn.CostFunction;
import nnlab.nn.NetworkShape;
import nnlab.optim.DifferentiableFunction;
import nnlab.web.ShardMessages.ShardMessage;
import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * J(Θ) and its gradient computed on several cores: the examples are split into equal slices, one
 * per core. With JavaScript shards the training worker computes the first slice itself, and each
 * shard worker computes one of the others. With WebAssembly shards every slice goes to a shard.
 * The summed costs and gradients are finished by {@link CostFunction#finish}. The
 * result equals the single-threaded {@link CostFunction} up to the order of the additions.
 *
 * <p>{@link #evaluate} suspends the calling TeaVM thread until every shard has answered (an
 * {@code @Async} method), so it must run inside a {@code java.lang.Thread}, never directly in a
 * JavaScript callback.
 */
final class ShardedCostFunction implements DifferentiableFunction {
    /** Upper bound on slices, because each shard keeps a copy of its rows of X. */
    static final int MAX_SLICES = 8;
    private static final String SHARD_SCRIPT_JS = "shard-boot.js";
    private static final String SHARD_SCRIPT_WASM = "shard-wasm-boot.js";

    private final NetworkShape shape;
    private final Dataset data;
    private final String shardScript;
    private final double lambda;
    private final int m;
    private final Backpropagation ownSlice;
    private final Shard[] shards;
    private final Float64Array[] thetaBuffers;
    private final Float64Array[] gradientBuffers;
    private double[] target;
    private double pendingCost;
    private int pendingShards;
    private String failure;
    /** Reason a shard stopped working, kept so that later evaluations fail at once. */
    private String broken;
    private AsyncCallback<Double> waiting;

    /**
     * Starts the shard workers from {@code shardScript} (see {@link #shardScript()}): one per
     * slice, or one per slice but the first, which the caller computes, for the JavaScript
     * build. Each shard receives its rows of X once.
     *
     * @param previous the function of the previous run, or null. Its shard workers and their
     *     rows of X are kept when it used the same data set, build and number of shards, so a
     *     new run with another network starts without copying X or compiling the shards again.
     *     Otherwise they are stopped.
     */
    ShardedCostFunction(NetworkShape shape, Dataset data, double lambda, int slices,
            String shardScript, ShardedCostFunction previous) {
        CostFunction.checkLambda(lambda);
        Backpropagation.checkFits(shape, data);
        int count = Math.max(1, Math.min(Math.min(slices, MAX_SLICES), data.m()));
        this.shape = shape;
        this.data = data;
        this.shardScript = shardScript;
        this.lambda = lambda;
        this.m = data.m();
        // The WebAssembly shards run the loops faster than this JavaScript worker, so with
        // them every slice goes to a shard and this worker only adds up the results.
        boolean computeHere = count == 1 || !SHARD_SCRIPT_WASM.equals(shardScript);
        int first = computeHere ? 1 : 0;
        this.ownSlice = computeHere
                ? new Backpropagation(shape, data, 0, sliceEnd(0, count), true) : null;
        this.shards = new Shard[count - first];
        this.thetaBuffers = new Float64Array[count - first];
        this.gradientBuffers = new Float64Array[count - first];
        boolean reuse = previous != null && previous.data == data && previous.broken == null
                && previous.shardScript.equals(shardScript)
                && previous.shards.length == shards.length;
        if (previous != null && !reuse) {
            previous.close();
        }
        for (int s = first; s < count; s++) {
            ShardMessage message = ShardMessages.create(ShardMessages.DATA);
            message.setSizes(Messages.copyOf(shape.sizes()));
            Shard shard;
            if (reuse) {
                shard = previous.shards[s - first];
                listen(shard, this::receive);
                shard.postMessage(message, null);
            } else {
                int from = s == 0 ? 0 : sliceEnd(s - 1, count);
                int to = sliceEnd(s, count);
                shard = startShard(shardScript, this::receive);
                message.setX(copyRows(data.x(), from * data.n(), to * data.n()));
                message.setY(copyLabels(data.y(), from, to));
                message.setM(to - from);
                message.setN(data.n());
                message.setNumLabels(data.numLabels());
                shard.postMessage(message, dataBuffers(message));
            }
            shards[s - first] = shard;
            thetaBuffers[s - first] = Messages.allocate(shape.parameterCount());
            gradientBuffers[s - first] = Messages.allocate(shape.parameterCount());
        }
    }

    /**
     * Returns the shard build to start: WebAssembly GC where the browser validates a GC type
     * (its loops run faster there), else the JavaScript build.
     */
    static String shardScript() {
        return wasmGcSupported() ? SHARD_SCRIPT_WASM : SHARD_SCRIPT_JS;
    }

    /** Returns the shard build for "js" or "wasm-gc"; any other name gives the default. */
    static String shardScript(String engine) {
        if ("js".equals(engine)) {
            return SHARD_SCRIPT_JS;
        }
        return "wasm-gc".equals(engine) ? SHARD_SCRIPT_WASM : shardScript();
    }

    /** Names a shard build for reports: "wasm-gc" or "js". */
    static String engineOf(String shardScript) {
        return SHARD_SCRIPT_WASM.equals(shardScript) ? "wasm-gc" : "js";
    }

    /** Validates a module whose only content is an empty struct type, a GC proposal feature. */
    @JSBody(script = "try { return typeof WebAssembly === 'object' && WebAssembly.validate("
            + "new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 95, 0])); }"
            + " catch (e) { return false; }")
    private static native boolean wasmGcSupported();

    /** Number of slices the examples are split into (shards plus the caller's own slice). */
    int slices() {
        return shards.length + (ownSlice != null ? 1 : 0);
    }

    /** Number of shard workers. */
    int shardCount() {
        return shards.length;
    }

    private int sliceEnd(int slice, int count) {
        return (int) ((long) m * (slice + 1) / count);
    }

    @Override
    public int dimension() {
        return shape.parameterCount();
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        if (broken != null) {
            throw new IllegalStateException("A shard worker failed earlier: " + broken);
        }
        pendingShards = shards.length;
        pendingCost = 0;
        failure = null;
        target = gradient;
        for (int s = 0; s < shards.length; s++) {
            ShardMessage message = ShardMessages.create(ShardMessages.EVALUATE);
            ShardMessages.copyFrom(x, thetaBuffers[s]);
            message.setTheta(thetaBuffers[s]);
            message.setGradient(gradientBuffers[s]);
            shards[s].postMessage(message, ShardMessages.buffers(message));
        }
        Arrays.fill(gradient, 0.0);
        double costSum = ownSlice != null ? ownSlice.accumulate(x, gradient) : 0;
        if (shards.length > 0) {
            costSum += awaitShards();
        }
        return CostFunction.finish(shape, x, lambda, m, costSum, gradient);
    }

    /** Stops the shard workers; the function cannot be evaluated afterwards. */
    void close() {
        for (Shard shard : shards) {
            shard.terminate();
        }
    }

    @Async
    private native double awaitShards();

    private void awaitShards(AsyncCallback<Double> callback) {
        waiting = callback;
        settleIfDone();
    }

    private void receive(ShardMessage message) {
        if (!ShardMessages.RESULT.equals(message.getType())) {
            broken = message.getText() != null ? message.getText() : "a shard worker failed";
        }
        if (pendingShards <= 0) {
            return;
        }
        if (ShardMessages.RESULT.equals(message.getType())) {
            int s = detachedSlot();
            thetaBuffers[s] = message.getTheta();
            gradientBuffers[s] = message.getGradient();
            ShardMessages.addInto(message.getGradient(), target);
            pendingCost += message.getCost();
        } else {
            failure = broken;
        }
        pendingShards--;
        settleIfDone();
    }

    /**
     * Returns a slot whose buffers are out with a shard (transferred buffers read as length 0).
     * All buffers have the same length, so a returned pair may take any such slot.
     */
    private int detachedSlot() {
        for (int s = 0; s < thetaBuffers.length; s++) {
            if (thetaBuffers[s].getLength() == 0) {
                return s;
            }
        }
        throw new IllegalStateException("A shard returned a result although no evaluation was pending");
    }

    private void settleIfDone() {
        if (pendingShards > 0 || waiting == null) {
            return;
        }
        AsyncCallback<Double> callback = waiting;
        waiting = null;
        if (failure != null) {
            callback.error(new IllegalStateException("Evaluating J(Θ) in a shard worker failed: "
                    + failure));
        } else {
            callback.complete(pendingCost);
        }
    }

    @JSBody(params = {"source", "from", "to"}, script = "return source.slice(from, to);")
    private static native Float64Array copyRows(@JSByRef double[] source, int from, int to);

    @JSBody(params = {"source", "from", "to"}, script = "return source.slice(from, to);")
    private static native Int32Array copyLabels(@JSByRef int[] source, int from, int to);

    @JSBody(params = "message", script = "return [message.x.buffer, message.y.buffer];")
    private static native JSObject dataBuffers(ShardMessage message);

    private static Shard startShard(String script, Receiver receiver) {
        Shard shard = createShard(script);
        listen(shard, receiver);
        return shard;
    }

    @JSBody(params = "script", script = "return new Worker(script);")
    private static native Shard createShard(String script);

    /** Sends the shard's messages and errors to {@code receiver}, replacing earlier handlers. */
    @JSBody(params = {"worker", "receiver"}, script = ""
            + "worker.onmessage = function(event) { receiver(event.data); };"
            + "worker.onerror = function(event) { event.preventDefault();"
            + " receiver({type: 'shard-failed', text: 'the shard worker stopped: '"
            + " + (event.message || 'script error')}); };")
    private static native void listen(Shard worker, Receiver receiver);

    /** A dedicated worker running {@link ShardWorkerMain}. */
    interface Shard extends JSObject {
        void postMessage(JSObject message, JSObject transfer);

        void terminate();
    }

    /** Receives the shard's results and failures. */
    @JSFunctor
    interface Receiver extends JSObject {
        void receive(ShardMessage message);
    }
}
