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
    /** Page loads timed from navigation to the digit grid; the first one fills caches. */
    private static final int LOAD_RUNS = 3;

    private BrowserBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path referenceData = writeReferenceData();
        Map<String, Object> js;
        Map<String, Object> wasm;
        StaticServer server = new StaticServer(SITE, 0);
        Path profile = Files.createTempDirectory("nnlab-bench-profile");
        ChromeDriver driver = startChromium(profile);
        try {
            timePageLoads(driver, server.url());
            js = runBenchPage(driver, server.url() + "bench.html?shards=js");
            wasm = runBenchPage(driver, server.url() + "bench.html?shards=wasm-gc");
        } finally {
            driver.quit();
            server.stop();
        }
        printPayload();
        Map<String, Object> numpy = runReference(referenceData);
        System.out.println("browser, JS shards:   " + new Json().toJson(js));
        System.out.println("browser, Wasm shards: " + new Json().toJson(wasm));
        System.out.println("numpy:                " + new Json().toJson(numpy));
        for (Map<String, Object> browser : List.of(js, wasm)) {
            System.out.println();
            System.out.println(browser.get("engine") + " vs " + numpy.get("engine"));
            System.out.println(row("", "browser", "numpy/scipy", "ratio"));
            for (String key : List.of("evalMsMedian", "evalMsMin", "trainSecondsTo985",
                    "trainIterations")) {
                System.out.println(row(key, browser, numpy, key));
            }
        }
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        return new ChromeDriver(service, options);
    }

    /** Prints the time from navigation to the digit grid (the page's 'digits-shown' mark). */
    private static void timePageLoads(ChromeDriver driver, String url) {
        for (int run = 1; run <= LOAD_RUNS; run++) {
            driver.get(url);
            new WebDriverWait(driver, BROWSER_TIMEOUT).until(d -> "true".equals(
                    ((ChromeDriver) d).executeScript("return document.body.dataset.ready;")));
            Object shown = driver.executeScript("var mark = performance"
                    + ".getEntriesByName('digits-shown')[0]; return mark ? mark.startTime"
                    + " : null;");
            System.out.println(String.format(Locale.ROOT, "load %d: navigation to digit grid"
                    + " %.0f ms", run, ((Number) shown).doubleValue()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runBenchPage(ChromeDriver driver, String url) {
        driver.get(url);
        new WebDriverWait(driver, BROWSER_TIMEOUT).until(d -> {
            String status = d.findElement(By.id("bench-status")).getText();
            if (status.contains("failed")) {
                throw new IllegalStateException("bench.html: " + status);
            }
            return !d.findElement(By.id("bench-result")).getText().isBlank();
        });
        String text = driver.findElement(By.id("bench-result")).getText();
        return new Json().toType(text, Map.class);
    }

    /** Prints the size of the code the page and its workers load, raw and gzip-compressed. */
    private static void printPayload() throws IOException {
        long raw = 0;
        long compressed = 0;
        List<Path> files = new ArrayList<>();
        try (var stream = Files.walk(SITE)) {
            stream.filter(file -> file.toString().endsWith(".js")
                    || file.toString().endsWith(".wasm")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(buffer)) {
                gzip.write(bytes);
            }
            raw += bytes.length;
            compressed += buffer.size();
            System.out.println(String.format(Locale.ROOT, "payload %-40s %8d bytes, %7d gzip",
                    SITE.relativize(file), bytes.length, buffer.size()));
        }
        System.out.println(String.format(Locale.ROOT, "payload total %35s %8d bytes, %7d gzip",
                "", raw, compressed));
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
