package nnlab.web;

import java.util.Arrays;
import nnlab.data.Dataset;
import nnlab.nn.Backpropagation;
import nnlab.nn.NetworkShape;
import nnlab.web.ShardMessages.ShardMessage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * The entry point of a shard worker: it keeps one slice of the examples and, for every theta the
 * training worker sends, returns the slice's summed cost and gradient from
 * {@link Backpropagation}. Its buffers are allocated once per data set. The same class is
 * compiled to JavaScript (js/shard.js) and to WebAssembly GC (js/shard.wasm).
 */
public final class ShardWorkerMain {
    /** The shard's rows of X and their labels, kept for every network of later runs. */
    private static Dataset slice;
    private static Backpropagation pass;
    private static double[] theta;
    private static double[] gradient;

    private ShardWorkerMain() {
    }

    public static void main(String[] args) {
        listen(ShardWorkerMain::handle);
    }

    private static void handle(ShardMessage message) {
        try {
            if (ShardMessages.DATA.equals(message.getType())) {
                if (hasRows(message)) {
                    slice = new Dataset(message.getX().copyToJavaArray(),
                            message.getY().copyToJavaArray(), message.getM(), message.getN(),
                            message.getNumLabels());
                } else if (slice == null) {
                    throw new IllegalStateException("The shard worker has no rows of X yet;"
                            + " the first " + ShardMessages.DATA + " message must carry them");
                }
                NetworkShape shape = NetworkShape.of(message.getSizes().copyToJavaArray());
                pass = new Backpropagation(shape, slice, 0, slice.m(), true);
                theta = new double[shape.parameterCount()];
                gradient = new double[shape.parameterCount()];
            } else if (ShardMessages.EVALUATE.equals(message.getType())) {
                evaluate(message);
            } else {
                throw new IllegalArgumentException("Unknown message type \"" + message.getType()
                        + "\" sent to a shard worker");
            }
        } catch (RuntimeException e) {
            ShardMessage failure = ShardMessages.create(ShardMessages.FAILED);
            failure.setText(PageErrors.describe(e));
            post(failure, null);
        }
    }

    private static void evaluate(ShardMessage message) {
        if (pass == null) {
            throw new IllegalStateException("The shard worker has no data yet; send "
                    + ShardMessages.DATA + " first");
        }
        // Element by element, because the WebAssembly build cannot view a Java array as a
        // typed array; 10285 values each way cost well under a millisecond.
        Float64Array thetaIn = message.getTheta();
        for (int p = 0; p < theta.length; p++) {
            theta[p] = thetaIn.get(p);
        }
        Arrays.fill(gradient, 0.0);
        double cost = pass.accumulate(theta, gradient);
        Float64Array gradientOut = message.getGradient();
        for (int p = 0; p < gradient.length; p++) {
            gradientOut.set(p, gradient[p]);
        }
        message.setType(ShardMessages.RESULT);
        message.setCost(cost);
        post(message, ShardMessages.buffers(message));
    }

    /** Tells whether a data message carries rows of X (the first one) or only a new network. */
    @JSBody(params = "message", script = "return message.x != null;")
    private static native boolean hasRows(JSObject message);

    @JSBody(params = "handler", script = "self.onmessage = function(event) {"
            + " handler(event.data); };")
    private static native void listen(Handler handler);

    @JSBody(params = {"message", "transfer"}, script = "self.postMessage(message, transfer || []);")
    private static native void post(JSObject message, JSObject transfer);

    /** The shard's handler of messages from the training worker. */
    @JSFunctor
    interface Handler extends JSObject {
        void handle(ShardMessage message);
    }
}
