package nnlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page's gradient check finds backpropagation's gradient equal to the numerical one. */
class GradientCheckIT {
    /**
     * Upper bound on the relative difference norm(numeric - analytic) / norm(numeric + analytic);
     * with central differences of step 1e-4 a correct gradient gives about 1e-11.
     */
    static final double MAX_RELATIVE_DIFFERENCE = 1e-9;
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture();

    private static String differenceText;

    @BeforeAll
    static void runGradientCheck() {
        browser.openPage();
        browser.click("gradcheck-button");
        differenceText = browser.waitForResult("gradcheck-difference",
                t -> !Double.isNaN(BrowserFixture.parseNumber(t)), CHECK_TIMEOUT);
    }

    @Test
    void differenceIsBelowThreshold() {
        double difference = Double.parseDouble(differenceText);
        assertTrue(difference < MAX_RELATIVE_DIFFERENCE, "relative difference " + difference);
    }

    @Test
    void differenceIsPositive() {
        // An exact 0 would mean that the check compared the analytic gradient with itself.
        double difference = Double.parseDouble(differenceText);
        assertTrue(difference > 0, "relative difference " + difference);
    }

    @Test
    void errorStaysEmpty() {
        assertEquals("", browser.text("error"));
    }
}
