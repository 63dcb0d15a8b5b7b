package nnlab.web;

import nnlab.app.DrawingPreprocessor;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.nn.Predictor;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.TextRectangle;

/**
 * Section 5: the user draws a digit with a mouse, finger or pen, and the current weights
 * classify it while it is drawn. The drawing is white on black, like the training digits, and
 * while a stroke goes on the canvas is read at most once per animation frame.
 */
final class DrawSection {
    /** The pen is 1/12 of the canvas side, which after scaling to 20x20 matches MNIST strokes. */
    private static final double PEN_FRACTION = 1.0 / 12;

    private final PageElements elements;
    private final PageState state;
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final Charts.Chart chart;
    /**
     * The canvas is read at half its resolution: the network's input is 20x20, so 140x140 ink
     * levels lose nothing it can see, and each frame of a stroke then visits a quarter of the
     * pixels.
     */
    private static final int READ_SCALE = 2;
    /** Drawings whose longer side is below this fraction of the canvas get a hint. */
    private static final double SMALL_DRAWING_FRACTION = 0.35;
    /** Work arrays reused on every frame: the ink levels and the preprocessor's table. */
    private double[] ink;
    private double[] table;
    private Predictor predictor;
    private int activePointer = -1;
    private double lastX;
    private double lastY;
    private boolean framePending;
    /** False while the canvas is known to be empty, which spares reading it back. */
    private boolean hasInk;

    DrawSection(PageElements elements, PageState state) {
        this.elements = elements;
        this.state = state;
        this.canvas = elements.drawCanvas;
        this.context = (CanvasRenderingContext2D) canvas.getContext("2d",
                readFrequently());
        this.chart = Charts.probabilityBars(elements.probabilityChart);
        clearDrawing();
        Dom.on(canvas, "pointerdown", "Drawing", this::penDown);
        Dom.on(canvas, "pointermove", "Drawing", this::penMove);
        Dom.on(canvas, "pointerup", "Drawing", this::penUp);
        Dom.on(canvas, "pointercancel", "Drawing", this::penUp);
        Dom.on(elements.clearButton, "click", "Clearing the drawing", event -> clearDrawing());
        state.onWeightsChanged(this::weightsChanged);
        weightsChanged();
    }

    private void weightsChanged() {
        Weights weights = state.weights();
        predictor = null;
        if (weights == null) {
            elements.drawNote.setTextContent("There are no weights yet: train the network in"
                    + " section 4 or load a weights file in section 1, then draw a digit.");
        } else if (weights.shape().inputSize() != DrawingPreprocessor.SIDE
                * DrawingPreprocessor.SIDE) {
            elements.drawNote.setTextContent("The current weights take "
                    + weights.shape().inputSize() + " inputs, not the 400 pixels of a 20×20"
                    + " drawing, so they cannot classify drawings.");
        } else {
            predictor = new Predictor(weights.shape(), weights.theta());
            elements.drawNote.setTextContent("Classifying with the weights from "
                    + state.weightsSource() + ".");
        }
        if (hasInk) {
            classify();
        }
    }

    private void penDown(Event event) {
        PointerEvent pointer = (PointerEvent) event;
        if (activePointer >= 0 || pointer.getButton() > 0) {
            return;
        }
        event.preventDefault();
        activePointer = pointer.getPointerId();
        setPointerCapture(canvas, activePointer);
        lastX = canvasX(pointer);
        lastY = canvasY(pointer);
        strokeTo(lastX, lastY);
    }

    private void penMove(Event event) {
        PointerEvent pointer = (PointerEvent) event;
        if (pointer.getPointerId() != activePointer) {
            return;
        }
        event.preventDefault();
        strokeTo(canvasX(pointer), canvasY(pointer));
    }

    private void penUp(Event event) {
        PointerEvent pointer = (PointerEvent) event;
        if (pointer.getPointerId() == activePointer) {
            activePointer = -1;
            scheduleClassify();
        }
    }

    /** Draws a round-capped line from the last point; a zero-length line leaves a dot. */
    private void strokeTo(double x, double y) {
        context.setStrokeStyle("#fff");
        context.setLineWidth(canvas.getWidth() * PEN_FRACTION);
        context.setLineCap("round");
        context.setLineJoin("round");
        context.beginPath();
        context.moveTo(lastX, lastY);
        context.lineTo(x, y);
        context.stroke();
        hasInk = true;
        lastX = x;
        lastY = y;
        scheduleClassify();
    }

    private double canvasX(PointerEvent pointer) {
        TextRectangle box = canvas.getBoundingClientRect();
        return (pointer.getClientX() - box.getLeft()) * canvas.getWidth() / box.getWidth();
    }

    private double canvasY(PointerEvent pointer) {
        TextRectangle box = canvas.getBoundingClientRect();
        return (pointer.getClientY() - box.getTop()) * canvas.getHeight() / box.getHeight();
    }

    private void clearDrawing() {
        context.setFillStyle("#000");
        context.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        activePointer = -1;
        hasInk = false;
        ImageRenderer.clear(elements.networkInput);
        elements.drawHint.setTextContent("");
        showNoPrediction();
    }

    private void scheduleClassify() {
        if (!framePending) {
            framePending = true;
            Dom.nextFrame(() -> {
                framePending = false;
                PageErrors.guard("Classifying the drawing", this::classify);
            });
        }
    }

    /** Reads the canvas, shows the 20x20 network input and, with weights, the outputs. */
    private void classify() {
        int width = Math.max(1, canvas.getWidth() / READ_SCALE);
        int height = Math.max(1, canvas.getHeight() / READ_SCALE);
        if (ink == null || ink.length != width * height) {
            ink = new double[width * height];
            table = new double[(width + 1) * (height + 1)];
        }
        readInk(canvas, width, height, ink);
        double[] input = DrawingPreprocessor.toInput(ink, width, height, table);

        if (input == null) {
            ImageRenderer.clear(elements.networkInput);
            elements.drawHint.setTextContent("");
            showNoPrediction();
            return;
        }
        boolean small = DrawingPreprocessor.inkExtent(ink, width, height)
                < SMALL_DRAWING_FRACTION * Math.min(width, height);
        elements.drawHint.setTextContent(small ? "The drawing is small: draw the digit across"
                + " most of the box, as the training digits fill theirs, for a reliable"
                + " prediction." : "");
        ImageRenderer.drawImage(elements.networkInput, input, 0, 1, DrawingPreprocessor.SIDE,
                false);
        if (predictor == null) {
            showNoPrediction();
            return;
        }

        double[] outputs = predictor.probabilities(input, 0);
        int numLabels = outputs.length;
        int[] order = TrainingResults.displayOrder(numLabels);
        String[] labels = new String[numLabels];
        double[] values = new double[numLabels];
        int best = Predictor.argMax(outputs);
        int highlight = -1;
        for (int k = 0; k < numLabels; k++) {
            labels[k] = TrainingResults.digitText(order[k], numLabels);
            values[k] = outputs[order[k] - 1];
            if (order[k] == best + 1) {
                highlight = k;
            }
        }

        elements.prediction.setTextContent(
                String.valueOf(Dataset.digitOfLabel(best + 1, numLabels)));
        Charts.setBars(chart, labels, values, highlight);
    }

    private void showNoPrediction() {
        elements.prediction.setTextContent("");
        Charts.clearBars(chart);
    }

    /**
     * Writes the canvas, scaled down to width x height with smoothing, into {@code ink} as red
     * levels 0..1, row-major. The scaled copy is kept on the canvas element between calls.
     */
    @JSBody(params = {"canvas", "width", "height", "ink"}, script = ""
            + "var small = canvas.nnlabSmall;"
            + "if (!small || small.width !== width || small.height !== height) {"
            + "  small = document.createElement('canvas');"
            + "  small.width = width; small.height = height;"
            + "  canvas.nnlabSmall = small;"
            + "}"
            + "var context = small.getContext('2d', { willReadFrequently: true });"
            + "context.imageSmoothingEnabled = true;"
            + "context.imageSmoothingQuality = 'high';"
            + "context.drawImage(canvas, 0, 0, width, height);"
            + "var rgba = context.getImageData(0, 0, width, height).data;"
            + "for (var i = 0; i < ink.length; i++) { ink[i] = rgba[4 * i] / 255; }")
    private static native void readInk(HTMLCanvasElement canvas, int width, int height,
            @JSByRef double[] ink);

    @JSBody(script = "return { willReadFrequently: true };")
    private static native JSObject readFrequently();

    /** Captures the pointer; the throw for a pointer that is no longer active is harmless. */
    @JSBody(params = {"element", "pointerId"}, script = "try {"
            + " element.setPointerCapture(pointerId); } catch (e) { }")
    private static native void setPointerCapture(HTMLCanvasElement element, int pointerId);

    /** The fields of a DOM PointerEvent that drawing needs. */
    interface PointerEvent extends MouseEvent {
        @JSProperty
        int getPointerId();
    }
}
