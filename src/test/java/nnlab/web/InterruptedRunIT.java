package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reload during training shows a note that the run was interrupted and its weights lost. */
class InterruptedRunIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @Test
    void reloadDuringTrainingNotesLostRun() {
        PageActions.openFreshPage(browser);
        browser.type("iterations", "1000");
        browser.click("train-button");
        browser.waitUntil(START_TIMEOUT, "data-training to become \"true\"",
                () -> "true".equals(browser.script("return document.body.dataset.training;")));

        browser.openPage();

        String note = browser.text("storage-note");
        assertTrue(note.contains("was still going when the page was closed or reloaded"), note);
        assertEquals("false", browser.script("return document.body.dataset.training;"));
        assertEquals(null, browser.script(
                "return window.localStorage.getItem('nnlab.running');"),
                "the marker of the interrupted run is removed once noted");
    }
}
