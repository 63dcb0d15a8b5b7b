package nnlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutation fuzzer for MatFileReader: every mutated file must either read or raise
 * MatFormatException. A longer run: {@code mvn -B test -Dtest=MatFuzzTest -Dfuzz.cases=1000000
 * -Dfuzz.seed=42}.
 */
class MatFuzzTest {
    static final long DEFAULT_SEED = 20240611L;
    static final int DEFAULT_CASES = 20_000;
    /** Time allowed for one case before the run fails as too slow; a normal case takes < 1 ms. */
    private static final long CASE_LIMIT_NANOS = 2_000_000_000L;
    private static final Duration BASE_TIMEOUT = Duration.ofSeconds(60);
    private static final long TIMEOUT_MILLIS_PER_CASE = 5;
    /** Share of cases that must read and that must be rejected, so the mutations stay useful. */
    private static final double MIN_OUTCOME_SHARE = 0.01;
    private static final int MAX_STACKED_MUTATIONS = 3;
    private static final int[] INTERESTING_INTS = {0, 1, 2, 4, 7, 8, 9, 14, 15, 16, 17, 255,
        0x7FFF, 0x10000, 0x40001, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFF8, 100000,
        1 << 27, (1 << 27) + 1, 256 << 20};
    private static final String[] SEED_FIXTURES = {"xy_compressed.mat", "xy_plain.mat",
        "y_int16.mat", "xy_double.mat", "special_values.mat", "all_classes.mat",
        "all_classes_compressed.mat", "trailing_one.mat", "big_endian.mat",
        "little_endian_handmade.mat", "cell.mat", "struct.mat", "sparse.mat", "complex.mat",
        "nd3.mat", "double_then_cell.mat"};

    static Stream<Arguments> fuzzSettings() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        return Stream.of(Arguments.of(seed, cases));
    }

    @ParameterizedTest(name = "mutated MAT files raise only MatFormatException: seed {0}, {1}"
            + " cases (-Dfuzz.seed, -Dfuzz.cases)")
    @MethodSource("fuzzSettings")
    void mutatedFilesRaiseOnlyMatFormatException(long seed, int cases) {
        List<SeedFile> seeds = seedFiles();
        AtomicReference<String> current = new AtomicReference<>("no case started");
        Duration timeout = BASE_TIMEOUT.plusMillis(TIMEOUT_MILLIS_PER_CASE * cases);
        int[] outcomes = assertTimeoutPreemptively(timeout,
                () -> runCases(seed, cases, seeds, current),
                () -> "fuzz run timed out after " + timeout + "; last case: " + current.get());
        assertTrue(outcomes[0] >= MIN_OUTCOME_SHARE * cases,
                "only " + outcomes[0] + " of " + cases + " mutated files were read");
        assertTrue(outcomes[1] >= MIN_OUTCOME_SHARE * cases,
                "only " + outcomes[1] + " of " + cases + " mutated files were rejected");
    }

    /** Returns {files read, files rejected}. */
    private static int[] runCases(long seed, int cases, List<SeedFile> seeds,
            AtomicReference<String> current) {
        Random random = new Random(seed);
        int[] outcomes = new int[2];
        for (int index = 0; index < cases; index++) {
            SeedFile file = seeds.get(random.nextInt(seeds.size()));
            StringBuilder description = new StringBuilder(file.name);
            byte[] mutated = mutate(file, random, description);
            String label = "seed " + seed + ", case " + index + ": " + description;
            current.set(label);
            long start = System.nanoTime();
            Throwable thrown = null;
            List<MatArray> variables = null;
            try {
                variables = MatFileReader.read(mutated);
            } catch (Throwable t) {
                thrown = t;
            }
            long elapsed = System.nanoTime() - start;
            if (thrown == null) {
                checkVariables(variables, label);
                outcomes[0]++;
            } else if (thrown instanceof MatFormatException) {
                checkException((MatFormatException) thrown, mutated.length, label);
                outcomes[1]++;
            } else {
                fail(label + " threw " + thrown, thrown);
            }
            assertTrue(elapsed < CASE_LIMIT_NANOS, label + " took " + elapsed / 1e6 + " ms");
        }
        return outcomes;
    }

    private static void checkVariables(List<MatArray> variables, String label) {
        for (MatArray variable : variables) {
            assertFalse(variable.name().isEmpty(), label);
            assertNotNull(variable.storedClass(), label);
            assertEquals((long) variable.rows() * variable.cols(), variable.columnMajor().length,
                    label);
        }
    }

    private static void checkException(MatFormatException e, int length, String label) {
        assertNotNull(e.reason(), label);
        assertFalse(e.reason().isEmpty(), label);
        assertTrue(e.getMessage().startsWith("Invalid MAT file"), label + ": " + e.getMessage());
        assertTrue(e.offset() >= -1, label + ": offset " + e.offset() + " is negative");
        assertTrue(e.offset() <= length,
                label + ": offset " + e.offset() + " is beyond the file of " + length + " bytes");
    }

    // ---- mutations ----

    private static byte[] mutate(SeedFile file, Random random, StringBuilder description) {
        if (!file.compressedElements.isEmpty() && random.nextInt(4) == 0) {
            return mutateInsideCompressed(file, random, description);
        }
        byte[] bytes = file.bytes;
        int count = 1 + random.nextInt(MAX_STACKED_MUTATIONS);
        for (int m = 0; m < count; m++) {
            bytes = mutateOnce(bytes, file.order, file.tagOffsets, file.dimOffsets, random,
                    description);
        }
        return bytes;
    }

    /** Inflates one compressed element, mutates the inner miMATRIX and compresses it again. */
    private static byte[] mutateInsideCompressed(SeedFile file, Random random,
            StringBuilder description) {
        int which = random.nextInt(file.compressedElements.size());
        CompressedElement element = file.compressedElements.get(which);
        description.append(" | inside compressed element at ").append(element.offset);
        byte[] inner = mutateOnce(element.inflated, file.order, element.tagOffsets,
                element.dimOffsets, random, description);
        byte[] stream = deflate(inner);
        ByteBuffer tag = ByteBuffer.allocate(8).order(file.order);
        tag.putInt(MatDataType.COMPRESSED).putInt(stream.length);
        int after = element.offset + 8 + element.compressedSize;
        return MatFileReaderTest.concat(Arrays.copyOfRange(file.bytes, 0, element.offset),
                tag.array(), stream, Arrays.copyOfRange(file.bytes, after, file.bytes.length));
    }

    private static byte[] mutateOnce(byte[] original, ByteOrder order, int[] tagOffsets,
            int[] dimOffsets, Random random, StringBuilder description) {
        byte[] bytes = original.clone();
        if (bytes.length == 0) {
            description.append(" | empty, unchanged");
            return bytes;
        }
        int kind = random.nextInt(8);
        int at = random.nextInt(bytes.length);
        switch (kind) {
            case 0:
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                description.append(" | flip bit ").append(bit).append(" of byte ").append(at);
                return bytes;
            case 1:
                byte value = (byte) random.nextInt(256);
                bytes[at] = value;
                description.append(" | set byte ").append(at).append(" to ").append(value & 0xFF);
                return bytes;
            case 2:
                description.append(" | truncate to ").append(at).append(" bytes");
                return Arrays.copyOf(bytes, at);
            case 3:
            case 4:
                return overwriteField(bytes, order, tagOffsets, random, description);
            case 5:
                return overwriteField(bytes, order, dimOffsets, random, description);
            case 6:
                return insertBytes(bytes, at, random, description);
            default:
                int removed = Math.min(1 + random.nextInt(16), bytes.length - at);
                description.append(" | delete ").append(removed).append(" bytes at ").append(at);
                byte[] shorter = new byte[bytes.length - removed];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + removed, shorter, at, shorter.length - at);
                return shorter;
        }
    }

    /** Writes an interesting 32-bit value over a tag's type or size word, or a dimension. */
    private static byte[] overwriteField(byte[] bytes, ByteOrder order, int[] offsets,
            Random random, StringBuilder description) {
        if (offsets.length == 0) {
            description.append(" | no field to overwrite");
            return bytes;
        }
        int field = offsets[random.nextInt(offsets.length)];
        if (field + 4 > bytes.length) {
            description.append(" | field ").append(field).append(" beyond end, unchanged");
            return bytes;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        int old = buffer.getInt(field);
        int value;
        switch (random.nextInt(4)) {
            case 0:
                value = old + random.nextInt(33) - 16;
                break;
            case 1:
                value = random.nextInt();
                break;
            case 2:
                value = ((1 + random.nextInt(8)) << 16) | (1 + random.nextInt(18));
                break;
            default:
                value = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
        }
        buffer.putInt(field, value);
        description.append(" | set int32 at ").append(field).append(" from ").append(old)
                .append(" to ").append(value);
        return bytes;
    }

    private static byte[] insertBytes(byte[] bytes, int at, Random random,
            StringBuilder description) {
        byte[] extra = new byte[1 + random.nextInt(16)];
        random.nextBytes(extra);
        description.append(" | insert ").append(extra.length).append(" bytes at ").append(at);
        byte[] longer = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, longer, 0, at);
        System.arraycopy(extra, 0, longer, at, extra.length);
        System.arraycopy(bytes, at, longer, at + extra.length, bytes.length - at);
        return longer;
    }

    // ---- seed files ----

    private static List<SeedFile> seedFiles() {
        List<SeedFile> seeds = new ArrayList<>();
        for (String name : SEED_FIXTURES) {
            seeds.add(new SeedFile(name, MatFileReaderTest.fixture(name)));
        }
        Random random = new Random(DEFAULT_SEED);
        byte[] ex4Like = MatFileWriter.write(List.of(
                randomArray("Theta1", 25, 401, random), randomArray("Theta2", 10, 26, random)));
        seeds.add(new SeedFile("written ex4-like", ex4Like));
        List<SeedFile> expanded = new ArrayList<>();
        for (SeedFile seed : seeds) {
            if (!seed.compressedElements.isEmpty()) {
                expanded.add(new SeedFile(seed.name + " (inflated)", seed.inflatedCopy()));
            }
        }
        seeds.addAll(expanded);
        seeds.add(new SeedFile("header only", MatFileWriter.write(List.of())));
        return seeds;
    }

    private static MatArray randomArray(String name, int rows, int cols, Random random) {
        double[] values = new double[rows * cols];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextGaussian();
        }
        return new MatArray(name, rows, cols, values);
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(input);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] bytes, int from, int length) {
        Inflater inflater = new Inflater();
        inflater.setInput(bytes, from, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int count = inflater.inflate(chunk);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("seed file has a truncated zlib stream");
                }
                out.write(chunk, 0, count);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("seed file has a corrupt zlib stream", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    /** Collects the offsets of tag words (type and size) and of dimension values. */
    private static void collectFields(ByteBuffer buffer, int start, int end, List<Integer> tags,
            List<Integer> dims) {
        int pos = start;
        int index = 0;
        while (end - pos >= 8) {
            tags.add(pos);
            tags.add(pos + 4);
            int first = buffer.getInt(pos);
            if ((first >>> 16) != 0) {
                pos += 8;
                index++;
                continue;
            }
            int size = buffer.getInt(pos + 4);
            if (size < 0 || size > end - pos - 8) {
                return;
            }
            if (first == MatDataType.MATRIX) {
                collectFields(buffer, pos + 8, pos + 8 + size, tags, dims);
            } else if (index == 1 && first == MatDataType.INT32 && start > 0) {
                for (int k = 0; k < size; k += 4) {
                    dims.add(pos + 8 + k);
                }
            }
            pos += 8 + (first == MatDataType.COMPRESSED ? size : (size + 7) & ~7);
            index++;
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A valid file to mutate, with the offsets worth aiming at. */
    private static final class SeedFile {
        final String name;
        final byte[] bytes;
        final ByteOrder order;
        final int[] tagOffsets;
        final int[] dimOffsets;
        final List<CompressedElement> compressedElements = new ArrayList<>();

        SeedFile(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
            this.order = bytes[126] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
            // Subsystem offset, version and endian indicator in the header.
            List<Integer> tags = new ArrayList<>(List.of(116, 120, 124));
            List<Integer> dims = new ArrayList<>();
            collectFields(buffer, MatHeader.LENGTH, bytes.length, tags, dims);
            this.tagOffsets = toArray(tags);
            this.dimOffsets = toArray(dims);
            int pos = MatHeader.LENGTH;
            while (bytes.length - pos >= 8) {
                int type = buffer.getInt(pos);
                int size = buffer.getInt(pos + 4);
                if (type == MatDataType.COMPRESSED) {
                    compressedElements.add(new CompressedElement(bytes, order, pos));
                }
                pos += 8 + (type == MatDataType.COMPRESSED ? size : (size + 7) & ~7);
            }
        }

        /** Returns this file with each miCOMPRESSED element replaced by its miMATRIX. */
        byte[] inflatedCopy() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pos = 0;
            for (CompressedElement element : compressedElements) {
                out.write(bytes, pos, element.offset - pos);
                out.write(element.inflated, 0, element.inflated.length);
                pos = element.offset + 8 + element.compressedSize;
            }
            out.write(bytes, pos, bytes.length - pos);
            return out.toByteArray();
        }
    }

    /** A top-level miCOMPRESSED element of a seed file, inflated, with its fields. */
    private static final class CompressedElement {
        final int offset;
        final int compressedSize;
        final byte[] inflated;
        final int[] tagOffsets;
        final int[] dimOffsets;

        CompressedElement(byte[] file, ByteOrder order, int offset) {
            this.offset = offset;
            this.compressedSize = ByteBuffer.wrap(file).order(order).getInt(offset + 4);
            this.inflated = inflate(file, offset + 8, compressedSize);
            List<Integer> tags = new ArrayList<>();
            List<Integer> dims = new ArrayList<>();
            collectFields(ByteBuffer.wrap(inflated).order(order), 0, inflated.length, tags, dims);
            this.tagOffsets = toArray(tags);
            this.dimOffsets = toArray(dims);
        }
    }
}
