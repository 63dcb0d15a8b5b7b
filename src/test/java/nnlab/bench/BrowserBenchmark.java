package nnlab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.TestData;
import nnlab.cli.StaticServer;
import nnlab.data.Dataset;
import nnlab.io.MatArray;
import nnlab.io.MatFileWriter;
import nnlab.nn.NetworkShape;
import nnlab.nn.WeightInit;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs target/site/bench.html in headless Chromium and, in the same run, the numpy/scipy
 * reference (src/bench/reference_numpy.py) on the same digits and the same initial weights, then
 * prints both results and their ratios. Started by {@code mvn -B -q package -DskipTests
 * exec:exec@bench}; see docs/BENCHMARKS.md.
 */
public final class BrowserBenchmark {
    private static final Path SITE = Path.of("target", "site");
    private static final Path WORK = Path.of("target", "bench");
    private static final Path REFERENCE = Path.of("src", "bench", "reference_numpy.py");
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(10);

    private BrowserBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path referenceData = writeReferenceData();
        Map<String, Object> browser = runBrowser();
        Map<String, Object> numpy = runReference(referenceData);
        System.out.println("browser: " + new Json().toJson(browser));
        System.out.println("numpy:   " + new Json().toJson(numpy));
        System.out.println(row("", "browser", "numpy/scipy", "ratio"));
        System.out.println(row("evalMsMedian", browser, numpy, "evalMsMedian"));
        System.out.println(row("evalMsMin", browser, numpy, "evalMsMin"));
        System.out.println(row("trainSecondsTo985", browser, numpy, "trainSecondsTo985"));
        System.out.println(row("trainIterations", browser, numpy, "trainIterations"));
        System.out.println("browser workers: " + browser.get("workers") + ", engine: "
                + browser.get("engine") + "; reference: " + numpy.get("engine"));
    }

    /** X, y and the engine's seeded initial Theta1, Theta2, so both sides start alike. */
    private static Path writeReferenceData() throws IOException {
        Dataset digits = TestData.digits();
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        double[] theta = WeightInit.random(shape, WeightInit.DEFAULT_EPSILON, 1);
        double[] labels = new double[digits.m()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digits.y()[i];
        }
        List<MatArray> variables = new ArrayList<>();
        variables.add(MatArray.fromRowMajor("X", digits.m(), digits.n(), digits.x()));
        variables.add(new MatArray("y", digits.m(), 1, labels));
        variables.add(new MatArray("Theta1", 25, 401, Arrays.copyOfRange(theta, 0,
                shape.offset(1))));
        variables.add(new MatArray("Theta2", 10, 26, Arrays.copyOfRange(theta, shape.offset(1),
                shape.parameterCount())));
        Path file = WORK.resolve("digits-with-initial-weights.mat");
        Files.write(file, MatFileWriter.write(variables));
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runBrowser() throws IOException {
        StaticServer server = new StaticServer(SITE, 0);
        Path profile = Files.createTempDirectory("nnlab-bench-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(server.url() + "bench.html");
            new WebDriverWait(driver, BROWSER_TIMEOUT).until(d -> {
                String status = d.findElement(By.id("bench-status")).getText();
                if (status.contains("failed")) {
                    throw new IllegalStateException("bench.html: " + status);
                }
                return !d.findElement(By.id("bench-result")).getText().isBlank();
            });
            String text = driver.findElement(By.id("bench-result")).getText();
            return new Json().toType(text, Map.class);
        } finally {
            driver.quit();
            server.stop();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runReference(Path data)
            throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", REFERENCE.toString(), "--data",
                data.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(python.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!python.waitFor(10, TimeUnit.MINUTES) || python.exitValue() != 0) {
            throw new IllegalStateException("The numpy reference failed (exit "
                    + python.exitValue() + "); it needs python3 with numpy and scipy");
        }
        return new Json().toType(output.trim(), Map.class);
    }

    private static String row(String name, Map<String, Object> browser, Map<String, Object> numpy,
            String key) {
        Object left = browser.get(key);
        Object right = numpy.get(key);
        String ratio = left instanceof Number && right instanceof Number
                ? String.format(Locale.ROOT, "%.2fx", ((Number) left).doubleValue()
                        / ((Number) right).doubleValue())
                : "-";
        return row(name, format(left), format(right), ratio);
    }

    private static String row(String name, String browser, String numpy, String ratio) {
        return String.format(Locale.ROOT, "%-18s %12s %12s %8s", name, browser, numpy, ratio);
    }

    private static String format(Object value) {
        return value instanceof Number
                ? String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue())
                : String.valueOf(value);
    }
}
