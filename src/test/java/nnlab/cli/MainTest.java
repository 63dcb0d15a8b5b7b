package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.TestData;
import nnlab.app.MatData;
import nnlab.app.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final double COURSE_DIGITS = 1e-6;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static double number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\": ([-0-9.Ee]+)").matcher(json);
        assertTrue(matcher.find(), "key " + key + " in " + json);
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void costPrintsCourseValues() {
        TestData.ex4WeightsBytes();
        assertEquals(0, run("cost", "--weights", TestData.EX4_WEIGHTS.toString(), "--lambda", "1"));
        String json = out.toString(StandardCharsets.UTF_8).trim();
        assertEquals(0.386986, number(json, "cost"), COURSE_DIGITS);
        assertEquals(97.60, number(json, "accuracy"), 1e-9);
        assertEquals(5000, number(json, "m"));
        assertTrue(json.startsWith("{"), json);
        assertTrue(json.endsWith("}"), json);
    }

    @Test
    void gradcheckPrintsRelativeDifference() {
        assertEquals(0, run("gradcheck", "--lambda", "3"));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(number(json, "relativeDifference") < 1e-9, json);
        assertEquals(38, number(json, "parameters"));
    }

    @Test
    void trainReachesCourseAccuracyAndWritesWeights() throws IOException {
        Path file = temp.resolve("trained.mat");
        assertEquals(0, run("train", "--lambda", "1", "--iterations", "100", "--out",
                file.toString()));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(number(json, "accuracy") >= 98.5, json);
        assertEquals(100, number(json, "iterations"));
        assertEquals(100, err.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("iteration ")).count());
        Weights weights = MatData.readWeights(Files.readAllBytes(file));
        assertEquals("400-25-10", weights.shape().toString());
    }

    @Test
    void trainedWeightsLoadInScipy() throws IOException, InterruptedException {
        assumeTrue(scipyAvailable(), "python3 with scipy is not installed; skipping the scipy check");
        Path file = temp.resolve("small.mat");
        assertEquals(0, run("train", "--iterations", "2", "--hidden", "7", "--out",
                file.toString()));
        Process python = new ProcessBuilder("python3", "-c",
                "import scipy.io,sys; d=scipy.io.loadmat(sys.argv[1]);"
                        + " print(d['Theta1'].shape, d['Theta2'].shape)", file.toString())
                .redirectErrorStream(true).start();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        String printed = new String(python.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim();
        assertEquals("(7, 401) (10, 8)", printed);
    }

    @Test
    void trainAcceptsTwoHiddenLayers() throws IOException {
        Path file = temp.resolve("deep.mat");
        assertEquals(0, run("train", "--hidden", "12,8", "--iterations", "3", "--out",
                file.toString()));
        Weights weights = MatData.readWeights(Files.readAllBytes(file));
        assertEquals("400-12-8-10", weights.shape().toString());
    }

    @Test
    void invalidHiddenListExitsWithTwo() {
        assertEquals(2, run("train", "--hidden", "25,x"));
        assertOneErrorLine("found '25,x'");
    }

    @Test
    void missingOutputFolderFailsBeforeTraining() {
        String out = temp.resolve("absent").resolve("w.mat").toString();
        assertEquals(2, run("train", "--iterations", "1000", "--out", out));
        assertOneErrorLine("does not exist");
    }

    @Test
    void directoryAsWeightsExitsWithTwo() {
        assertEquals(2, run("cost", "--weights", temp.toString()));
        assertOneErrorLine("is a directory");
    }

    @Test
    void unknownCommandExitsWithTwo() {
        assertEquals(2, run("fly"));
        assertOneErrorLine("Unknown command 'fly'");
    }

    @Test
    void missingWeightsFileExitsWithTwo() {
        assertEquals(2, run("cost", "--weights", temp.resolve("absent.mat").toString()));
        assertOneErrorLine("File not found");
    }

    @Test
    void fileThatIsNotMatExitsWithTwo() throws IOException {
        Path text = temp.resolve("notes.mat");
        Files.writeString(text, "these are notes, not a MAT file, but long enough to have a"
                + " header of 128 bytes so that the reader looks at the endian indicator....");
        assertEquals(2, run("cost", "--weights", text.toString()));
        assertOneErrorLine("MAT");
    }

    @Test
    void invalidOptionValueExitsWithTwo() {
        assertEquals(2, run("train", "--lambda", "abc"));
        assertOneErrorLine("--lambda must be a finite number, found 'abc'");
    }

    @Test
    void unknownOptionExitsWithTwo() {
        assertEquals(2, run("gradcheck", "--seed", "3"));
        assertOneErrorLine("Unknown option '--seed'");
    }

    @Test
    void unknownOptimizerExitsWithTwo() {
        assertEquals(2, run("train", "--optimizer", "sgd"));
        assertOneErrorLine("sgd");
    }

    private void assertOneErrorLine(String expectedPart) {
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expectedPart), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
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
