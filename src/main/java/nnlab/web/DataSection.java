package nnlab.web;

import nnlab.app.MatData;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.io.DigitSheet;
import nnlab.nn.NetworkShape;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.file.File;

/**
 * Section 1: loads the built-in digits, shows 100 random examples, reads the user's data and
 * weights files from the pickers or from a drop, and exports the current weights.
 *
 * <p>Every file is untrusted. Its size is checked before it is read, and a file that cannot be
 * used leaves the current data and weights in place and shows why in {@code #error}.
 */
final class DataSection {
    private static final String DIGITS_URL = "data/digits.png";
    private static final int SAMPLES = 100;
    private static final int SAMPLE_COLUMNS = 10;
    /**
     * Largest file read: 64 MiB, 8 times the course's ex4data1.mat (7.5 MB). The MAT reader
     * bounds what a smaller file may inflate to (256 MiB per variable).
     */
    static final double MAX_FILE_BYTES = 64 << 20;

    private final PageElements elements;
    private final PageState state;

    DataSection(PageElements elements, PageState state) {
        this.elements = elements;
        this.state = state;
        Dom.on(elements.otherSamplesButton, "click", "Drawing samples", event -> drawSamples());
        Dom.on(elements.exportWeightsButton, "click", "Exporting the weights",
                event -> exportWeights());
        listenForFiles(elements.dataFile, elements.dataDrop, this::loadDataFile);
        listenForFiles(elements.weightsFile, elements.weightsDrop, this::loadWeightsFile);
        state.onDataChanged(this::showData);
        state.onWeightsChanged(this::showWeights);
        state.onTrainingChanged(this::updateControls);
        showWeights();
        updateControls();
    }

    /** Loads the built-in digits; {@code onReady} runs once they are shown. */
    void loadDigits(Runnable onReady) {
        elements.dataSummary.setTextContent("Loading the 5000 built-in digits…");
        Dom.loadGrayImage(DIGITS_URL, (width, height, gray) -> PageErrors.guard(
                "Decoding " + DIGITS_URL, () -> {
                    Dataset digits = DigitSheet.decode(width, height, gray);
                    state.setData(digits, "built-in digits (" + DIGITS_URL + ")");
                    onReady.run();
                }), PageErrors::show);
    }

    private void listenForFiles(HTMLInputElement input, HTMLElement dropZone, FileLoader loader) {
        Dom.on(input, "change", "Reading the file", event -> {
            File file = Dom.selectedFile(input);
            if (file != null) {
                loader.load(file);
            }
            input.setValue("");
        });
        Dom.on(dropZone, "dragover", "Dropping a file", event -> {
            event.preventDefault();
            Dom.setClass(dropZone, "drag-over", true);
        });
        Dom.on(dropZone, "dragleave", "Dropping a file",
                event -> Dom.setClass(dropZone, "drag-over", false));
        Dom.on(dropZone, "drop", "Dropping a file", event -> {
            event.preventDefault();
            Dom.setClass(dropZone, "drag-over", false);
            File file = Dom.droppedFile(event);
            if (file != null && !input.isDisabled()) {
                loader.load(file);
            }
        });
    }

    private void loadDataFile(File file) {
        readChecked(file, (bytes, name) -> {
            // NOTE: the file is parsed on the main thread. A large data file (up to 64 MiB)
            // may block the page for longer than 50 ms, which was not measured.
            Dataset data = MatData.readDataset(bytes);
            requireSquareImages(data);
            state.setData(data, name);
        });
    }

    /**
     * Reads a chosen or dropped file and hands its bytes to {@code use}, unless it is too large
     * or training runs; any failure goes to #error and the page keeps what it had.
     */
    private void readChecked(File file, BytesUse use) {
        PageErrors.clear();
        String name = file.getName();
        if (!checkSize(file, name)) {
            return;
        }
        Dom.readFile(file, bytes -> PageErrors.guard("Could not load " + name, () -> {
            rejectWhileTraining(name);
            use.accept(bytes, name);
        }), text -> PageErrors.show("Could not read " + name + ": " + text));
    }

    /** Consumer of the bytes of a file named {@code name}. */
    private interface BytesUse {
        void accept(byte[] bytes, String name);
    }

    /**
     * Throws while a run is training: the file inputs are disabled then, but a drop or a read
     * that began before the run started can still arrive.
     */
    private void rejectWhileTraining(String name) {
        if (state.isTraining()) {
            throw new IllegalStateException(name + " was not loaded because training is running"
                    + " on the current data and weights; stop the training or wait for it to"
                    + " finish, then load the file again");
        }
    }

    /** Shows an error and returns false for a file above {@link #MAX_FILE_BYTES}. */
    private static boolean checkSize(File file, String name) {
        double size = Dom.fileSize(file);
        if (size <= MAX_FILE_BYTES) {
            return true;
        }
        PageErrors.show("Could not load " + name + ": the file has " + Format.fixed(size, 0)
                + " bytes, more than the " + Format.fixed(MAX_FILE_BYTES, 0) + " (64 MiB) this"
                + " page reads; use a smaller data set or the command-line tool");
        return false;
    }

    /**
     * Rejects data whose examples are not square images, because the page draws the samples,
     * the hidden units and the misclassified digits as images.
     */
    static void requireSquareImages(Dataset data) {
        if (data.imageSide() == 0) {
            int n = data.n();
            int below = (int) Math.floor(Math.sqrt(n));
            throw new InvalidDataException("X must hold one square image per row, such as 400"
                    + " columns for 20×20 pixels, but it is " + data.m() + "×" + n + " and " + n
                    + " is not a square number (" + below + "² = " + below * below + ", "
                    + (below + 1) + "² = " + (below + 1) * (below + 1) + "); save X with a"
                    + " square number of columns, one image per row");
        }
    }

    private void loadWeightsFile(File file) {
        readChecked(file, (bytes, name) -> {
            Weights weights = MatData.readWeights(bytes);
            if (state.data() != null) {
                weights.checkFits(state.data());
            }
            state.setWeights(weights, name);
        });
    }

    /** Offers the current weights as weights.mat with Theta1, Theta2, ... as ex4weights.mat. */
    private void exportWeights() {
        if (state.weights() == null) {
            throw new IllegalStateException("There are no weights to export yet; train the"
                    + " network or load a weights file first");
        }
        Dom.download(MatData.writeWeights(state.weights()), "weights.mat",
                "application/octet-stream");
    }

    private void showData() {
        Dataset data = state.data();
        elements.dataSummary.setTextContent("m = " + data.m() + " examples, n = " + data.n()
                + " features, K = " + data.numLabels() + " labels, from " + state.dataSource()
                + ".");
        drawSamples();
    }

    /** Draws 100 examples picked at random, or explains why they cannot be shown. */
    private void drawSamples() {
        Dataset data = state.data();
        if (data == null) {
            return;
        }
        int side = data.imageSide();
        Dom.setClass(elements.sampleGrid, "empty", side == 0);
        if (side == 0) {
            elements.dataSummary.setTextContent(elements.dataSummary.getTextContent()
                    + " The examples are not square images, so no preview is drawn.");
            return;
        }
        int count = Math.min(SAMPLES, data.m());
        int[] starts = new int[count];
        for (int t = 0; t < count; t++) {
            int example = (int) (Math.random() * data.m());
            starts[t] = example * data.n();
        }
        ImageRenderer.drawTiles(elements.sampleGrid, data.x(), starts, 1, side, SAMPLE_COLUMNS);
    }

    private void showWeights() {
        Weights weights = state.weights();
        elements.exportWeightsButton.setDisabled(weights == null);
        if (weights == null) {
            elements.weightsSummary.setTextContent("No weights yet: load a weights file here or"
                    + " train the network in section 4.");
            return;
        }
        elements.weightsSummary.setTextContent(describeShape(weights.shape()) + ", from "
                + state.weightsSource() + ".");
    }

    /** Describes the matrices in the course's notation: "Θ1 25×401, Θ2 10×26". */
    static String describeShape(NetworkShape shape) {
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < shape.thetaCount(); t++) {
            if (t > 0) {
                text.append(", ");
            }
            text.append("Θ").append(t + 1).append(' ').append(shape.thetaRows(t)).append('×')
                    .append(shape.thetaCols(t));
        }
        return text.toString();
    }

    /** Files cannot change while training runs, because the run uses the data it started with. */
    private void updateControls() {
        boolean training = state.isTraining();
        elements.dataFile.setDisabled(training);
        elements.weightsFile.setDisabled(training);
        Dom.setClass(elements.dataDrop, "disabled", training);
        Dom.setClass(elements.weightsDrop, "disabled", training);
    }

    private interface FileLoader {
        void load(File file);
    }
}
