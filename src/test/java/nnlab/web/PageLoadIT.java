package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

/** The page loads the digits, draws the sample grid and has every element the tests rely on. */
class PageLoadIT {
    /** Element ids that the browser tests, and people's bookmarks into the page, rely on. */
    static final List<String> CONTRACT_IDS = List.of("data-file", "weights-file", "lambda",
            "cost-value", "accuracy-value", "gradcheck-button", "gradcheck-difference",
            "train-button", "stop-button", "iterations", "hidden-units", "train-accuracy",
            "draw-canvas", "clear-button", "prediction", "error");

    /** Id of the canvas that shows a grid of sample digits from the data set. */
    static final String SAMPLE_GRID_ID = "sample-grid";

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    private static List<LogEntry> severeEntriesDuringLoad;

    @BeforeAll
    static void loadPage() {
        browser.openPage();
        severeEntriesDuringLoad = browser.severeConsoleEntries();
    }

    @Test
    void pageSetsReadyAfterLoadingDigits() {
        assertEquals("true", browser.script("return document.body.dataset.ready;"));
    }

    @Test
    void sampleGridShowsDigits() {
        browser.element(SAMPLE_GRID_ID);
        // Counts pixels that differ from the top-left pixel, the grid's background, so a blank or
        // uniformly filled canvas gives 0.
        Object differing = browser.script("var c = document.getElementById(arguments[0]);"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " var n = 0;"
                + " for (var i = 0; i < d.length; i += 4) {"
                + "   if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]"
                + "       || d[i + 3] !== d[3]) { n++; }"
                + " }"
                + " return [n, c.width * c.height];", SAMPLE_GRID_ID);
        List<?> counts = (List<?>) differing;
        long changed = ((Number) counts.get(0)).longValue();
        long total = ((Number) counts.get(1)).longValue();
        assertTrue(total > 0, "#" + SAMPLE_GRID_ID + " has no pixels");
        assertTrue(changed > total / 20, "#" + SAMPLE_GRID_ID + " looks blank: only " + changed
                + " of " + total + " pixels differ from the background");
    }

    @Test
    void consoleHasNoSevereErrorsDuringLoad() {
        String messages = severeEntriesDuringLoad.stream().map(LogEntry::getMessage)
                .collect(Collectors.joining("\n"));
        assertTrue(severeEntriesDuringLoad.isEmpty(), "SEVERE console entries:\n" + messages);
    }

    @Test
    void everyContractElementExists() {
        assertAll(CONTRACT_IDS.stream().map(id -> () -> assertEquals(1,
                browser.driver().findElements(By.id(id)).size(),
                "number of elements with id " + id)));
    }

    @Test
    void errorIsEmptyAfterLoad() {
        assertEquals("", browser.text("error"));
    }

    @Test
    void predictionIsEmptyBeforeDrawing() {
        assertEquals("", browser.text("prediction"));
    }
}
