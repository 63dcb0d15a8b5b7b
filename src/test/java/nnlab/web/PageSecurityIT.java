package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.logging.LogEntry;

/**
 * The page runs under a Content-Security-Policy that allows only its own scripts and
 * WebAssembly, requests nothing from other origins while it loads, trains and classifies, and
 * never turns text into markup.
 */
class PageSecurityIT {
    static final int ITERATIONS = 2;
    /** Sources of the page and its scripts, which must insert text only as text. */
    static final List<Path> PAGE_SOURCES = List.of(Path.of("index.html"), Path.of("webapp"),
            Path.of("src/main/java/nnlab/web"));
    /** DOM and JS calls that parse a string as HTML or as code. */
    static final Pattern MARKUP_OR_CODE_SINKS = Pattern.compile("innerHTML|outerHTML"
            + "|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(|srcdoc"
            + "|createContextualFragment|setTimeout\\(\\s*['\"]");

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    private static List<LogEntry> severeEntries;

    @BeforeAll
    static void useEveryPart() {
        PageActions.openFreshPage(browser);
        browser.click("gradcheck-button");
        PageActions.train(browser, 25, ITERATIONS);
        new CanvasPen(browser.driver(), browser.element("draw-canvas"))
                .draw(CanvasPen.line(0.5, 0.12, 0.5, 0.88));
        browser.waitForText("prediction", text -> !text.isEmpty(), BrowserFixture.RESULT_TIMEOUT);
        severeEntries = browser.severeConsoleEntries();
    }

    @Test
    void policyAllowsOnlyOwnScripts() {
        String policy = (String) browser.script("var m = document.querySelector("
                + "'meta[http-equiv=\"Content-Security-Policy\"]'); return m ? m.content : '';");
        List<String> directives = List.of(policy.split("\\s*;\\s*"));

        assertTrue(directives.contains("default-src 'self'"), policy);
        assertTrue(directives.contains("script-src 'self' 'wasm-unsafe-eval'"), policy);
        assertTrue(directives.contains("connect-src 'self'"), policy);
        assertTrue(directives.contains("object-src 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("'unsafe-eval'"), policy);
        assertFalse(policy.contains("*"), policy);
    }

    @Test
    void consoleShowsNoPolicyViolation() {
        List<String> violations = severeEntries.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations);
    }

    @Test
    void everyRequestGoesToPageOrigin() {
        Object foreign = browser.script("return performance.getEntriesByType('resource')"
                + ".map(function (e) { return e.name; })"
                + ".filter(function (url) {"
                + "  return new URL(url).origin !== location.origin; });");
        Object count = browser.script("return performance.getEntriesByType('resource').length;");

        assertEquals(List.of(), foreign, "resources from other origins");
        assertTrue(((Number) count).longValue() >= 3, "resource entries: " + count);
    }

    @Test
    void sourcesNeverParseTextAsMarkupOrCode() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path root : PAGE_SOURCES) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher matcher = MARKUP_OR_CODE_SINKS.matcher(text);
                    while (matcher.find()) {
                        hits.add(file + ": " + matcher.group());
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
