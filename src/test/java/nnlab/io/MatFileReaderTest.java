package nnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MatFileReaderTest {
    private static final Path EX4_WEIGHTS = Path.of("..", "shared", "data", "ex4weights.mat");
    /** The expected ranges of ex4weights.mat are given to 4 decimals. */
    private static final double RANGE_TOLERANCE = 5e-5;
    private static final long SEED = 20240611L;

    // ---- fixtures written by src/test/python/make_mat_fixtures.py ----

    static Stream<String> readableFixtures() {
        return expectedLines().stream().map(fields -> fields[0]).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableFixtures")
    void fixtureMatchesExpectedValues(String file) {
        List<MatArray> variables = MatFileReader.read(fixture(file));
        List<String[]> expected = new ArrayList<>();
        for (String[] fields : expectedLines()) {
            if (fields[0].equals(file)) {
                expected.add(fields);
            }
        }
        assertEquals(expected.size(), variables.size(), file + ": variable count");
        for (int v = 0; v < expected.size(); v++) {
            String[] fields = expected.get(v);
            MatArray actual = variables.get(v);
            String where = file + ":" + fields[1];
            assertEquals(fields[1], actual.name(), file + ": name of variable " + v);
            assertEquals(MatClass.valueOf(fields[2]), actual.storedClass(), where + " class");
            assertEquals(Integer.parseInt(fields[3]), actual.rows(), where + " rows");
            assertEquals(Integer.parseInt(fields[4]), actual.cols(), where + " cols");
            double[] values = new double[fields.length - 5];
            for (int k = 0; k < values.length; k++) {
                values[k] = Double.parseDouble(fields[k + 5]);
            }
            assertArrayEquals(values, actual.toRowMajor(), where + " values");
        }
    }

    @Test
    void compressedFixtureFollowsFormula() {
        List<MatArray> variables = MatFileReader.read(fixture("xy_compressed.mat"));
        MatArray x = MatFileReader.require(variables, "X");
        assertEquals(MatClass.SINGLE, x.storedClass());
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                assertEquals(i * 0.5 + j, x.get(i, j), "X(" + i + "," + j + ")");
            }
        }
        MatArray y = MatFileReader.require(variables, "y");
        assertEquals(MatClass.UINT8, y.storedClass());
        assertArrayEquals(new double[] {1, 2, 10, 200, 255}, y.columnMajor());
    }

    @Test
    void bothByteOrdersReadAlike() {
        byte[] big = fixture("big_endian.mat");
        byte[] little = fixture("little_endian_handmade.mat");
        assertEquals('M', big[126]);
        assertEquals('I', little[126]);
        List<MatArray> fromBig = MatFileReader.read(big);
        List<MatArray> fromLittle = MatFileReader.read(little);
        assertEquals(fromLittle.size(), fromBig.size());
        for (int v = 0; v < fromBig.size(); v++) {
            assertEquals(fromLittle.get(v).name(), fromBig.get(v).name());
            assertEquals(fromLittle.get(v).storedClass(), fromBig.get(v).storedClass());
            assertArrayEquals(fromLittle.get(v).columnMajor(), fromBig.get(v).columnMajor());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cell.mat, c, cell array",
        "struct.mat, s, struct",
        "char.mat, txt, char array",
        "sparse.mat, Sp, sparse matrix",
        "complex.mat, Z, complex arrays are not supported",
        "nd3.mat, T3, 3 dimensions (2x3x4)",
        "object.mat, obj, object",
        "double_then_cell.mat, later, cell array",
    })
    void unsupportedFixtureNamesVariableAndReason(String file, String variable, String words) {
        MatFormatException e = assertThrows(MatFormatException.class,
                () -> MatFileReader.read(fixture(file)));
        assertEquals(variable, e.variableName(), e.getMessage());
        assertTrue(e.reason().contains(words), e.getMessage());
        assertTrue(e.offset() >= MatHeader.LENGTH, e.getMessage());
        assertTrue(e.getMessage().contains("(variable '" + variable + "')"), e.getMessage());
    }

    @Test
    void version4FixtureIsRejected() {
        MatFormatException e = assertThrows(MatFormatException.class,
                () -> MatFileReader.read(fixture("v4.mat")));
        assertTrue(e.reason().contains("version 4"), e.getMessage());
        assertTrue(e.reason().contains("scipy.io.savemat"), e.getMessage());
    }

    @Test
    void ex4WeightsHaveCourseShapesAndRanges() throws IOException {
        assumeTrue(Files.isRegularFile(EX4_WEIGHTS), "ex4weights.mat not found in ../shared/data:"
                + " looked at " + EX4_WEIGHTS.toAbsolutePath().normalize()
                + "; place the course's pretrained weights there to run this test");
        List<MatArray> variables = MatFileReader.read(Files.readAllBytes(EX4_WEIGHTS));
        MatArray theta1 = MatFileReader.require(variables, "Theta1");
        MatArray theta2 = MatFileReader.require(variables, "Theta2");
        assertEquals(25, theta1.rows());
        assertEquals(401, theta1.cols());
        assertEquals(10, theta2.rows());
        assertEquals(26, theta2.cols());
        assertEquals(MatClass.DOUBLE, theta1.storedClass());
        assertEquals(-1.4634, min(theta1.columnMajor()), RANGE_TOLERANCE);
        assertEquals(1.0090, max(theta1.columnMajor()), RANGE_TOLERANCE);
        assertEquals(-4.0308, min(theta2.columnMajor()), RANGE_TOLERANCE);
        assertEquals(3.2116, max(theta2.columnMajor()), RANGE_TOLERANCE);
    }

    // ---- API details ----

    @Test
    void requireListsNamesFound() {
        List<MatArray> variables = MatFileReader.read(fixture("xy_plain.mat"));
        assertSame(variables.get(1), MatFileReader.require(variables, "y"));
        MatFormatException e = assertThrows(MatFormatException.class,
                () -> MatFileReader.require(variables, "Theta1"));
        assertEquals("Theta1", e.variableName());
        assertTrue(e.reason().contains("not found"), e.getMessage());
        assertTrue(e.reason().contains("found: X, y"), e.getMessage());
    }

    @Test
    void requireOnEmptyListSaysNoVariables() {
        MatFormatException e = assertThrows(MatFormatException.class,
                () -> MatFileReader.require(List.of(), "X"));
        assertTrue(e.reason().contains("no variables"), e.getMessage());
    }

    @Test
    void headerOnlyFileHasNoVariables() {
        assertEquals(List.of(), MatFileReader.read(header(ByteOrder.LITTLE_ENDIAN)));
    }

    @Test
    void messageNamesOffsetAndVariable() {
        MatFormatException e = new MatFormatException("X", 1234, "reason text");
        assertEquals("Invalid MAT file at byte 1234 (variable 'X'): reason text", e.getMessage());
        MatFormatException unknown = new MatFormatException(null, -1, "reason text");
        assertEquals("Invalid MAT file: reason text", unknown.getMessage());
    }

    // ---- hostile and malformed input ----

    @Test
    void nullInputIsRejected() {
        MatFormatException e = assertThrows(MatFormatException.class,
                () -> MatFileReader.read(null));
        assertTrue(e.reason().contains("null"), e.getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        MatFormatException e = assertThrows(MatFormatException.class,
                () -> MatFileReader.read(new byte[0]));
        assertTrue(e.reason().contains("empty"), e.getMessage());
        assertNull(e.variableName());
    }

    @Test
    void tenByteFileIsTooShortForHeader() {
        MatFormatException e = readFails(Arrays.copyOf(fixture("xy_plain.mat"), 10));
        assertTrue(e.reason().contains("only 10 bytes"), e.getMessage());
        assertTrue(e.reason().contains("128"), e.getMessage());
    }

    @Test
    void randomBytesAreNotMatFile() {
        byte[] bytes = new byte[4096];
        new Random(SEED).nextBytes(bytes);
        bytes[126] = 0x12;
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("not a MAT-file"), e.getMessage());
        assertEquals(126, e.offset());
    }

    @Test
    void pngImageIsRecognized() {
        byte[] png = new byte[300];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        MatFormatException e = readFails(png);
        assertTrue(e.reason().contains("PNG image"), e.getMessage());
    }

    @Test
    void version73TextIsRejected() {
        byte[] bytes = header(ByteOrder.LITTLE_ENDIAN);
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, text.length);
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("7.3"), e.getMessage());
        assertTrue(e.reason().contains("save -v7"), e.getMessage());
    }

    @Test
    void hdf5SignatureAt512IsRejected() {
        byte[] bytes = Arrays.copyOf(header(ByteOrder.LITTLE_ENDIAN), 1024);
        bytes[125] = 2;
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 512, signature.length);
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("HDF5"), e.getMessage());
    }

    @Test
    void wrongHeaderVersionIsRejected() {
        byte[] bytes = header(ByteOrder.LITTLE_ENDIAN);
        bytes[125] = 2;
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("version is 0x0200"), e.getMessage());
        assertEquals(124, e.offset());
    }

    @Test
    void hugeDimsInSmallFileAreRejected() {
        byte[] payload = new byte[80];
        byte[] bytes = concat(header(ByteOrder.LITTLE_ENDIAN), matrix(ByteOrder.LITTLE_ENDIAN,
                "big", 6, new int[] {100000, 100000}, MatDataType.DOUBLE, payload));
        MatFormatException e = readFails(bytes);
        assertEquals("big", e.variableName());
        assertTrue(e.reason().contains("100000x100000 = 10000000000 elements"), e.getMessage());
        assertTrue(e.reason().contains("limit"), e.getMessage());
    }

    @Test
    void dataSizeBeyondFileIsRejectedBeforeAllocation() {
        byte[] element = matrix(ByteOrder.LITTLE_ENDIAN, "big", 6, new int[] {1000, 1000},
                MatDataType.DOUBLE, new byte[800]);
        int realTag = element.length - 808;
        ByteBuffer.wrap(element).order(ByteOrder.LITTLE_ENDIAN).putInt(realTag + 4, 8_000_000);
        MatFormatException e = readFails(concat(header(ByteOrder.LITTLE_ENDIAN), element));
        assertEquals("big", e.variableName());
        assertTrue(e.reason().contains("declares 8000000 bytes but only 800 remain"),
                e.getMessage());
        assertEquals(MatHeader.LENGTH + realTag, e.offset());
    }

    @Test
    void valueCountMustMatchDims() {
        byte[] bytes = concat(header(ByteOrder.LITTLE_ENDIAN), matrix(ByteOrder.LITTLE_ENDIAN,
                "m", 6, new int[] {2, 3}, MatDataType.DOUBLE, new byte[40]));
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("the 2x3 array needs 6 values"), e.getMessage());
    }

    @Test
    void zlibBombIsRejected() {
        byte[] inner = matrix(ByteOrder.LITTLE_ENDIAN, "a", 6, new int[] {1, 1},
                MatDataType.DOUBLE, new byte[8]);
        byte[] bomb = concat(inner, new byte[10 << 20]);
        byte[] bytes = concat(header(ByteOrder.LITTLE_ENDIAN), compressed(bomb));
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("inflates to more than the " + inner.length + " bytes"),
                e.getMessage());
        assertEquals(MatHeader.LENGTH, e.offset());
    }

    @Test
    void innerSizeAboveCapIsRejected() {
        byte[] inner = matrix(ByteOrder.LITTLE_ENDIAN, "a", 6, new int[] {1, 1},
                MatDataType.DOUBLE, new byte[8]);
        ByteBuffer.wrap(inner).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1 << 30);
        MatFormatException e = readFails(concat(header(ByteOrder.LITTLE_ENDIAN),
                compressed(inner)));
        assertTrue(e.reason().contains("256 MiB"), e.getMessage());
    }

    @Test
    void streamShorterThanDeclaredIsRejected() {
        byte[] inner = matrix(ByteOrder.LITTLE_ENDIAN, "a", 6, new int[] {1, 1},
                MatDataType.DOUBLE, new byte[8]);
        ByteBuffer.wrap(inner).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 200 << 20);
        MatFormatException e = readFails(concat(header(ByteOrder.LITTLE_ENDIAN),
                compressed(inner)));
        assertTrue(e.reason().contains("ends after inflating " + inner.length + " bytes"),
                e.getMessage());
    }

    @Test
    void corruptZlibStreamIsRejected() {
        byte[] bytes = MatFileWriter.write(List.of(new MatArray("a", 1, 1, new double[] {1})));
        bytes[MatHeader.LENGTH + 8] = 0;
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("zlib stream"), e.getMessage());
        assertTrue(e.reason().contains("corrupt"), e.getMessage());
    }

    @Test
    void zlibStreamWithoutEndIsRejected() {
        byte[] file = MatFileWriter.write(List.of(new MatArray("a", 1, 1, new double[] {1})));
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int shorter = buffer.getInt(MatHeader.LENGTH + 4) - 4;
        buffer.putInt(MatHeader.LENGTH + 4, shorter);
        byte[] bytes = Arrays.copyOf(file, MatHeader.LENGTH + 8 + shorter);
        MatFormatException e = readFails(bytes);
        assertTrue(e.reason().contains("truncated"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        byte[] one = MatFileWriter.write(List.of(new MatArray("X", 1, 1, new double[] {1})));
        byte[] body = Arrays.copyOfRange(one, MatHeader.LENGTH, one.length);
        MatFormatException e = readFails(concat(one, body));
        assertEquals("X", e.variableName());
        assertTrue(e.reason().contains("appears twice, first at byte 128"), e.getMessage());
        assertEquals(one.length, e.offset());
    }

    @Test
    void topLevelElementMustBeMatrix() {
        ByteBuffer element = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        element.putInt(MatDataType.DOUBLE).putInt(8).putDouble(1.0);
        MatFormatException e = readFails(concat(header(ByteOrder.LITTLE_ENDIAN),
                element.array()));
        assertTrue(e.reason().contains("must be miMATRIX (14) or miCOMPRESSED (15)"),
                e.getMessage());
    }

    @Test
    void smallElementLargerThanFourBytesIsRejected() {
        byte[] element = matrix(ByteOrder.LITTLE_ENDIAN, "abcdefgh", 6, new int[] {1, 1},
                MatDataType.DOUBLE, new byte[8]);
        ByteBuffer.wrap(element).order(ByteOrder.LITTLE_ENDIAN).putInt(40, (6 << 16) | 1);
        MatFormatException e = readFails(concat(header(ByteOrder.LITTLE_ENDIAN), element));
        assertTrue(e.reason().contains("declares 6 bytes but at most 4 fit"), e.getMessage());
    }

    @Test
    void truncationAtEveryOffsetIsRejected() {
        List<byte[]> files = List.of(fixture("xy_plain.mat"), fixture("xy_compressed.mat"),
                fixture("big_endian.mat"), MatFileWriter.write(List.of(
                        new MatArray("Theta1", 25, 401, new double[25 * 401]),
                        new MatArray("Theta2", 10, 26, new double[10 * 26]))));
        for (byte[] file : files) {
            Map<Integer, Integer> boundaries = variableBoundaries(file);
            for (int length = 0; length < file.length; length++) {
                byte[] truncated = Arrays.copyOf(file, length);
                if (boundaries.containsKey(length)) {
                    int count = boundaries.get(length);
                    assertEquals(count, MatFileReader.read(truncated).size(), "cut at " + length);
                    continue;
                }
                MatFormatException e = readFails(truncated);
                String reason = e.reason();
                assertTrue(reason.contains("truncated") || reason.contains("empty"),
                        "cut at " + length + ": " + e.getMessage());
            }
        }
    }

    // ---- helpers ----

    /** Maps each top-level element boundary to the number of variables before it. */
    private static Map<Integer, Integer> variableBoundaries(byte[] file) {
        Map<Integer, Integer> boundaries = new LinkedHashMap<>();
        ByteOrder order = file[126] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buffer = ByteBuffer.wrap(file).order(order);
        int pos = MatHeader.LENGTH;
        int count = 0;
        while (pos < file.length) {
            boundaries.put(pos, count);
            int type = buffer.getInt(pos);
            int size = buffer.getInt(pos + 4);
            pos += 8 + (type == MatDataType.COMPRESSED ? size : (size + 7) & ~7);
            count++;
        }
        return boundaries;
    }

    private static MatFormatException readFails(byte[] bytes) {
        return assertThrows(MatFormatException.class, () -> MatFileReader.read(bytes));
    }

    static byte[] fixture(String name) {
        try (InputStream in = MatFileReaderTest.class.getResourceAsStream("/mat/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /mat/" + name + " not found; run"
                        + " src/test/python/make_mat_fixtures.py");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the fields of each line of expected.txt except comments. */
    static List<String[]> expectedLines() {
        String text = new String(fixture("expected.txt"), StandardCharsets.US_ASCII);
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.trim().split(" "));
            }
        }
        return lines;
    }

    static byte[] header(ByteOrder order) {
        byte[] header = new byte[MatHeader.LENGTH];
        Arrays.fill(header, 0, 116, (byte) ' ');
        byte[] text = "MATLAB 5.0 MAT-file, test".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        ByteBuffer.wrap(header).order(order).putShort(124, (short) 0x0100);
        header[126] = (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
        header[127] = (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'M' : 'I');
        return header;
    }

    /** Builds an uncompressed miMATRIX element with every sub-element in the 8-byte tag format. */
    static byte[] matrix(ByteOrder order, String name, int classCode, int[] dims, int dataType,
            byte[] payload) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        int namePadded = (nameBytes.length + 7) & ~7;
        int payloadPadded = (payload.length + 7) & ~7;
        int dimsPadded = (4 * dims.length + 7) & ~7;
        int size = 16 + 8 + dimsPadded + 8 + namePadded + 8 + payloadPadded;
        ByteBuffer buffer = ByteBuffer.allocate(8 + size).order(order);
        buffer.putInt(MatDataType.MATRIX).putInt(size);
        buffer.putInt(MatDataType.UINT32).putInt(8).putInt(classCode).putInt(0);
        buffer.putInt(MatDataType.INT32).putInt(4 * dims.length);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        buffer.position(8 + 16 + 8 + dimsPadded);
        buffer.putInt(MatDataType.INT8).putInt(nameBytes.length).put(nameBytes);
        buffer.position(8 + 16 + 8 + dimsPadded + 8 + namePadded);
        buffer.putInt(dataType).putInt(payload.length).put(payload);
        return buffer.array();
    }

    /** Wraps bytes in a little-endian miCOMPRESSED element. */
    static byte[] compressed(byte[] inner) {
        Deflater deflater = new Deflater();
        deflater.setInput(inner);
        deflater.finish();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        while (!deflater.finished()) {
            stream.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        byte[] z = stream.toByteArray();
        ByteBuffer tag = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        tag.putInt(MatDataType.COMPRESSED).putInt(z.length);
        return concat(tag.array(), z);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
