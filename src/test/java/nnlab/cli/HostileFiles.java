package nnlab.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import nnlab.io.MatArray;
import nnlab.io.MatFileWriter;

/**
 * Files that the page and the command-line tool must reject with a specific message: not MAT
 * files, MAT files of another version, MAT files with hostile sizes, and valid MAT files whose
 * contents do not fit the network. Each method builds the bytes from scratch, so the tests need
 * no fixtures; the same seed gives the same bytes.
 */
public final class HostileFiles {
    /** Examples in the generated data sets; the page's digits have 5000. */
    public static final int EXAMPLES = 5000;
    public static final int LABELS = 10;
    public static final int HIDDEN = 25;
    public static final int PIXELS = 400;
    /** Bytes the zlib bomb inflates to, 2^24 times the 8 that its element declares. */
    static final int BOMB_INFLATED_BYTES = 128 << 20;
    private static final int MI_INT8 = 1;
    private static final int MI_UINT32 = 6;
    private static final int MI_INT32 = 5;
    private static final int MI_DOUBLE = 9;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MX_CELL_CLASS = 1;
    private static final int MX_DOUBLE_CLASS = 6;

    private HostileFiles() {
    }

    /** A file of zero bytes. */
    public static byte[] empty() {
        return new byte[0];
    }

    /** The first half of {@code file}, as an interrupted download leaves it. */
    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }

    /** Uniformly random bytes. */
    public static byte[] randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * The start of a MAT-file v7.3: MATLAB's 128-byte text header with version 0x0200 in a
     * 512-byte user block, then the HDF5 signature and superblock bytes.
     */
    public static byte[] hdf5() {
        ByteBuffer buffer = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = padded("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Thu Jan  1"
                + " 00:00:00 1970 HDF5 schema 1.00 .", 116);
        buffer.put(text);
        buffer.position(124);
        buffer.putShort((short) 0x0200).put((byte) 'I').put((byte) 'M');
        buffer.position(512);
        buffer.put(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'});
        buffer.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        return buffer.array();
    }

    /** A MAT-file version 4: one 2x2 double matrix "A", with no text header. */
    public static byte[] version4() {
        ByteBuffer buffer = ByteBuffer.allocate(20 + 2 + 32).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(0).putInt(2).putInt(2).putInt(0).putInt(2);
        buffer.put((byte) 'A').put((byte) 0);
        for (int i = 0; i < 4; i++) {
            buffer.putDouble(i + 1);
        }
        return buffer.array();
    }

    /** A valid MAT file whose only variable is the 2x2 matrix "A". */
    public static byte[] onlyVariableA() {
        return MatFileWriter.write(List.of(new MatArray("A", 2, 2, new double[] {1, 2, 3, 4})));
    }

    /** Random Theta1 (hidden x (inputs + 1)) and Theta2 (10 x (hidden + 1)) in ±0.12. */
    public static byte[] weights(int inputs, int hidden, long seed) {
        Random random = new Random(seed);
        return MatFileWriter.write(List.of(
                new MatArray("Theta1", hidden, inputs + 1, uniform(random, hidden * (inputs + 1))),
                new MatArray("Theta2", LABELS, hidden + 1,
                        uniform(random, LABELS * (hidden + 1)))));
    }

    /** Valid-looking 400-25-10 weights with NaN at Theta2(3, 5) (1-based). */
    public static byte[] weightsWithNaN(long seed) {
        Random random = new Random(seed);
        double[] theta2 = uniform(random, LABELS * (HIDDEN + 1));
        theta2[2 + 4 * LABELS] = Double.NaN;
        return MatFileWriter.write(List.of(
                new MatArray("Theta1", HIDDEN, PIXELS + 1, uniform(random, HIDDEN * (PIXELS + 1))),
                new MatArray("Theta2", LABELS, HIDDEN + 1, theta2)));
    }

    /**
     * A data set of {@link #EXAMPLES} examples with {@code features} columns: each row has ink
     * in one column that depends on its label, and labels cycle through 1..10.
     */
    public static byte[] data(int features) {
        return writeData(features, dataX(features), labels());
    }

    /** Like {@link #data(int)} with 400 features and {@code value} as the label of row 7. */
    public static byte[] dataWithLabel(double value) {
        double[] y = labels();
        y[6] = value;
        return writeData(PIXELS, dataX(PIXELS), y);
    }

    /** Like {@link #data(int)} with 400 features and NaN at X(12, 34) (1-based). */
    public static byte[] dataWithNaN() {
        double[] x = dataX(PIXELS);
        x[11 + 33 * EXAMPLES] = Double.NaN;
        return writeData(PIXELS, x, labels());
    }

    /** A 4x4 gray PNG image, as a .mat file renamed from a picture would contain. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A 57-byte PNG whose header declares 100000 x 100000 pixels, which a decoder would allocate
     * 10 GB for.
     */
    public static byte[] pngWithHugeSize() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdr.putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(pngChunk("IHDR", ihdr.array()));
        out.writeBytes(pngChunk("IDAT", deflate(new byte[16])));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /**
     * A 200-byte MAT file whose variable {@code name} declares 100000 x 100000 doubles (80 GB)
     * but holds one.
     */
    public static byte[] hugeDimensions(String name) {
        byte[] matrix = matrixElement(MX_DOUBLE_CLASS, 100_000, 100_000, name, new double[] {1});
        return concat(header(), matrix);
    }

    /**
     * A zlib bomb: a MAT file of about 130 KB whose miCOMPRESSED element holds a 1x1 double
     * "X" and then {@link #BOMB_INFLATED_BYTES} zero bytes.
     */
    public static byte[] zlibBomb() {
        byte[] matrix = matrixElement(MX_DOUBLE_CLASS, 1, 1, "X", new double[] {1});
        byte[] stream = deflateWithZeros(matrix, BOMB_INFLATED_BYTES);
        ByteBuffer tag = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        tag.putInt(MI_COMPRESSED).putInt(stream.length);
        return concat(header(), tag.array(), stream);
    }

    /** A MAT file whose variable X is a 1x1 cell array rather than a matrix. */
    public static byte[] cellArrayX() {
        byte[] matrix = matrixElement(MX_CELL_CLASS, 1, 1, "X", null);
        return concat(header(), matrix);
    }

    private static double[] uniform(Random random, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = (2 * random.nextDouble() - 1) * 0.12;
        }
        return values;
    }

    /** Column-major X with ink 1 at column (label * 7) mod features of each row. */
    private static double[] dataX(int features) {
        double[] y = labels();
        double[] x = new double[EXAMPLES * features];
        for (int i = 0; i < EXAMPLES; i++) {
            int column = (int) (y[i] * 7) % features;
            x[i + column * EXAMPLES] = 1;
        }
        return x;
    }

    private static double[] labels() {
        double[] y = new double[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            y[i] = 1 + i % LABELS;
        }
        return y;
    }

    private static byte[] writeData(int features, double[] x, double[] y) {
        return MatFileWriter.write(List.of(new MatArray("X", EXAMPLES, features, x),
                new MatArray("y", EXAMPLES, 1, y)));
    }

    /** The 128-byte little-endian MAT-file v5 header. */
    private static byte[] header() {
        ByteBuffer buffer = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(padded("MATLAB 5.0 MAT-file, Platform: test, Created on: Thu Jan  1 1970",
                116));
        buffer.position(124);
        buffer.putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        return buffer.array();
    }

    /**
     * An uncompressed miMATRIX element: flags with the class, dimensions rows x cols, the name,
     * and the values as miDOUBLE (none when null), whatever the dimensions say.
     */
    private static byte[] matrixElement(int classCode, int rows, int cols, String name,
            double[] values) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        int namePadded = (nameBytes.length + 7) & ~7;
        int valueBytes = values == null ? 0 : 8 * values.length;
        int body = 16 + 16 + 8 + namePadded + (values == null ? 0 : 8 + valueBytes);
        ByteBuffer buffer = ByteBuffer.allocate(8 + body).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MI_MATRIX).putInt(body);
        buffer.putInt(MI_UINT32).putInt(8).putInt(classCode).putInt(0);
        buffer.putInt(MI_INT32).putInt(8).putInt(rows).putInt(cols);
        buffer.putInt(MI_INT8).putInt(nameBytes.length).put(nameBytes);
        buffer.position(buffer.position() + namePadded - nameBytes.length);
        if (values != null) {
            buffer.putInt(MI_DOUBLE).putInt(valueBytes);
            for (double value : values) {
                buffer.putDouble(value);
            }
        }
        return buffer.array();
    }

    private static byte[] padded(String text, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) ' ');
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, Math.min(ascii.length, length));
        return bytes;
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer buffer = ByteBuffer.allocate(12 + data.length).order(ByteOrder.BIG_ENDIAN);
        buffer.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return buffer.array();
    }

    private static byte[] deflate(byte[] data) {
        return deflateWithZeros(data, data.length);
    }

    /** Deflates {@code prefix} followed by zeros up to {@code total} bytes, 64 KiB at a time. */
    private static byte[] deflateWithZeros(byte[] prefix, int total) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] output = new byte[64 << 10];
        byte[] zeros = new byte[64 << 10];
        deflater.setInput(prefix);
        int fed = prefix.length;
        while (!deflater.finished()) {
            if (deflater.needsInput()) {
                if (fed < total) {
                    int count = Math.min(zeros.length, total - fed);
                    deflater.setInput(zeros, 0, count);
                    fed += count;
                } else {
                    deflater.finish();
                }
            }
            out.write(output, 0, deflater.deflate(output));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
