package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's cost of the course's pretrained weights on the built-in digits equals the JVM
 * engine's, which shows that the TeaVM-compiled engine computes the same numbers.
 */
class CostIT {
    /** Cost and accuracy of ex4weights.mat on data/digits.png, from the JVM engine. */
    static final double COST_LAMBDA_0 = 0.290845;
    static final double COST_LAMBDA_1 = 0.386986;
    static final double ACCURACY_PERCENT = 97.60;
    /** The page shows 6 decimals, so its rounding alone moves the value by up to 5e-7. */
    static final double COST_TOLERANCE = 1e-6;
    /** The page shows 2 decimals of a percentage. */
    static final double ACCURACY_TOLERANCE = 0.005;

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    @BeforeAll
    static void loadWeights() {
        if (WebTestData.hasEx4Weights()) {
            browser.openPage();
            browser.upload("weights-file", WebTestData.ex4Weights());
        }
    }

    /** Skips each test, rather than the class, so reports count the tests as skipped. */
    @BeforeEach
    void requireWeights() {
        WebTestData.ex4Weights();
    }

    @Test
    void costWithoutRegularizationMatchesEngine() {
        browser.type("lambda", "0");
        double cost = browser.waitForNumber("cost-value",
                c -> Math.abs(c - COST_LAMBDA_0) <= COST_TOLERANCE, BrowserFixture.RESULT_TIMEOUT);
        assertEquals(COST_LAMBDA_0, cost, COST_TOLERANCE);
    }

    @Test
    void costWithLambdaOneMatchesEngine() {
        browser.type("lambda", "1");
        double cost = browser.waitForNumber("cost-value",
                c -> Math.abs(c - COST_LAMBDA_1) <= COST_TOLERANCE, BrowserFixture.RESULT_TIMEOUT);
        assertEquals(COST_LAMBDA_1, cost, COST_TOLERANCE);
    }

    @Test
    void costShowsSixDecimals() {
        browser.waitForResult("cost-value", t -> !t.isEmpty(), BrowserFixture.RESULT_TIMEOUT);
        String text = browser.text("cost-value");
        assertTrue(text.matches("\\d+\\.\\d{6}"), "#cost-value is \"" + text + "\"");
    }

    @Test
    void accuracyOfPretrainedWeightsMatchesEngine() {
        double accuracy = browser.waitForNumber("accuracy-value",
                a -> Math.abs(a - ACCURACY_PERCENT) <= ACCURACY_TOLERANCE,
                BrowserFixture.RESULT_TIMEOUT);
        assertEquals(ACCURACY_PERCENT, accuracy, ACCURACY_TOLERANCE);
    }

    @Test
    void accuracyShowsTwoDecimals() {
        browser.waitForResult("accuracy-value", t -> !t.isEmpty(), BrowserFixture.RESULT_TIMEOUT);
        String text = browser.text("accuracy-value");
        assertTrue(text.matches("\\d+\\.\\d{2} ?%?"), "#accuracy-value is \"" + text + "\"");
    }

    @Test
    void errorStaysEmptyForValidWeights() {
        browser.waitForResult("cost-value", t -> !t.isEmpty(), BrowserFixture.RESULT_TIMEOUT);
        assertEquals("", browser.text("error"));
    }
}
