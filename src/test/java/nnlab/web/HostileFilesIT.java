package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnlab.cli.HostileFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and unusable files chosen in #data-file or #weights-file: each shows a specific
 * message in #error, and the page keeps the course's weights and the built-in digits, so their
 * cost stays the same. All cases share one page, loaded once with ex4weights.mat.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileFilesIT {
    private static final long SEED = 5;
    private static final int RANDOM_FILE_BYTES = 4096;
    /** One byte more than the page reads, 64 MiB. */
    private static final long TOO_LARGE_BYTES = (64L << 20) + 1;
    private static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='owned'\">.mat";

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @TempDir
    static Path files;

    /** The λ of the cost section; each case switches it, so the page computes the cost again. */
    private static int lambda = 1;

    @BeforeAll
    static void loadCourseWeights() throws IOException {
        Path weights = WebTestData.ex4Weights();
        writeFiles(Files.readAllBytes(weights));
        PageActions.openFreshPage(browser);
        browser.upload("weights-file", weights);
        browser.type("lambda", "1");
        waitForCost(CostIT.COST_LAMBDA_1);
        assertEquals("", browser.text("error"), "#error after loading ex4weights.mat");
    }

    private static void writeFiles(byte[] ex4Weights) throws IOException {
        write("empty.mat", HostileFiles.empty());
        write("ex4weights_truncated.mat", HostileFiles.truncated(ex4Weights));
        write("random.mat", HostileFiles.randomBytes(SEED, RANDOM_FILE_BYTES));
        write("hdf5.mat", HostileFiles.hdf5());
        write("v4.mat", HostileFiles.version4());
        write("only_a.mat", HostileFiles.onlyVariableA());
        write("weights_100_inputs.mat", HostileFiles.weights(100, HostileFiles.HIDDEN, SEED));
        write("weights_nan.mat", HostileFiles.weightsWithNaN(SEED));
        write("data_399.mat", HostileFiles.data(399));
        write("data_100.mat", HostileFiles.data(100));
        write("label_0.mat", HostileFiles.dataWithLabel(0));
        write("label_2_5.mat", HostileFiles.dataWithLabel(2.5));
        write("x_nan.mat", HostileFiles.dataWithNaN());
        write("picture.mat", HostileFiles.png());
        write("huge_x.mat", HostileFiles.hugeDimensions("X"));
        write("huge_theta1.mat", HostileFiles.hugeDimensions("Theta1"));
        write("bomb.mat", HostileFiles.zlibBomb());
        write("cell_x.mat", HostileFiles.cellArrayX());
        write(HOSTILE_NAME, HostileFiles.randomBytes(SEED, RANDOM_FILE_BYTES));
        try (RandomAccessFile large = new RandomAccessFile(files.resolve("large.mat").toFile(),
                "rw")) {
            large.setLength(TOO_LARGE_BYTES);
        }
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Files.write(files.resolve(name), bytes);
    }

    /** Input id, file name, and a pattern that names the cause, which #error must contain. */
    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("data-file", "empty.mat", "empty \\(0 bytes\\)"),
                Arguments.of("data-file", "ex4weights_truncated.mat", "truncated"),
                Arguments.of("data-file", "random.mat", "not a MAT-file"),
                Arguments.of("data-file", "hdf5.mat", "version 7\\.3 \\(HDF5"),
                Arguments.of("data-file", "v4.mat", "version 4"),
                Arguments.of("data-file", "only_a.mat", "'X' not found; found: A"),
                Arguments.of("data-file", "label_0.mat", "label at row 7 is 0, which is not at"
                        + " least 1"),
                Arguments.of("data-file", "label_2_5.mat", "label at row 7 is 2\\.5, which is"
                        + " not a whole number"),
                Arguments.of("data-file", "x_nan.mat", "finite.*NaN at row 12, column 34"),
                Arguments.of("data-file", "data_399.mat", "5000×399 and 399 is not a square"),
                Arguments.of("data-file", "picture.mat", "PNG image, not a MAT-file"),
                Arguments.of("data-file", "huge_x.mat", "100000x100000 .*more than the limit"),
                Arguments.of("data-file", "bomb.mat", "inflates to more than the 72 bytes"),
                Arguments.of("data-file", "cell_x.mat", "cell array"),
                Arguments.of("data-file", "large.mat", "67108865 bytes, more than the 67108864"),
                Arguments.of("weights-file", "empty.mat", "empty \\(0 bytes\\)"),
                Arguments.of("weights-file", "ex4weights_truncated.mat", "truncated"),
                Arguments.of("weights-file", "random.mat", "not a MAT-file"),
                Arguments.of("weights-file", "hdf5.mat", "version 7\\.3 \\(HDF5"),
                Arguments.of("weights-file", "v4.mat", "version 4"),
                Arguments.of("weights-file", "only_a.mat", "'Theta1' not found; found: A"),
                Arguments.of("weights-file", "data_100.mat", "'Theta1' not found; found: X, y"),
                Arguments.of("weights-file", "weights_100_inputs.mat", "Theta1 must have 401"
                        + " columns for data with 400 features, found 101"),
                Arguments.of("weights-file", "weights_nan.mat", "finite.*NaN in Theta2\\(3, 5\\)"),
                Arguments.of("weights-file", "picture.mat", "PNG image, not a MAT-file"),
                Arguments.of("weights-file", "huge_theta1.mat", "100000x100000 .*more than the"
                        + " limit"),
                Arguments.of("weights-file", "bomb.mat", "inflates to more than the 72 bytes"),
                Arguments.of("weights-file", "large.mat", "more than the 67108864"));
    }

    @ParameterizedTest(name = "{0} gets {1}")
    @MethodSource("hostileFiles")
    @Order(1)
    void hostileFileShowsCauseAndKeepsCost(String inputId, String fileName, String cause) {
        String costBefore = browser.text("cost-value");
        String error = uploadAndWaitForError(inputId, fileName);
        browser.screenshot("HostileFilesIT-error-" + inputId + "-" + fileName);

        assertTrue(Pattern.compile(cause).matcher(error).find(), "#error should match /" + cause
                + "/ but is \"" + error + "\"");
        assertTrue(error.startsWith("Could not load " + fileName + ": "), error);
        assertFalse(error.contains("undefined"), error);
        assertFalse(error.contains("java."), error);
        assertEquals(costBefore, browser.text("cost-value"), "#cost-value after the upload");
        assertTrue(browser.text("weights-summary").contains("from ex4weights.mat"),
                browser.text("weights-summary"));
        assertTrue(browser.text("data-summary").contains("built-in digits"),
                browser.text("data-summary"));
        // A new λ makes the page compute the cost again, which shows that it still has the
        // course's weights and the built-in digits.
        lambda = 1 - lambda;
        browser.type("lambda", Integer.toString(lambda));
        waitForCost(lambda == 0 ? CostIT.COST_LAMBDA_0 : CostIT.COST_LAMBDA_1);
    }

    /** A file name is user text: #error shows it as text, so no element is created from it. */
    @Test
    @Order(2)
    void fileNameIsShownAsText() {
        String error = uploadAndWaitForError("weights-file", HOSTILE_NAME);

        assertTrue(error.startsWith("Could not load " + HOSTILE_NAME), error);
        assertEquals(0L, browser.script("return document.querySelectorAll('#error *').length;"),
                "elements inside #error");
        assertEquals(0L, browser.script("return document.querySelectorAll('img').length;"),
                "img elements on the page");
        assertFalse("owned".equals(browser.script("return document.title;")), "document.title");
    }

    /**
     * A valid data set whose examples have 100 pixels replaces the digits, but the course's
     * weights take 400 inputs: the weights stay loaded and #error says why there is no cost.
     * It runs last because the digits are gone afterwards.
     */
    @Test
    @Order(3)
    void dataThatDoesNotFitWeightsShowsBothSizes() {
        String error = uploadAndWaitForError("data-file", "data_100.mat");

        assertTrue(error.contains("Theta1 must have 101 columns for data with 100 features,"
                + " found 401"), error);
        assertEquals("", browser.text("cost-value"), "#cost-value without fitting weights");
        assertTrue(browser.text("cost-status").contains("do not fit"),
                browser.text("cost-status"));
        assertTrue(browser.text("weights-summary").contains("from ex4weights.mat"),
                browser.text("weights-summary"));
        assertTrue(browser.text("data-summary").contains("n = 100 features"),
                browser.text("data-summary"));
    }

    private static String uploadAndWaitForError(String inputId, String fileName) {
        browser.script("document.getElementById('error').textContent = '';");
        browser.upload(inputId, files.resolve(fileName));
        String error = browser.waitForText("error", text -> !text.isEmpty(),
                BrowserFixture.RESULT_TIMEOUT);
        assertFalse(error.isEmpty(), "#error after choosing " + fileName + " in #" + inputId);
        return error;
    }

    private static void waitForCost(double expected) {
        double cost = BrowserFixture.parseNumber(browser.waitForResult("cost-value",
                text -> Math.abs(BrowserFixture.parseNumber(text) - expected)
                        <= CostIT.COST_TOLERANCE, BrowserFixture.RESULT_TIMEOUT));
        assertEquals(expected, cost, CostIT.COST_TOLERANCE, "#cost-value");
    }
}
