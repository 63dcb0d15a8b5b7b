package nnlab.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nnlab.TestData;

/** Files that the browser tests upload through the page's file inputs. */
final class WebTestData {
    private WebTestData() {
    }

    static boolean hasEx4Weights() {
        return Files.isRegularFile(TestData.EX4_WEIGHTS);
    }

    /** Path of the course's ex4weights.mat; skips the calling test or class when it is absent. */
    static Path ex4Weights() {
        Path path = TestData.EX4_WEIGHTS.toAbsolutePath().normalize();
        assumeTrue(hasEx4Weights(), "ex4weights.mat not found at " + path
                + ": the course's pretrained weights are not part of the repository; place them"
                + " there to run this test");
        return path;
    }
}
