package nnlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * The messages between the training worker and its shard workers, each of which keeps a slice of
 * the examples. One evaluation of J(Θ) costs one message each way per shard, and the two buffers
 * travel back and forth by transfer, so nothing is copied or allocated per evaluation beyond the
 * message object.
 */
final class ShardMessages {
    /**
     * Training worker to shard, once per data set and network: the shard's rows of X (x, m rows
     * of n), their labels y, numLabels and the layer sizes.
     */
    static final String DATA = "shard-data";
    /**
     * Training worker to shard: compute the summed cost and gradient of theta over the shard's
     * rows. Fields: theta, gradient (a buffer of the same length that the shard overwrites);
     * both are transferred.
     */
    static final String EVALUATE = "shard-evaluate";
    /** Shard to training worker: fields cost (the sum, not divided by m), theta, gradient. */
    static final String RESULT = "shard-result";
    /** Shard to training worker: a request failed; field text. */
    static final String FAILED = "shard-failed";

    private ShardMessages() {
    }

    static ShardMessage create(String type) {
        ShardMessage message = JSObjects.create();
        message.setType(type);
        return message;
    }

    /** Copies a typed array into a Java array of the same length. */
    @JSBody(params = {"source", "target"}, script = "target.set(source);")
    static native void copyInto(Float64Array source, @JSByRef double[] target);

    /** Copies a Java array into a typed array of the same length. */
    @JSBody(params = {"source", "target"}, script = "target.set(source);")
    static native void copyFrom(@JSByRef double[] source, Float64Array target);

    /** Adds a typed array into a Java array of the same length, element by element. */
    @JSBody(params = {"source", "target"}, script = "for (var i = 0; i < source.length; i++) {"
            + " target[i] += source[i]; }")
    static native void addInto(Float64Array source, @JSByRef double[] target);

    /** Buffers of the message's theta and gradient, for postMessage's transfer list. */
    @JSBody(params = "message", script = "return [message.theta.buffer,"
            + " message.gradient.buffer];")
    static native JSObject buffers(ShardMessage message);

    /**
     * A message between the training worker and a shard: the page's message fields (type, x, y,
     * m, n, numLabels, sizes, theta, cost, text) plus the gradient buffer.
     */
    interface ShardMessage extends Messages.Message {
        @JSProperty
        Float64Array getGradient();

        @JSProperty
        void setGradient(Float64Array gradient);
    }
}
