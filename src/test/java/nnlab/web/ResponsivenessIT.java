package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While a long run trains in the worker, no main-thread task takes longer than 50 ms, and a digit
 * drawn with the mouse is classified by the current weights, from an earlier short run.
 */
class ResponsivenessIT {
    /** The browser reports main-thread tasks longer than 50 ms as long tasks. */
    static final double MAX_TASK_MILLIS = 50;
    /** A first run that leaves weights for the drawing to use. */
    static final int FIRST_RUN_HIDDEN_UNITS = 25;
    static final int FIRST_RUN_ITERATIONS = 5;
    /**
     * The long run: 50 hidden units and up to 1000 iterations take far longer than drawing a
     * stroke, so the drawing happens while it trains; the test stops it afterwards.
     */
    static final int LONG_RUN_HIDDEN_UNITS = 50;
    static final int LONG_RUN_ITERATIONS = 1000;
    static final Duration PREDICTION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @BeforeAll
    static void trainFirstRun() {
        PageActions.openFreshPage(browser);
        PageActions.train(browser, FIRST_RUN_HIDDEN_UNITS, FIRST_RUN_ITERATIONS);
    }

    @Test
    void drawingPredictsWithoutLongTasksWhileTraining() {
        assertEquals(Boolean.TRUE, browser.script(
                "return PerformanceObserver.supportedEntryTypes.includes('longtask');"),
                "this Chromium must report long tasks for this test to mean anything");
        browser.type("hidden-units", Integer.toString(LONG_RUN_HIDDEN_UNITS));
        browser.type("iterations", Integer.toString(LONG_RUN_ITERATIONS));
        browser.click("clear-button");
        browser.script("var t = window.nnlabTest = {longTasks: []};"
                + " new PerformanceObserver(function (list) {"
                + "   list.getEntries().forEach(function (e) {"
                + "     t.longTasks.push({start: e.startTime, duration: e.duration}); });"
                + " }).observe({type: 'longtask', buffered: true});"
                + " t.start = performance.now();");
        browser.click("train-button");
        browser.waitUntil(PREDICTION_TIMEOUT, "data-training to become \"true\"",
                () -> "true".equals(browser.script("return document.body.dataset.training;")));

        new CanvasPen(browser.driver(), browser.element("draw-canvas"))
                .draw(CanvasPen.line(0.5, 0.12, 0.5, 0.88));
        String prediction = browser.waitForText("prediction", text -> !text.isEmpty(),
                PREDICTION_TIMEOUT);
        Object trainingWhenPredicted = browser.script("return document.body.dataset.training;");
        int plotted = ((Number) browser.script("return window.nnlab.costHistory().length;"))
                .intValue();

        browser.click("stop-button");
        browser.waitUntil(STOP_TIMEOUT, "data-training to become \"false\" after Stop",
                () -> "false".equals(browser.script("return document.body.dataset.training;")));
        browser.script("window.nnlabTest.end = performance.now();");

        assertFalse(prediction.isEmpty(), "#prediction while training");
        assertEquals("true", trainingWhenPredicted, "data-training when #prediction was shown");
        assertTrue(plotted < LONG_RUN_ITERATIONS, "iterations plotted when the prediction was"
                + " shown: " + plotted);
        assertEquals("", browser.text("error"), "#error after stopping");
        Object longTasks = browser.script("var t = window.nnlabTest, max = arguments[0];"
                + " return t.longTasks.filter(function (e) {"
                + "   return e.start + e.duration >= t.start && e.start <= t.end"
                + "       && e.duration > max;"
                + " }).map(function (e) { return Math.round(e.duration) + ' ms at '"
                + "   + Math.round(e.start - t.start) + ' ms'; });", MAX_TASK_MILLIS);
        assertEquals(List.of(), longTasks, "main-thread long tasks while training and drawing");
    }
}
