package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file that the page cannot use shows a specific message in #error and leaves the loaded
 * weights and their cost in place.
 */
class BadFileIT {
    private static final long SEED = 4;
    private static final int RANDOM_FILE_BYTES = 4096;
    /** A valid MAT file with X and y but without Theta1 and Theta2. */
    private static final Path DATA_WITHOUT_WEIGHTS =
            Path.of("src/test/resources/mat/xy_plain.mat");

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @TempDir
    static Path files;

    private String costBefore;

    @BeforeEach
    void loadPretrainedWeights() {
        Path weights = WebTestData.ex4Weights();
        browser.openPage();
        browser.upload("weights-file", weights);
        browser.type("lambda", "1");
        costBefore = browser.waitForResult("cost-value",
                t -> Math.abs(BrowserFixture.parseNumber(t) - CostIT.COST_LAMBDA_1)
                        <= CostIT.COST_TOLERANCE, BrowserFixture.RESULT_TIMEOUT);
        assertEquals(CostIT.COST_LAMBDA_1, BrowserFixture.parseNumber(costBefore),
                CostIT.COST_TOLERANCE, "cost of ex4weights.mat before the bad upload");
        assertEquals("", browser.text("error"), "#error before the bad upload");
    }

    /**
     * Input id, name of the file in {@link #files}, and a pattern that the message must contain:
     * for a file that is not a MAT file at all the message states that, and for a MAT file
     * without the expected variables it names the missing variable.
     */
    static Stream<Arguments> badUploads() throws IOException {
        byte[] random = new byte[RANDOM_FILE_BYTES];
        new Random(SEED).nextBytes(random);
        Files.write(files.resolve("random.mat"), random);
        Files.writeString(files.resolve("notes.txt"), "Theta1 and Theta2 go here\n",
                StandardCharsets.UTF_8);
        Files.copy(DATA_WITHOUT_WEIGHTS, files.resolve("xy_plain.mat"),
                StandardCopyOption.REPLACE_EXISTING);
        Pattern notMat = Pattern.compile("\\bMAT\\b");
        return Stream.of(
                Arguments.of("data-file", "random.mat", notMat),
                Arguments.of("data-file", "notes.txt", notMat),
                Arguments.of("weights-file", "random.mat", notMat),
                Arguments.of("weights-file", "notes.txt", notMat),
                Arguments.of("weights-file", "xy_plain.mat", Pattern.compile("Theta1")));
    }

    @ParameterizedTest(name = "{0} gets {1}")
    @MethodSource("badUploads")
    void badUploadShowsErrorAndKeepsCost(String inputId, String fileName, Pattern expected) {
        browser.upload(inputId, files.resolve(fileName));
        String error = browser.waitForText("error", t -> !t.isEmpty(),
                BrowserFixture.RESULT_TIMEOUT);

        assertFalse(error.isEmpty(), "#error after uploading " + fileName);
        assertTrue(expected.matcher(error).find(), "#error should mention " + expected
                + " but is \"" + error + "\"");
        assertFalse(error.contains("undefined"), "#error is \"" + error + "\"");
        assertFalse(error.contains("java."), "#error is \"" + error + "\"");
        assertEquals(costBefore, browser.text("cost-value"), "#cost-value after the upload");

        // A new λ makes the page compute the cost again, so the cost of the pretrained weights
        // at λ = 0 shows that the page still has those weights and the built-in digits.
        browser.type("lambda", "0");
        String cost = browser.waitForText("cost-value",
                t -> Math.abs(BrowserFixture.parseNumber(t) - CostIT.COST_LAMBDA_0)
                        <= CostIT.COST_TOLERANCE, BrowserFixture.RESULT_TIMEOUT);
        assertEquals(CostIT.COST_LAMBDA_0, BrowserFixture.parseNumber(cost),
                CostIT.COST_TOLERANCE, "cost at λ = 0 after the upload");
    }
}
