package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nnlab.TestData;
import nnlab.app.CostHistory;
import nnlab.app.CostReport;
import nnlab.app.MatData;
import nnlab.app.Weights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trained weights, the settings and the cost history survive a reload through localStorage, the
 * exported weights.mat holds exactly those weights for this project, Octave-style readers and
 * scipy, and a corrupt or foreign storage entry is ignored with a note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersistenceIT {
    static final int ITERATIONS = 10;
    static final int HIDDEN_UNITS = 25;
    /** The training λ typed before training; it must come back after the reload. */
    static final String TRAIN_LAMBDA = "0.5";
    /** The page shows 6 decimals of the cost, so its rounding alone moves it by up to 5e-7. */
    static final double COST_TOLERANCE = 1e-6;
    /** Sums of 10285 weights of size 0.1..1 agree to this between Java and numpy. */
    static final double SUM_TOLERANCE = 1e-9;

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @TempDir
    static Path downloads;

    private static String costBeforeReload;
    private static Path exportedBeforeReload;
    private static List<?> historyBeforeReload;

    @BeforeAll
    static void trainShortRun() {
        PageActions.openFreshPage(browser);
        browser.type("train-lambda", TRAIN_LAMBDA);
        PageActions.train(browser, HIDDEN_UNITS, ITERATIONS);
        browser.waitForResult("cost-status", text -> text.contains("from training"),
                BrowserFixture.RESULT_TIMEOUT);
        costBeforeReload = browser.waitForResult("cost-value", text -> !text.isEmpty(),
                BrowserFixture.RESULT_TIMEOUT);
        historyBeforeReload = (List<?>) browser.script("return window.nnlab.costHistory();");
        exportedBeforeReload = PageActions.download(browser, "export-weights-button", downloads);
    }

    @Test
    @Order(1)
    void exportedWeightsGiveShownCost() throws IOException {
        assertEquals("weights.mat", exportedBeforeReload.getFileName().toString());
        Weights weights = MatData.readWeights(Files.readAllBytes(exportedBeforeReload));

        assertEquals("400-25-10", weights.shape().toString());
        double cost = CostReport.compute(weights, TestData.digits(), 0).cost();
        assertEquals(BrowserFixture.parseNumber(costBeforeReload), cost, COST_TOLERANCE,
                "J(Θ) at λ = 0 of the exported weights on the JVM against #cost-value");
    }

    @Test
    @Order(2)
    void exportedHistoryMatchesChart() throws IOException {
        Path file = PageActions.download(browser, "export-history-button", downloads);
        assertEquals("cost-history.csv", file.getFileName().toString());
        CostHistory history = CostHistory.parseCsv(Files.readString(file,
                StandardCharsets.UTF_8));

        assertEquals(ITERATIONS, history.size(), "rows of the exported history");
        assertEquals(ITERATIONS, historyBeforeReload.size(), "points of the cost chart");
        for (int row = 0; row < ITERATIONS; row++) {
            assertEquals(row + 1, history.iteration(row), "iteration of row " + row);
            assertEquals(((Number) historyBeforeReload.get(row)).doubleValue(),
                    history.cost(row), "cost of row " + row);
            assertTrue(history.elapsedMillis(row) > 0, "elapsed_ms of row " + row);
        }
    }

    @Test
    @Order(3)
    void reloadRestoresWeightsSettingsAndHistory() throws IOException {
        browser.openPage();

        String note = browser.text("storage-note");
        assertTrue(note.startsWith("Restored the weights trained on "), note);
        assertTrue(note.matches(
                ".*\\(J = \\d+\\.\\d{4}, \\d+\\.\\d{2}%; Θ1 25×401, Θ2 10×26\\).*"), note);
        String cost = browser.waitForResult("cost-value", text -> !text.isEmpty(),
                BrowserFixture.RESULT_TIMEOUT);
        assertEquals(costBeforeReload, cost, "#cost-value of the restored weights");
        assertEquals(TRAIN_LAMBDA, browser.element("train-lambda").getDomProperty("value"));
        assertEquals(Integer.toString(ITERATIONS),
                browser.element("iterations").getDomProperty("value"));
        assertEquals(historyBeforeReload, browser.script("return window.nnlab.costHistory();"),
                "cost chart after the reload");
        assertTrue(browser.text("draw-note").contains("restored from this browser"),
                browser.text("draw-note"));

        Path exported = PageActions.download(browser, "export-weights-button", downloads);
        assertArrayEquals(Files.readAllBytes(exportedBeforeReload), Files.readAllBytes(exported),
                "weights.mat exported before and after the reload");
    }

    @Test
    @Order(4)
    void scipyReadsExportedWeights() throws IOException, InterruptedException {
        assumeTrue(scipyAvailable(), "python3 with scipy.io is not installed, so the check that"
                + " scipy reads the exported weights.mat is skipped");
        Weights weights = MatData.readWeights(Files.readAllBytes(exportedBeforeReload));
        Process python = new ProcessBuilder("python3", "-c", "import scipy.io, sys;"
                + " d = scipy.io.loadmat(sys.argv[1]);"
                + " print(d['Theta1'].shape, d['Theta2'].shape,"
                + " repr(float(d['Theta1'].sum())), repr(float(d['Theta2'].sum())))",
                exportedBeforeReload.toString()).redirectErrorStream(true).start();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 did not finish in 60 s");
        String printed = new String(python.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim();
        String[] parts = printed.split("\\) ");

        assertEquals(0, python.exitValue(), printed);
        assertTrue(printed.startsWith("(25, 401) (10, 26) "), printed);
        String[] sums = parts[2].split(" ");
        assertEquals(sum(weights.theta(), 0, 25 * 401), Double.parseDouble(sums[0]),
                SUM_TOLERANCE, "sum of Theta1 in scipy: " + printed);
        assertEquals(sum(weights.theta(), 25 * 401, 10285), Double.parseDouble(sums[1]),
                SUM_TOLERANCE, "sum of Theta2 in scipy: " + printed);
    }

    @Test
    @Order(5)
    void corruptWeightsEntryIsIgnoredWithNote() {
        browser.script("window.localStorage.setItem('nnlab.weights', 'garbage from elsewhere');");
        browser.openPage();

        String note = browser.text("storage-note");
        assertTrue(note.contains("Ignored the saved weights"), note);
        assertTrue(note.contains("garbage from elsewhere"), note);
        assertEquals("", browser.text("error"));
        assertTrue(browser.text("weights-summary").startsWith("No weights yet"),
                browser.text("weights-summary"));
        assertEquals(null, browser.script("return window.localStorage.getItem('nnlab.weights');"),
                "the unreadable entry is removed");
    }

    /** An entry in the right format whose weights were cut short, and garbled settings. */
    @Test
    @Order(6)
    void truncatedEntriesAreIgnoredWithNote() {
        browser.script("var s = window.localStorage;"
                + " s.setItem('nnlab.weights', 'nnlab-weights 1\\nsizes=400,25,10\\nsavedAt=1\\n"
                + "theta=AAAA\\n');"
                + " s.setItem('nnlab.settings', 'nnlab-settings 1\\niterations=-3\\nseed=7\\n"
                + "optimizer=sgd\\n');"
                + " s.setItem('nnlab.history', 'iteration,cost,elapsed_ms\\n1,abc,3\\n');");
        browser.openPage();

        String note = browser.text("storage-note");
        assertTrue(note.contains("a 400-25-10 network needs 109708"), note);
        assertTrue(note.contains("iterations = \"-3\" is not a whole number"), note);
        assertTrue(note.contains("optimizer = \"sgd\" is not an optimizer"), note);
        assertTrue(note.contains("Ignored the saved cost history"), note);
        assertEquals("7", browser.element("seed").getDomProperty("value"), "valid saved seed");
        assertEquals("", browser.text("error"));
        assertEquals(0L, browser.script("return window.nnlab.costHistory().length;"));
    }

    /** A full storage: the page says so, and the older saved weights do not come back. */
    @Test
    @Order(7)
    void fullStorageIsNotedAndDropsOlderWeights() {
        PageActions.train(browser, HIDDEN_UNITS, 2);
        assertTrue(browser.script("return window.localStorage.getItem('nnlab.weights');")
                instanceof String, "weights saved before the storage is full");
        browser.script("window.nnlabSetItem = Storage.prototype.setItem;"
                + " Storage.prototype.setItem = function () {"
                + "   throw new DOMException('The quota has been exceeded.',"
                + "     'QuotaExceededError'); };");
        PageActions.train(browser, HIDDEN_UNITS, 2);
        browser.waitForText("storage-note", text -> text.contains("QuotaExceededError"),
                BrowserFixture.RESULT_TIMEOUT);
        browser.script("Storage.prototype.setItem = window.nnlabSetItem;");

        String note = browser.text("storage-note");
        assertTrue(note.contains("Could not keep the weights ("), note);
        assertTrue(note.contains("QuotaExceededError: The quota has been exceeded."), note);
        assertEquals(null, browser.script("return window.localStorage.getItem('nnlab.weights');"),
                "older weights left in storage");
        assertEquals("", browser.text("error"));
    }

    private static double sum(double[] values, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }

    private static boolean scipyAvailable() {
        try {
            Process check = new ProcessBuilder("python3", "-c", "import scipy.io").start();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
