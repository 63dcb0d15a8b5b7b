package nnlab.web;

import nnlab.app.CostHistory;
import org.teavm.jso.JSBody;

/**
 * The entry point of the page (js/page.js, started by js/page-boot.js): looks up the elements,
 * wires the five sections to the shared state and the training worker, and loads the built-in
 * digits. {@code document.body.dataset.ready} becomes "true" once the digits are shown.
 */
public final class PageMain {
    private PageMain() {
    }

    /** Starts the page; any failure during start-up is shown in {@code #error}. */
    public static void main(String[] args) {
        Dom.setBodyData("ready", "false");
        Dom.setBodyData("training", "false");
        PageElements elements;
        try {
            elements = new PageElements(Dom.document());
        } catch (RuntimeException e) {
            showStartFailure(PageErrors.describe(e));
            return;
        }
        PageErrors.install(elements.error);
        PageErrors.guard("Starting the page", () -> start(elements));
    }

    /**
     * Builds the sections. The saved settings go into the inputs before any section reads them,
     * and the saved weights and cost history are restored once every section listens.
     */
    private static void start(PageElements elements) {
        Charts.requireChartJs();
        preventFileNavigation();
        PageState state = new PageState();
        PageStorage storage = new PageStorage(elements, state);
        storage.restoreSettings();
        WorkerClient worker = new WorkerClient();
        DataSection data = new DataSection(elements, state);
        new CostSection(elements, state, worker).recompute();
        new GradientCheckSection(elements);
        TrainingSection training = new TrainingSection(elements, state, worker, storage);
        new DrawSection(elements, state);
        storage.restoreWeights();
        CostHistory history = storage.restoreHistory();
        if (history != null) {
            training.restoreHistory(history);
        }
        storage.startSaving();
        data.loadDigits(() -> {
            Dom.setBodyData("ready", "true");
            markDigitsShown();
        });
    }

    /**
     * Writes a start-up failure into #error if it exists, or at the top of the page, because
     * PageErrors has no element to write to yet.
     */
    @JSBody(params = "text", script = "console.error(text);"
            + "var target = document.getElementById('error');"
            + "if (!target) {"
            + "  target = document.createElement('p');"
            + "  document.body.insertBefore(target, document.body.firstChild);"
            + "}"
            + "target.textContent = 'The page could not start: ' + text;")
    private static native void showStartFailure(String text);

    /** Marks the moment the digit grid is shown, for the load-time benchmark. */
    @JSBody(script = "performance.mark('digits-shown');")
    private static native void markDigitsShown();

    /** Keeps a file dropped outside the drop zones from replacing the page. */
    @JSBody(script = "['dragover', 'drop'].forEach(function(type) {"
            + "  window.addEventListener(type, function(event) { event.preventDefault(); });"
            + "});")
    private static native void preventFileNavigation();
}
