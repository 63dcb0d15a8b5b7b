package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import nnlab.data.InvalidDataException;
import nnlab.nn.NetworkShape;
import org.junit.jupiter.api.Test;

class SavedWeightsTest {
    private static final long SEED = 3;
    /** Base64 characters of the 10285 weights of a 400-25-10 network: 4 * ceil(82280 / 3). */
    private static final int COURSE_BASE64_CHARS = 109_708;

    private static Weights randomWeights(int... sizes) {
        NetworkShape shape = NetworkShape.of(sizes);
        Random random = new Random(SEED);
        double[] theta = new double[shape.parameterCount()];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = random.nextGaussian();
        }
        theta[0] = -0.0;
        theta[1] = Double.MIN_VALUE;
        theta[2] = Double.MAX_VALUE;
        return new Weights(shape, theta);
    }

    private static String encoded() {
        return new SavedWeights(randomWeights(400, 25, 10), "training (10 iterations)",
                1.7e12, 0.3435, 0.9712).encode();
    }

    @Test
    void roundTripKeepsEveryBit() {
        Weights weights = randomWeights(400, 25, 10);
        SavedWeights decoded = SavedWeights.decode(new SavedWeights(weights, "ex4weights.mat",
                1.7e12, Double.NaN, Double.NaN).encode());

        assertEquals("400-25-10", decoded.weights().shape().toString());
        double[] expected = weights.theta();
        double[] actual = decoded.weights().theta();
        for (int p = 0; p < expected.length; p++) {
            assertEquals(Double.doubleToRawLongBits(expected[p]),
                    Double.doubleToRawLongBits(actual[p]), "bits of parameter " + p);
        }
        assertEquals("ex4weights.mat", decoded.source());
        assertEquals(1.7e12, decoded.savedAtMillis());
        assertTrue(Double.isNaN(decoded.cost()));
        assertTrue(Double.isNaN(decoded.accuracy()));
    }

    @Test
    void roundTripKeepsCostAndAccuracy() {
        SavedWeights decoded = SavedWeights.decode(encoded());
        assertEquals(0.3435, decoded.cost());
        assertEquals(0.9712, decoded.accuracy());
        assertEquals("training (10 iterations)", decoded.source());
    }

    @Test
    void courseNetworkTakesExpectedCharacters() {
        String theta = encoded().lines().filter(line -> line.startsWith("theta="))
                .findFirst().orElseThrow();
        assertEquals(COURSE_BASE64_CHARS, theta.length() - "theta=".length());
    }

    @Test
    void sourceWithLineBreakStaysOneField() {
        SavedWeights decoded = SavedWeights.decode(new SavedWeights(randomWeights(3, 2, 2),
                "a\nsizes=9,9\ntheta=", 0, Double.NaN, Double.NaN).encode());
        assertEquals("a sizes=9,9 theta=", decoded.source());
        assertEquals("3-2-2", decoded.weights().shape().toString());
    }

    @Test
    void foreignTextIsRejectedWithItsStart() {
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode("{\"theme\": \"dark\"}"));
        assertTrue(error.getMessage().contains("start with \"{\"theme\": \"dark\"}\" instead of"
                + " \"nnlab-weights 1\""), error.getMessage());
    }

    @Test
    void truncatedWeightsAreRejectedBeforeDecoding() {
        String text = encoded();
        String cut = text.substring(0, text.length() - 100);
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode(cut));
        assertTrue(error.getMessage().contains("a 400-25-10 network needs 109708"),
                error.getMessage());
    }

    @Test
    void hugeDeclaredSizesAreRejectedBeforeAllocating() {
        String text = encoded().replace("sizes=400,25,10", "sizes=1000000,1000,10");
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode(text));
        assertTrue(error.getMessage().contains("network needs"), error.getMessage());
    }

    @Test
    void nonBase64CharacterIsNamed() {
        String text = encoded().replaceFirst("theta=.", "theta=*");
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode(text));
        assertTrue(error.getMessage().contains("'*' at character 1"), error.getMessage());
    }

    @Test
    void infiniteWeightIsRejected() {
        Weights weights = randomWeights(3, 2, 2);
        String text = new SavedWeights(weights, "x", 0, Double.NaN, Double.NaN).encode();
        // Eight bytes of 0x7FF0000000000000 little-endian, +Infinity, in place of the first weight.
        String infinity = java.util.Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 0, 0,
            0, (byte) 0xF0, 0x7F, 0});
        String theta = text.substring(text.indexOf("theta=") + 6).trim();
        String changed = text.replace(theta, infinity.substring(0, 12) + theta.substring(12));
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode(changed));
        assertTrue(error.getMessage().contains("Infinity in Theta1(1, 1)"), error.getMessage());
    }

    @Test
    void missingFieldIsNamed() {
        String text = encoded().replaceAll("savedAt=[^\n]*\n", "");
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode(text));
        assertTrue(error.getMessage().contains("no field \"savedAt\""), error.getMessage());
    }

    @Test
    void invalidLayerSizeIsNamed() {
        String text = encoded().replace("sizes=400,25,10", "sizes=400,2.5,10");
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> SavedWeights.decode(text));
        assertTrue(error.getMessage().contains("2.5 as layer size 2"), error.getMessage());
    }

    @Test
    void longSourceIsCut() {
        String source = "s".repeat(500);
        assertEquals(200, new SavedWeights(randomWeights(3, 2, 2), source, 0, 0, 0).source()
                .length());
        assertArrayEquals(new int[] {3, 2, 2}, SavedWeights.decode(new SavedWeights(
                randomWeights(3, 2, 2), source, 0, 0, 0).encode()).weights().shape().sizes());
    }
}
