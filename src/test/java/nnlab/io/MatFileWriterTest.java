package nnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatFileWriterTest {
    private static final long SEED = 7L;
    private static final long PYTHON_TIMEOUT_SECONDS = 60;
    private static final String NAME_63 = "a" + "b".repeat(61) + "9";

    @Test
    void roundTripKeepsValuesAndShapes() {
        Random random = new Random(SEED);
        List<MatArray> written = List.of(
                randomArray("Theta1", 25, 401, random),
                randomArray("Theta2", 10, 26, random),
                randomArray("s", 1, 1, random),
                new MatArray("empty", 0, 0, new double[0]),
                new MatArray("noRows", 0, 3, new double[0]),
                randomArray("column", 7, 1, random),
                randomArray(NAME_63, 2, 2, random));
        List<MatArray> read = MatFileReader.read(MatFileWriter.write(written));
        assertEquals(written.size(), read.size());
        for (int v = 0; v < written.size(); v++) {
            assertSameArray(written.get(v), read.get(v));
        }
    }

    @Test
    void roundTripKeepsSpecialValuesBitForBit() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
            Double.MIN_VALUE, Double.MAX_VALUE};
        MatArray written = new MatArray("special", 2, 3, values);
        MatArray read = MatFileReader.read(MatFileWriter.write(List.of(written))).get(0);
        for (int k = 0; k < values.length; k++) {
            assertEquals(Double.doubleToRawLongBits(values[k]),
                    Double.doubleToRawLongBits(read.columnMajor()[k]), "value " + k);
        }
    }

    @Test
    void fromRowMajorPlacesElements() {
        MatArray array = MatArray.fromRowMajor("m", 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, array.columnMajor());
        assertEquals(6, array.get(1, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, array.toRowMajor());
        assertEquals(MatClass.DOUBLE, array.storedClass());
    }

    @Test
    void matArrayRejectsWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MatArray("m", 2, 3, new double[5]));
        assertTrue(e.getMessage().contains("needs 6 values, but the data has 5"), e.getMessage());
    }

    @Test
    void headerIsLittleEndianVersion5() {
        byte[] bytes = MatFileWriter.write(List.of());
        assertEquals(MatHeader.LENGTH, bytes.length);
        String text = new String(bytes, 0, 116, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("MATLAB 5.0 MAT-file, Platform: nnlab, Created on: "), text);
        assertEquals(0x0100, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(124));
        assertEquals('I', bytes[126]);
        assertEquals('M', bytes[127]);
    }

    @Test
    void variableIsCompressedDoubleMatrix() throws DataFormatException {
        byte[] bytes = MatFileWriter.write(List.of(new MatArray("X", 2, 1, new double[] {1, 2})));
        ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(MatDataType.COMPRESSED, file.getInt(128));
        assertEquals(bytes.length - 136, file.getInt(132));
        Inflater inflater = new Inflater();
        inflater.setInput(bytes, 136, bytes.length - 136);
        byte[] inner = new byte[1024];
        int length = inflater.inflate(inner);
        assertTrue(inflater.finished());
        inflater.end();
        ByteBuffer matrix = ByteBuffer.wrap(inner, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(MatDataType.MATRIX, matrix.getInt(0));
        assertEquals(length - 8, matrix.getInt(4));
        assertEquals(MatClass.DOUBLE.code(), matrix.getInt(16) & 0xFF);
        assertEquals(2, matrix.getInt(32));
        assertEquals(1, matrix.getInt(36));
        assertEquals(MatDataType.DOUBLE, matrix.getInt(56));
        assertEquals(16, matrix.getInt(60));
    }

    @Test
    void equalInputGivesEqualBytes() {
        List<MatArray> vars = List.of(randomArray("X", 3, 4, new Random(SEED)));
        assertArrayEquals(MatFileWriter.write(vars), MatFileWriter.write(vars));
    }

    /** The last case is 64 characters, one more than MATLAB's limit. */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "1a", "_x", "a b", "a-b", "\u00e9t\u00e9",
        "x123456789012345678901234567890123456789012345678901234567890123"})
    void invalidNameIsRejected(String name) {
        List<MatArray> vars = List.of(new MatArray(name, 1, 1, new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatFileWriter.write(vars));
        assertTrue(e.getMessage().contains("'" + name + "' is invalid"), e.getMessage());
    }

    @Test
    void duplicateNameIsRejected() {
        List<MatArray> vars = List.of(new MatArray("X", 1, 1, new double[] {1}),
                new MatArray("X", 1, 1, new double[] {2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatFileWriter.write(vars));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void scipyReadsWrittenFileIdentically(@TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(scipyAvailable(), "python3 with scipy not found (python3 -c 'import scipy'"
                + " failed), so the scipy.io.loadmat check is skipped; install python3-scipy");
        Random random = new Random(SEED);
        List<MatArray> written = List.of(
                randomArray("Theta1", 25, 401, random),
                randomArray("Theta2", 10, 26, random),
                randomArray("a", 1, 1, random),
                randomArray("abcd", 3, 2, random),
                randomArray(NAME_63, 2, 5, random),
                new MatArray("empty", 0, 0, new double[0]));
        Path file = dir.resolve("written.mat");
        Files.write(file, MatFileWriter.write(written));
        List<String> lines = runScipy(file);
        assertEquals(written.size(), lines.size(), String.join("\n", lines));
        for (int v = 0; v < written.size(); v++) {
            MatArray array = written.get(v);
            String[] fields = lines.get(v).split(" ");
            assertEquals(array.name(), fields[0]);
            assertEquals("float64", fields[1], array.name() + " dtype");
            assertEquals(array.rows() + "x" + array.cols(), fields[2], array.name() + " shape");
            String hex = fields.length > 3 ? fields[3] : "";
            assertEquals(littleEndianHex(array.toRowMajor()), hex, array.name() + " values");
        }
    }

    // ---- helpers ----

    private static List<String> runScipy(Path file) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import sys, scipy.io",
                "data = scipy.io.loadmat(sys.argv[1])",
                "for name in [k for k in data if not k.startswith('__')]:",
                "    v = data[name]",
                "    print(name, v.dtype, '%dx%d' % v.shape, v.astype('<f8').tobytes().hex())");
        Process process = new ProcessBuilder("python3", "-c", script, file.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII);
        boolean done = process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertTrue(done, "python3 did not finish in " + PYTHON_TIMEOUT_SECONDS + " s");
        assertEquals(0, process.exitValue(), "scipy.io.loadmat failed:\n" + output);
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return lines;
    }

    private static boolean scipyAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import scipy.io")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String littleEndianHex(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            buffer.putDouble(value);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : buffer.array()) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16));
            hex.append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static MatArray randomArray(String name, int rows, int cols, Random random) {
        double[] values = new double[rows * cols];
        for (int k = 0; k < values.length; k++) {
            values[k] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7) - 3);
        }
        return new MatArray(name, rows, cols, values);
    }

    private static void assertSameArray(MatArray expected, MatArray actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.rows(), actual.rows(), expected.name() + " rows");
        assertEquals(expected.cols(), actual.cols(), expected.name() + " cols");
        assertEquals(MatClass.DOUBLE, actual.storedClass(), expected.name() + " class");
        assertArrayEquals(expected.columnMajor(), actual.columnMajor(), expected.name());
        assertTrue(Arrays.equals(expected.toRowMajor(), actual.toRowMajor()), expected.name());
    }
}
