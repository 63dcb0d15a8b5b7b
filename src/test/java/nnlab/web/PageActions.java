package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** Steps that several browser tests take: a fresh page, a short training run, a download. */
final class PageActions {
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(20);

    private PageActions() {
    }

    /** Opens the page with nothing saved in its localStorage, as on a first visit. */
    static void openFreshPage(BrowserFixture browser) {
        browser.openPage();
        browser.script("window.localStorage.clear();");
        browser.openPage();
    }

    /**
     * Trains with the given settings from random weights, waits until the run has ended and its
     * weights are the current ones, and checks that #error stayed empty.
     */
    static void train(BrowserFixture browser, int hiddenUnits, int iterations) {
        browser.type("hidden-units", Integer.toString(hiddenUnits));
        browser.type("iterations", Integer.toString(iterations));
        browser.script("document.body.dataset.trainingSeen = 'false';"
                + " window.nnlabTrainingObserver = new MutationObserver(function () {"
                + "   if (document.body.dataset.training === 'true') {"
                + "     document.body.dataset.trainingSeen = 'true'; }"
                + " });"
                + " window.nnlabTrainingObserver.observe(document.body, {attributes: true,"
                + "   attributeFilter: ['data-training']});");
        browser.click("train-button");
        browser.waitUntil(TRAINING_TIMEOUT, "a training run of " + iterations + " iterations to"
                + " end", () -> !browser.text("error").isEmpty() || Boolean.TRUE.equals(
                        browser.script("return document.body.dataset.trainingSeen === 'true'"
                                + " && document.body.dataset.training === 'false';")));
        browser.script("window.nnlabTrainingObserver.disconnect();");
        assertEquals("", browser.text("error"), "#error after training");
    }

    /**
     * Clicks the button and returns the file the page offers for download, which Chromium saves
     * into a new directory under {@code root}.
     */
    static Path download(BrowserFixture browser, String buttonId, Path root) {
        try {
            Path directory = Files.createTempDirectory(root, "download");
            browser.driver().executeCdpCommand("Browser.setDownloadBehavior", Map.of(
                    "behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
            browser.click(buttonId);
            Path[] file = new Path[1];
            browser.waitUntil(DOWNLOAD_TIMEOUT, "the download of #" + buttonId + " in "
                    + directory, () -> (file[0] = finishedDownload(directory)) != null);
            return file[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the one file in the directory once Chromium has renamed it from .crdownload. */
    private static Path finishedDownload(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> !path.getFileName().toString().endsWith(".crdownload"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
