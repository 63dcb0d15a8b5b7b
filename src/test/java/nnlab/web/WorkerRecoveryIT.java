package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A training worker that fails or ignores a stop is reported and replaced: the page leaves its
 * training state, and the next Train trains in a fresh worker.
 */
class WorkerRecoveryIT {
    /**
     * 1000 hidden units make one iteration take many seconds, longer than the 2 s the page waits
     * for a stopped run to end.
     */
    static final int SLOW_HIDDEN_UNITS = 1000;
    static final int RECOVERY_ITERATIONS = 3;
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** The page's 2 s deadline plus time for the termination to show. */
    static final Duration STOP_DEADLINE =
            Duration.ofMillis(WorkerClient.STOP_TIMEOUT_MILLIS + 2000);
    /** Time after the click on Train before Stop, so the data has reached the worker. */
    static final long RUNNING_MILLIS = 1000;

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @BeforeEach
    void openFreshPage() {
        PageActions.openFreshPage(browser);
    }

    @Test
    void stopTerminatesUnresponsiveWorker() throws InterruptedException {
        browser.type("hidden-units", Integer.toString(SLOW_HIDDEN_UNITS));
        browser.type("iterations", "5");
        browser.click("train-button");
        waitForTraining("true", START_TIMEOUT);
        Thread.sleep(RUNNING_MILLIS);

        long stopped = System.nanoTime();
        browser.click("stop-button");
        waitForTraining("false", STOP_DEADLINE);
        long millis = (System.nanoTime() - stopped) / 1_000_000;
        browser.screenshot("WorkerRecoveryIT-terminated");

        assertTrue(millis >= WorkerClient.STOP_TIMEOUT_MILLIS - 100, "training ended " + millis
                + " ms after Stop, before the deadline, so the worker was not slow enough to"
                + " test the termination");
        assertTrue(browser.text("train-status").contains("did not stop within 2 s, so it was"
                + " terminated"), browser.text("train-status"));
        assertEquals("", browser.text("error"), "#error after a stop");
        assertTrainsAgain();
    }

    /** Loads the page's own page-boot.js as the worker script, which throws in a worker. */
    @Test
    void workerScriptErrorIsReportedAndReplaced() {
        browser.script("window.nnlabOriginalWorker = window.Worker;"
                + " window.Worker = function () {"
                + "   return new window.nnlabOriginalWorker('js/page-boot.js'); };");
        browser.type("iterations", Integer.toString(RECOVERY_ITERATIONS));
        browser.click("train-button");

        String error = browser.waitForText("error", text -> !text.isEmpty(), START_TIMEOUT);
        waitForTraining("false", START_TIMEOUT);
        browser.script("window.Worker = window.nnlabOriginalWorker;");
        browser.screenshot("WorkerRecoveryIT-script-error");

        assertTrue(error.startsWith("The training worker failed: "), error);
        assertTrue(error.contains("main"), "the worker's own error message: " + error);
        assertTrue(browser.text("train-status").contains("stopped because of an error"),
                browser.text("train-status"));
        assertTrainsAgain();
    }

    /** Puts NaN into the data the worker receives, so the worker's training throws. */
    @Test
    void exceptionInsideTrainingIsReportedAndReplaced() {
        browser.script("window.nnlabOriginalWorker = window.Worker;"
                + " window.Worker = function (url) {"
                + "   var worker = new window.nnlabOriginalWorker(url);"
                + "   var post = worker.postMessage.bind(worker);"
                + "   worker.postMessage = function (message, transfer) {"
                + "     if (message && message.type === 'train') { message.x[0] = NaN; }"
                + "     return post(message, transfer);"
                + "   };"
                + "   return worker;"
                + " };");
        browser.type("iterations", Integer.toString(RECOVERY_ITERATIONS));
        browser.click("train-button");

        String error = browser.waitForText("error", text -> !text.isEmpty(), START_TIMEOUT);
        waitForTraining("false", START_TIMEOUT);
        browser.script("window.Worker = window.nnlabOriginalWorker;");

        assertTrue(error.contains("NaN at row 1, column 1"), error);
        assertTrainsAgain();
    }

    /** Trains a short run with the default network and checks that it plots every iteration. */
    private static void assertTrainsAgain() {
        browser.script("document.getElementById('error').textContent = '';");
        PageActions.train(browser, 25, RECOVERY_ITERATIONS);
        assertEquals((long) RECOVERY_ITERATIONS, browser.script(
                "return window.nnlab.costHistory().length;"), "points of the new run");
        assertTrue(browser.text("train-status").startsWith("Done after " + RECOVERY_ITERATIONS + " iterations"),
                browser.text("train-status"));
    }

    private static void waitForTraining(String value, Duration timeout) {
        browser.waitUntil(timeout, "data-training to become \"" + value + "\"",
                () -> value.equals(browser.script("return document.body.dataset.training;")));
    }
}
