package nnlab.app;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.data.InvalidDataException;
import nnlab.math.WholeNumbers;
import nnlab.nn.NetworkShape;

/**
 * Weights with a description of where they came from, in the text form the page keeps in the
 * browser's storage. The parameters are stored exactly, as base64 of their little-endian IEEE 754
 * bytes (the bytes of a Float64Array): the 10285 weights of a 400-25-10 network take 109,708
 * characters.
 */
public final class SavedWeights {
    /** First line of the stored text; a new layout gets a new version number. */
    static final String HEADER = "nnlab-weights 1";
    /** Longest stored text accepted: 16 Mi characters, far above any browser storage quota. */
    static final int MAX_CHARS = 16 << 20;
    private static final String WHAT = "the saved weights";
    private static final int MAX_SOURCE_CHARS = 200;

    private final Weights weights;
    private final String source;
    private final double savedAtMillis;
    private final double cost;
    private final double accuracy;

    /**
     * Describes weights to save.
     *
     * @param source where the weights came from, such as "training (50 iterations of lbfgs)" or
     *     a file name; cut to 200 characters
     * @param savedAtMillis time of saving in milliseconds since 1970-01-01 UTC
     * @param cost J(Θ) the weights reached in training, or NaN when unknown
     * @param accuracy training-set accuracy as a fraction 0..1, or NaN when unknown
     */
    public SavedWeights(Weights weights, String source, double savedAtMillis, double cost,
            double accuracy) {
        this.weights = weights;
        this.source = source.length() <= MAX_SOURCE_CHARS ? source
                : source.substring(0, MAX_SOURCE_CHARS);
        this.savedAtMillis = savedAtMillis;
        this.cost = cost;
        this.accuracy = accuracy;
    }

    public Weights weights() {
        return weights;
    }

    public String source() {
        return source;
    }

    /** Time of saving in milliseconds since 1970-01-01 UTC. */
    public double savedAtMillis() {
        return savedAtMillis;
    }

    /** J(Θ) the weights reached in training, or NaN when unknown. */
    public double cost() {
        return cost;
    }

    /** Training-set accuracy as a fraction 0..1, or NaN when unknown. */
    public double accuracy() {
        return accuracy;
    }

    /** Returns the stored text: the header line, then one key=value line per field. */
    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sizes", joinSizes(weights.shape().sizes()));
        fields.put("source", source);
        fields.put("savedAt", Double.toString(savedAtMillis));
        if (!Double.isNaN(cost)) {
            fields.put("cost", Double.toString(cost));
        }
        if (!Double.isNaN(accuracy)) {
            fields.put("accuracy", Double.toString(accuracy));
        }
        fields.put("theta", Base64.getEncoder().encodeToString(toBytes(weights.theta())));
        return KeyValueText.format(HEADER, fields);
    }

    /**
     * Parses text written by {@link #encode}. Every field is checked before the weights are
     * allocated: the layer sizes first, then the length of the base64 text against them.
     *
     * @throws InvalidDataException naming the field and what is wrong with it, for text written
     *     by another program or version, cut short, or changed by hand
     */
    public static SavedWeights decode(String text) {
        Map<String, String> fields = KeyValueText.parse(text, HEADER, WHAT, MAX_CHARS);
        NetworkShape shape = NetworkShape.of(parseSizes(
                KeyValueText.require(fields, "sizes", WHAT)));
        String encoded = KeyValueText.require(fields, "theta", WHAT);
        long expectedChars = 4L * ((8L * shape.parameterCount() + 2) / 3);
        if (encoded.length() != expectedChars) {
            throw new InvalidDataException(WHAT + " have " + encoded.length()
                    + " base64 characters of weights, but a " + shape + " network needs "
                    + expectedChars + "; the entry was cut short or changed");
        }
        double[] theta = toDoubles(decodeBase64(encoded), shape.parameterCount());
        String source = fields.getOrDefault("source", "");
        double savedAt = KeyValueText.parseNumber(KeyValueText.require(fields, "savedAt", WHAT),
                "savedAt", WHAT);
        double cost = optionalNumber(fields, "cost");
        double accuracy = optionalNumber(fields, "accuracy");
        return new SavedWeights(new Weights(shape, theta), source, savedAt, cost, accuracy);
    }

    private static String joinSizes(int[] sizes) {
        StringBuilder text = new StringBuilder();
        for (int size : sizes) {
            text.append(text.length() == 0 ? "" : ",").append(size);
        }
        return text.toString();
    }

    private static int[] parseSizes(String text) {
        String[] parts = KeyValueText.split(text, ',');
        if (parts.length < 2 || parts.length > 7) {
            throw new InvalidDataException(WHAT + " have layer sizes \""
                    + KeyValueText.shorten(text) + "\" but need 2 to 7 comma-separated sizes");
        }
        int[] sizes = new int[parts.length];
        for (int l = 0; l < parts.length; l++) {
            double size = KeyValueText.parseNumber(parts[l], "layer size " + (l + 1), WHAT);
            if (!WholeNumbers.isWhole(size) || size < 1 || size > 1_000_000) {
                throw new InvalidDataException(WHAT + " have " + parts[l].trim() + " as layer"
                        + " size " + (l + 1) + " but need a whole number 1..1000000");
            }
            sizes[l] = (int) size;
        }
        return sizes;
    }

    /** Decodes base64, accepting only its alphabet with '=' as padding at the end. */
    private static byte[] decodeBase64(String text) {
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!valid) {
                throw new InvalidDataException(WHAT + " have '" + c + "' at character "
                        + (i + 1) + " of the weights, which is not base64");
            }
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(WHAT + " have weights that are not valid base64 ("
                    + e.getMessage() + ")");
        }
    }

    private static double optionalNumber(Map<String, String> fields, String key) {
        String value = fields.get(key);
        return value == null ? Double.NaN : KeyValueText.parseNumber(value, key, WHAT);
    }

    private static byte[] toBytes(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    private static double[] toDoubles(byte[] bytes, int count) {
        if (bytes.length != 8 * count) {
            throw new InvalidDataException(WHAT + " decode to " + bytes.length + " bytes of"
                    + " weights, but " + count + " weights need " + 8 * count);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getDouble(8 * i);
        }
        return values;
    }
}
