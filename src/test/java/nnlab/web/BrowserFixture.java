package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnlab.cli.StaticServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Serves the built site (target/site) with {@link StaticServer} and drives one headless Debian
 * Chromium for a whole test class, registered with {@code @RegisterExtension static}. Saves a
 * screenshot of the viewport after each test into target/screenshots/. Skips the class when
 * Chromium or chromedriver is not installed.
 */
public final class BrowserFixture implements ExecutionCondition, BeforeAllCallback,
        AfterEachCallback, AfterAllCallback {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SITE = Path.of(System.getProperty("nnlab.site.dir", "target/site"));
    static final Path SCREENSHOTS =
            Path.of(System.getProperty("nnlab.screenshots.dir", "target/screenshots"));

    /** Time for the page to load its scripts, decode the 5000 digits and draw the sample grid. */
    static final Duration PAGE_READY_TIMEOUT = Duration.ofSeconds(60);
    /** Time for a computation that runs in well under a second on the JVM, such as the cost. */
    static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private StaticServer server;
    private ChromeDriver driver;
    private Path profile;

    /**
     * Disables the test class, with the reason in the report, when Chromium or chromedriver is
     * missing.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                return ConditionEvaluationResult.disabled(executable + " not found: install"
                        + " Debian's chromium and chromium-driver (apt-get install -y chromium"
                        + " chromium-driver) to run the browser tests");
            }
        }
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assertTrue(Files.isRegularFile(SITE.resolve("index.html")), SITE.toAbsolutePath()
                + "/index.html not found: build the site first with mvn -B package -DskipTests");
        server = new StaticServer(SITE, 0);
        profile = Files.createTempDirectory("nnlab-chromium-profile");
        driver = new ChromeDriver(driverService(), chromeOptions(profile));
        driver.manage().timeouts().scriptTimeout(RESULT_TIMEOUT);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        if (!display.startsWith(context.getRequiredTestMethod().getName() + "(")) {
            name += "-" + display;
        }
        screenshot(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            if (profile != null) {
                deleteRecursively(profile);
            }
        }
    }

    private static ChromeDriverService driverService() {
        // Naming the driver executable keeps Selenium Manager from running, so nothing is
        // downloaded; chromedriver's own log would only clutter the test output.
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
    }

    private static ChromeOptions chromeOptions(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,2000",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        return options;
    }

    /** Returns the browser, for actions that this class does not wrap. */
    ChromeDriver driver() {
        return driver;
    }

    /**
     * Loads the page and waits until it sets {@code document.body.dataset.ready = "true"}; fails
     * at once when #error shows a start-up error instead.
     */
    void openPage() {
        driver.get(server.url());
        waitUntil(PAGE_READY_TIMEOUT, "document.body.dataset.ready to become \"true\"",
                () -> isReady() || !errorText().isEmpty());
        if (!isReady()) {
            throw new AssertionError("the page did not become ready; #error shows \""
                    + errorText() + "\"");
        }
    }

    private boolean isReady() {
        return "true".equals(script("return document.body.dataset.ready;"));
    }

    /** Returns the element with this id; fails with the id in the message when it is absent. */
    WebElement element(String id) {
        try {
            return driver.findElement(By.id(id));
        } catch (NoSuchElementException e) {
            throw new AssertionError("element #" + id + " not found on the page", e);
        }
    }

    /** Returns the element's trimmed textContent, which is also set when the element is hidden. */
    String text(String id) {
        Object value = script("var e = document.getElementById(arguments[0]);"
                + " return e ? e.textContent : null;", id);
        if (value == null) {
            throw new AssertionError("element #" + id + " not found on the page");
        }
        return value.toString().trim();
    }

    /**
     * Returns the first number in the element's text, so "97.60 %" gives 97.6; NaN when the text
     * contains no number.
     */
    double number(String id) {
        return parseNumber(text(id));
    }

    static double parseNumber(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group()) : Double.NaN;
    }

    /** Types {@code value} into an input as a person would: select all, type, then Tab away. */
    void type(String id, String value) {
        element(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    /** Chooses {@code file} in an {@code <input type=file>}, as the file dialog would. */
    void upload(String id, Path file) {
        element(id).sendKeys(file.toAbsolutePath().normalize().toString());
    }

    void click(String id) {
        element(id).click();
    }

    Object script(String source, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(source, arguments);
    }

    /**
     * Waits until the element's text satisfies {@code condition} and returns the last text read,
     * which fails {@code condition} when the wait timed out; callers assert on the returned text
     * so the failure shows the value.
     */
    String waitForText(String id, Predicate<String> condition, Duration timeout) {
        String[] last = {text(id)};
        try {
            newWait(timeout).until(d -> {
                last[0] = text(id);
                return condition.test(last[0]);
            });
        } catch (TimeoutException e) {
            return text(id);
        }
        return last[0];
    }

    /**
     * Like {@link #waitForText}, but fails at once with #error's text when the page shows an
     * error, because then the expected result will not come.
     */
    String waitForResult(String id, Predicate<String> condition, Duration timeout) {
        String text = waitForText(id, t -> condition.test(t) || !errorText().isEmpty(), timeout);
        String error = errorText();
        if (!error.isEmpty()) {
            throw new AssertionError("#error shows \"" + error + "\" while waiting for #" + id
                    + ", which shows \"" + text + "\"");
        }
        return text;
    }

    /** Like {@link #waitForResult}, on the first number in the element's text. */
    double waitForNumber(String id, DoublePredicate condition, Duration timeout) {
        return parseNumber(waitForResult(id, t -> condition.test(parseNumber(t)), timeout));
    }

    /** Waits until {@code condition} holds; fails naming {@code description} and #error's text. */
    void waitUntil(Duration timeout, String description, java.util.function.BooleanSupplier
            condition) {
        try {
            newWait(timeout).until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for "
                    + description + "; #error shows \"" + errorText() + "\"", e);
        }
    }

    private WebDriverWait newWait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, POLL_INTERVAL);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private String errorText() {
        try {
            return text("error");
        } catch (AssertionError | WebDriverException e) {
            return "(no #error element)";
        }
    }

    /**
     * Returns the browser console entries at level SEVERE logged since the previous call (the
     * log is drained on every read).
     */
    List<LogEntry> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** Saves the viewport as target/screenshots/NAME.png, with NAME reduced to safe characters. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String file = name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png";
            Files.write(SCREENSHOTS.resolve(file), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
