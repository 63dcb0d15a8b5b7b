package nnlab.web;

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

    private static void start(PageElements elements) {
        Charts.requireChartJs();
        preventFileNavigation();
        PageState state = new PageState();
        WorkerClient worker = new WorkerClient();
        DataSection data = new DataSection(elements, state);
        new CostSection(elements, state, worker).recompute();
        new GradientCheckSection(elements);
        new TrainingSection(elements, state, worker);
        new DrawSection(elements, state);
        data.loadDigits(() -> Dom.setBodyData("ready", "true"));
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

    /** Keeps a file dropped outside the drop zones from replacing the page. */
    @JSBody(script = "['dragover', 'drop'].forEach(function(type) {"
            + "  window.addEventListener(type, function(event) { event.preventDefault(); });"
            + "});")
    private static native void preventFileNavigation();
}
