package nnlab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nnlab.app.MatData;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.io.DigitSheet;

/** Shared test inputs: the built-in digit sheet and the course's pretrained weights. */
public final class TestData {
    /** The course's ex4weights.mat, which may not be committed, so it is read from beside the project. */
    public static final Path EX4_WEIGHTS = Path.of("..", "shared", "data", "ex4weights.mat");
    public static final Path DIGIT_SHEET = Path.of("data", "digits.png");

    private static Dataset digits;

    private TestData() {
    }

    /** The 5000 digits decoded from data/digits.png, decoded once per test JVM. */
    public static synchronized Dataset digits() {
        if (digits == null) {
            try {
                BufferedImage image = ImageIO.read(DIGIT_SHEET.toFile());
                int[] gray = new int[image.getWidth() * image.getHeight()];
                image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), gray);
                digits = DigitSheet.decode(image.getWidth(), image.getHeight(), gray);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return digits;
    }

    /** Bytes of ex4weights.mat; skips the calling test when the file is absent. */
    public static byte[] ex4WeightsBytes() {
        assumeTrue(Files.isRegularFile(EX4_WEIGHTS), "ex4weights.mat not found at "
                + EX4_WEIGHTS.toAbsolutePath().normalize() + ": the course's pretrained weights"
                + " are not part of the repository; place them there to run this test");
        try {
            return Files.readAllBytes(EX4_WEIGHTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The course's pretrained Theta1 and Theta2; skips the calling test when absent. */
    public static Weights ex4Weights() {
        return MatData.readWeights(ex4WeightsBytes());
    }
}
