package nnlab.web;

import nnlab.data.Dataset;
import nnlab.io.DigitSheet;
import nnlab.web.BenchMessages.BenchMessage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.workers.Worker;

/**
 * The entry point of bench.html (js/bench.js): loads the built-in digits as the page does, sends
 * them to the same training worker, and publishes the worker's timings as JSON in
 * {@code #bench-result} and {@code window.benchResult}. {@code bench.html?shards=js} or
 * {@code ?shards=wasm-gc} picks the shard build; without it the page's default is used.
 */
public final class BenchMain {
    /** Timed evaluations of J(Θ) and its gradient. */
    private static final int EVALS = 40;
    private static final double TARGET_ACCURACY = 0.985;

    private BenchMain() {
    }

    public static void main(String[] args) {
        status("Loading the 5000 digits");
        double loadStart = now();
        Dom.loadGrayImage("data/digits.png", (width, height, gray) -> {
            try {
                Dataset digits = DigitSheet.decode(width, height, gray);
                double loadMs = now() - loadStart;
                status("Timing " + EVALS + " evaluations, then training to 98.5%");
                start(digits, loadMs);
            } catch (RuntimeException e) {
                status("The benchmark failed: " + PageErrors.describe(e));
            }
        }, BenchMain::status);
    }

    private static void start(Dataset digits, double loadMs) {
        Worker worker = new Worker("js/worker-boot.js");
        worker.onMessage(event -> {
            BenchMessage message = event.getData().cast();
            if (Messages.BENCHMARK_RESULT.equals(message.getType())) {
                publish(message, loadMs);
                status("Done");
                worker.terminate();
            } else if (Messages.FAILED.equals(message.getType())) {
                status(message.getText());
                worker.terminate();
            }
        });
        BenchMessage request = Messages.create(Messages.BENCHMARK).cast();
        request.setX(Messages.copyOf(digits.x()));
        request.setY(Messages.copyOf(digits.y()));
        request.setM(digits.m());
        request.setN(digits.n());
        request.setNumLabels(digits.numLabels());
        request.setEvals(EVALS);
        request.setTarget(TARGET_ACCURACY);
        request.setEngine(shardEngineParameter());
        post(worker, request, Messages.transferList(request));
    }

    @JSBody(params = {"message", "loadMs"}, script = "var result = {"
            + " engine: message.engine, workers: message.workers,"
            + " evalMsMedian: message.evalMsMedian, evalMsMin: message.evalMsMin,"
            + " evals: message.evals, trainSecondsTo985: message.trainSecondsTo985,"
            + " trainIterations: message.trainIterations, digitsLoadMs: loadMs };"
            + "var text = JSON.stringify(result);"
            + "window.benchResult = JSON.parse(text);"
            + "document.getElementById('bench-result').textContent = text;")
    private static native void publish(JSObject message, double loadMs);

    @JSBody(params = "text", script = "document.getElementById('bench-status').textContent"
            + " = text;")
    private static native void status(String text);

    @JSBody(params = {"worker", "message", "transfer"},
            script = "worker.postMessage(message, transfer);")
    private static native void post(Worker worker, JSObject message, JSObject transfer);

    /** The {@code shards} query parameter ("js" or "wasm-gc"); empty for the page's default. */
    @JSBody(script = "return new URLSearchParams(location.search).get('shards') || '';")
    private static native String shardEngineParameter();

    @JSBody(script = "return performance.now();")
    private static native double now();
}
