package nnlab.web;

import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.nn.NetworkShape;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The results below the training chart: training-set accuracy, accuracy per digit, the confusion
 * matrix, the misclassified digits and the hidden units. Everything here is counting over the
 * predictions the worker sent, so it stays far below the 50 ms a main-thread task may take.
 */
final class TrainingResults {
    private static final int MAX_MISCLASSIFIED = 100;
    private static final int MAX_HIDDEN_UNITS = 400;
    /** Figures drawn per task; each takes about 1 ms in headless Chromium. */
    private static final int GALLERY_CHUNK = 10;

    private final PageElements elements;
    /** Increases with every new gallery, so the pending chunks of an older one do nothing. */
    private int galleryGeneration;

    TrainingResults(PageElements elements) {
        this.elements = elements;
        clear();
    }

    /** Empties the results, as after a data change that makes them stale. */
    void clear() {
        Dom.setClass(elements.trainResults, "empty", true);
        elements.trainAccuracy.setTextContent("");
        Dom.clear(elements.classAccuracy);
        Dom.clear(elements.confusionMatrix);
        galleryGeneration++;
        Dom.clear(elements.misclassified);
        elements.misclassifiedNote.setTextContent("");
    }

    /**
     * Shows the accuracy, the accuracy per digit and the confusion matrix of the predictions
     * against the labels of {@code data}.
     *
     * @param predictions predicted label 1..K of every example, not modified
     */
    void show(Dataset data, int[] predictions) {
        int numLabels = data.numLabels();
        int[][] confusion = new int[numLabels][numLabels];
        int[] y = data.y();
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            confusion[y[i] - 1][predictions[i] - 1]++;
            if (y[i] == predictions[i]) {
                correct++;
            }
        }
        Dom.setClass(elements.trainResults, "empty", false);
        Dom.clear(elements.classAccuracy);
        Dom.clear(elements.confusionMatrix);
        elements.trainAccuracy.setTextContent(Format.percent((double) correct / data.m()));
        int[] order = displayOrder(numLabels);
        fillClassAccuracy(confusion, order);
        fillConfusion(confusion, order);
    }

    /**
     * Draws up to 100 misclassified examples with their true and predicted digits, 20 per task
     * because each needs its own canvas.
     *
     * @param predictions predicted label 1..K of every example, not modified
     */
    void showMisclassified(Dataset data, int[] predictions) {
        int generation = ++galleryGeneration;
        Dom.clear(elements.misclassified);
        int[] y = data.y();
        int[] misclassified = new int[predictions.length];
        int wrong = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] != y[i]) {
                misclassified[wrong++] = i;
            }
        }
        // Evenly spaced picks, so that every digit of the sorted data set appears.

        int count = Math.min(wrong, MAX_MISCLASSIFIED);
        int[] galleryExamples = new int[count];
        for (int t = 0; t < count; t++) {
            galleryExamples[t] = misclassified[(int) ((double) t * wrong / count)];
        }
        int side = data.imageSide();

        if (wrong == 0) {
            elements.misclassifiedNote.setTextContent("Every training example is classified"
                    + " correctly.");
        } else if (side == 0) {
            elements.misclassifiedNote.setTextContent(wrong + " training examples are"
                    + " misclassified; they are not square images, so none is drawn.");
        } else {
            elements.misclassifiedNote.setTextContent("Showing " + count + " of the " + wrong
                    + " misclassified training examples as true digit → predicted digit.");
            Runnable[] chunks = new Runnable[(count + GALLERY_CHUNK - 1) / GALLERY_CHUNK];
            for (int c = 0; c < chunks.length; c++) {
                int from = c * GALLERY_CHUNK;
                int to = Math.min(count, from + GALLERY_CHUNK);
                chunks[c] = () -> appendFigures(generation, data, predictions, galleryExamples,
                        from, to);
            }
            Dom.runInTurns("Drawing the misclassified digits", chunks);
        }
    }

    private void appendFigures(int generation, Dataset data, int[] predictions, int[] examples,
            int from, int to) {
        if (generation != galleryGeneration) {
            return;
        }
        int side = data.imageSide();
        for (int t = from; t < to; t++) {
            int example = examples[t];
            elements.misclassified.appendChild(misclassifiedFigure(data, example,
                    predictions[example], side));
        }
    }

    /**
     * Label order for tables: the digits 0..9 (labels 10, 1, ..., 9) when K = 10, else 1..K.
     */
    static int[] displayOrder(int numLabels) {
        int[] order = new int[numLabels];
        for (int k = 0; k < numLabels; k++) {
            if (numLabels != 10) {
                order[k] = k + 1;
            } else {
                order[k] = k == 0 ? 10 : k;
            }
        }
        return order;
    }

    private void fillClassAccuracy(int[][] confusion, int[] order) {
        HTMLElement header = Dom.create("tr", null, null);
        header.appendChild(Dom.create("th", null, "digit"));
        HTMLElement values = Dom.create("tr", null, null);
        values.appendChild(Dom.create("th", null, "accuracy %"));
        for (int label : order) {
            int total = 0;
            for (int count : confusion[label - 1]) {
                total += count;
            }
            String text = total == 0 ? "–"
                    : Format.fixed(100.0 * confusion[label - 1][label - 1] / total, 1);
            header.appendChild(Dom.create("th", null, digitText(label, order.length)));
            values.appendChild(Dom.create("td", "number", text));
        }
        elements.classAccuracy.appendChild(header);
        elements.classAccuracy.appendChild(values);
    }

    private void fillConfusion(int[][] confusion, int[] order) {
        HTMLElement header = Dom.create("tr", null, null);
        header.appendChild(Dom.create("th", "corner", "true ↓ predicted →"));
        for (int label : order) {
            header.appendChild(Dom.create("th", null, digitText(label, order.length)));
        }
        elements.confusionMatrix.appendChild(header);
        for (int actual : order) {
            HTMLElement row = Dom.create("tr", null, null);
            row.appendChild(Dom.create("th", null, digitText(actual, order.length)));
            for (int predicted : order) {
                int count = confusion[actual - 1][predicted - 1];
                row.appendChild(Dom.create("td", cellClass(actual == predicted, count),
                        String.valueOf(count)));
            }
            elements.confusionMatrix.appendChild(row);
        }
    }

    /** Diagonal cells are hits; off-diagonal ones get darker in steps as the count grows. */
    private static String cellClass(boolean diagonal, int count) {
        if (diagonal) {
            return "number hit";
        }
        if (count == 0) {
            return "number";
        }
        int level = 4;
        if (count < 3) {
            level = 1;
        } else if (count < 10) {
            level = 2;
        } else if (count < 30) {
            level = 3;
        }
        return "number miss level-" + level;
    }

    private static HTMLElement misclassifiedFigure(Dataset data, int example, int predicted,
            int side) {
        int numLabels = data.numLabels();
        HTMLElement figure = Dom.create("figure", null, null);
        HTMLCanvasElement canvas = Dom.createCanvas(side, side);
        ImageRenderer.drawImage(canvas, data.x(), example * data.n(), 1, side, true);
        figure.appendChild(canvas);
        figure.appendChild(Dom.create("figcaption", null, digitText(data.y()[example], numLabels)
                + " → " + digitText(predicted, numLabels)));
        return figure;
    }

    /**
     * Draws each hidden unit of the first layer as an image of its input weights, Θ1(k, 2:end)
     * without the bias, scaled to its own min..max.
     */
    void showHiddenUnits(Weights weights, String source) {
        Dom.setClass(elements.hiddenUnitsCanvas, "empty", true);
        if (weights == null) {
            elements.hiddenUnitsNote.setTextContent("After training, or once a weights file is"
                    + " loaded, each hidden unit's input weights are drawn here as an image.");
            return;
        }
        NetworkShape shape = weights.shape();
        int hidden = shape.thetaRows(0);
        int side = (int) Math.round(Math.sqrt(shape.inputSize()));
        if (side * side != shape.inputSize()) {
            elements.hiddenUnitsNote.setTextContent("The inputs are not square images, so the"
                    + " hidden units are not drawn.");
            return;
        }
        int count = Math.min(hidden, MAX_HIDDEN_UNITS);
        int[] starts = new int[count];
        for (int k = 0; k < count; k++) {
            // Θ1(k, j) is at j * hidden + k; the bias column j = 0 is skipped.
            starts[k] = shape.offset(0) + hidden + k;
        }
        int columns = (int) Math.ceil(Math.sqrt(count));
        Dom.setClass(elements.hiddenUnitsCanvas, "empty", false);
        ImageRenderer.drawTiles(elements.hiddenUnitsCanvas, weights.theta(), starts, hidden,
                side, columns);
        elements.hiddenUnitsNote.setTextContent("The " + (count < hidden ? "first " + count
                + " of " : "") + hidden + " hidden units of " + source + ": each image shows the"
                + " unit's " + shape.inputSize() + " input weights Θ1(k, 2:"
                + shape.thetaCols(0) + "), from most negative (black) to most positive (white).");
    }

    /** Returns the digit a label is when K = 10 (label 10 is 0), else the label, as text. */
    static String digitText(int label, int numLabels) {
        return String.valueOf(Dataset.digitOfLabel(label, numLabels));
    }
}
