package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnlab.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile file makes {@code cost} and {@code train} exit with status 2 and one error line
 * on stderr that names the cause, with nothing on stdout.
 */
class MainHostileFilesTest {
    private static final long SEED = 11;
    private static final int RANDOM_FILE_BYTES = 4096;
    private static final int FUZZ_CASES = 300;

    @TempDir
    static Path files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeFiles() throws IOException {
        write("empty.mat", HostileFiles.empty());
        write("random.mat", HostileFiles.randomBytes(SEED, RANDOM_FILE_BYTES));
        write("hdf5.mat", HostileFiles.hdf5());
        write("v4.mat", HostileFiles.version4());
        write("only_a.mat", HostileFiles.onlyVariableA());
        byte[] weights = HostileFiles.weights(HostileFiles.PIXELS, HostileFiles.HIDDEN, SEED);
        write("weights.mat", weights);
        write("weights_truncated.mat", HostileFiles.truncated(weights));
        write("weights_100_inputs.mat", HostileFiles.weights(100, HostileFiles.HIDDEN, SEED));
        write("weights_nan.mat", HostileFiles.weightsWithNaN(SEED));
        write("data_399.mat", HostileFiles.data(399));
        write("data_100.mat", HostileFiles.data(100));
        write("data_400.mat", HostileFiles.data(HostileFiles.PIXELS));
        write("label_0.mat", HostileFiles.dataWithLabel(0));
        write("label_2_5.mat", HostileFiles.dataWithLabel(2.5));
        write("label_huge.mat", HostileFiles.dataWithLabel(1e6));
        write("x_nan.mat", HostileFiles.dataWithNaN());
        write("picture.mat", HostileFiles.png());
        write("picture_huge.mat", HostileFiles.pngWithHugeSize());
        write("huge_x.mat", HostileFiles.hugeDimensions("X"));
        write("huge_theta1.mat", HostileFiles.hugeDimensions("Theta1"));
        write("bomb.mat", HostileFiles.zlibBomb());
        write("cell_x.mat", HostileFiles.cellArrayX());
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Files.write(files.resolve(name), bytes);
    }

    /** Weights file and the pattern its error line must contain, for cost on the digits. */
    static Stream<Arguments> badWeights() {
        return Stream.of(
                Arguments.of("empty.mat", "empty \\(0 bytes\\)"),
                Arguments.of("weights_truncated.mat", "truncated"),
                Arguments.of("random.mat", "not a MAT-file"),
                Arguments.of("hdf5.mat", "version 7\\.3 \\(HDF5"),
                Arguments.of("v4.mat", "version 4"),
                Arguments.of("only_a.mat", "'Theta1' not found; found: A"),
                Arguments.of("weights_100_inputs.mat", "Theta1 must have 401 columns .*found 101"),
                Arguments.of("weights_nan.mat", "finite.*NaN in Theta2\\(3, 5\\)"),
                Arguments.of("picture.mat", "PNG image"),
                Arguments.of("huge_theta1.mat", "100000x100000 .*more than the limit"),
                Arguments.of("bomb.mat", "inflates to more than the 72 bytes"),
                Arguments.of("data_399.mat", "'Theta1' not found; found: X, y"));
    }

    @ParameterizedTest(name = "cost --weights {0}")
    @MethodSource("badWeights")
    void costRejectsBadWeights(String file, String expected) {
        assertExitTwoWithOneLine(expected, "cost", "--weights", path(file));
    }

    /** Data file and the pattern its error line must contain, for cost with fitting weights. */
    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("empty.mat", "empty \\(0 bytes\\)"),
                Arguments.of("random.mat", "not a MAT-file"),
                Arguments.of("hdf5.mat", "version 7\\.3 \\(HDF5"),
                Arguments.of("v4.mat", "version 4"),
                Arguments.of("only_a.mat", "'X' not found; found: A"),
                Arguments.of("weights.mat", "'X' not found; found: Theta1, Theta2"),
                Arguments.of("label_0.mat", "label at row 7 is 0, which is not at least 1"),
                Arguments.of("label_2_5.mat", "label at row 7 is 2\\.5, which is not a whole"),
                Arguments.of("label_huge.mat", "label at row 7 is 1000000, which is not at most"),
                Arguments.of("x_nan.mat", "finite.*NaN at row 12, column 34"),
                Arguments.of("data_399.mat", "Theta1 must have 400 columns for data with 399"),
                Arguments.of("data_100.mat", "Theta1 must have 101 columns for data with 100"),
                Arguments.of("picture.mat", "digit sheet must be 2000x1000 pixels, found 4x4"),
                Arguments.of("picture_huge.mat", "found 100000x100000"),
                Arguments.of("huge_x.mat", "100000x100000 .*more than the limit"),
                Arguments.of("bomb.mat", "inflates to more than the 72 bytes"),
                Arguments.of("cell_x.mat", "cell array"));
    }

    @ParameterizedTest(name = "cost --data {0}")
    @MethodSource("badData")
    void costRejectsBadData(String file, String expected) {
        assertExitTwoWithOneLine(expected, "cost", "--weights", path("weights.mat"), "--data",
                path(file));
    }

    /**
     * The bad data files except those that only do not fit the weights, because training builds
     * a network for whatever number of features the data has.
     */
    static Stream<Arguments> badTrainingData() {
        return badData().filter(arguments -> !String.valueOf(arguments.get()[1])
                .contains("Theta1 must have"));
    }

    @ParameterizedTest(name = "train --data {0}")
    @MethodSource("badTrainingData")
    void trainRejectsBadData(String file, String expected) {
        assertExitTwoWithOneLine(expected, "train", "--iterations", "1", "--data", path(file));
    }

    /** The generated files are valid apart from their one defect, so these pairs work. */
    @Test
    void costAcceptsGeneratedFilesThatFit() {
        assertEquals(0, run("cost", "--weights", path("weights.mat"), "--data",
                path("data_400.mat")), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("cost", "--weights", path("weights_100_inputs.mat"), "--data",
                path("data_100.mat")), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Random byte flips and truncations of a valid weights file and a valid data file: each run
     * ends with status 0, or with status 2 and one error line, and never with an exception.
     */
    @Test
    void mutatedFilesExitWithZeroOrTwo() throws IOException {
        Random random = new Random(SEED);
        byte[][] originals = {
            HostileFiles.weights(HostileFiles.PIXELS, HostileFiles.HIDDEN, SEED),
            HostileFiles.data(HostileFiles.PIXELS)};
        Path mutated = files.resolve("mutated.mat");
        Path weights = files.resolve("weights.mat");
        int rejected = 0;
        for (int c = 0; c < FUZZ_CASES; c++) {
            boolean mutateWeights = c % 2 == 0;
            Files.write(mutated, mutate(originals[c % 2], random));
            out.reset();
            err.reset();
            List<String> args = mutateWeights
                    ? List.of("cost", "--weights", mutated.toString(), "--data",
                            path("data_400.mat"))
                    : List.of("cost", "--weights", weights.toString(), "--data",
                            mutated.toString());
            int status = run(args.toArray(String[]::new));
            String errors = err.toString(StandardCharsets.UTF_8);
            assertTrue(status == 0 || status == 2, "exit status " + status + " in case " + c);
            if (status == 2) {
                rejected++;
                assertEquals(1, errors.lines().count(), "case " + c + ": " + errors);
            }
        }
        assertTrue(rejected > 0, "no mutated file was rejected");
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        if (random.nextDouble() < 0.3) {
            return Arrays.copyOf(bytes, (int) (random.nextDouble() * bytes.length));
        }
        int flips = 1 + (int) (random.nextDouble() * 4);
        for (int f = 0; f < flips; f++) {
            int at = (int) (random.nextDouble() * Math.min(bytes.length, 400));
            bytes[at] = (byte) (random.nextDouble() * 256);
        }
        return bytes;
    }

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private void assertExitTwoWithOneLine(String expected, String... args) {
        int status = run(args);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, "exit status; stderr: " + errors);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "stdout");
        List<String> lines = errors.lines().toList();
        assertEquals(1, lines.size(), "stderr lines: " + errors);
        String line = lines.get(0);
        assertTrue(line.startsWith("error: "), line);
        assertTrue(Pattern.compile(expected).matcher(line).find(),
                "stderr should match /" + expected + "/ but is: " + line);
        assertFalse(line.contains("Exception"), line);
    }

    private static String path(String name) {
        return files.resolve(name).toString();
    }

    @Test
    void truncatedCourseWeightsExitWithTwo() throws IOException {
        Path file = files.resolve("ex4weights_truncated.mat");
        Files.write(file, HostileFiles.truncated(TestData.ex4WeightsBytes()));
        assertExitTwoWithOneLine("truncated", "cost", "--weights", file.toString());
    }
}
