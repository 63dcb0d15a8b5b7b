package nnlab.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Writes little-endian MAT-file v5 files that MATLAB, scipy.io.loadmat and MatFileReader read.
 * Each variable becomes one miCOMPRESSED element holding an miMATRIX of class double.
 */
public final class MatFileWriter {
    /** Header text; the date is fixed so that equal input gives equal bytes. */
    static final String HEADER_TEXT =
            "MATLAB 5.0 MAT-file, Platform: nnlab, Created on: Thu Jan  1 00:00:00 1970";
    private static final int HEADER_TEXT_BYTES = 116;
    private static final int VERSION_5 = 0x0100;
    private static final int MAX_NAME_LENGTH = 63;
    /** Array flags, dims, and the tags of name and real part: the miMATRIX bytes besides data. */
    private static final int MATRIX_OVERHEAD_BYTES = 16 + 16 + 8 + 8;
    private static final int CHUNK_BYTES = 64 << 10;

    private MatFileWriter() {
    }

    /**
     * Writes the variables in list order. Values are stored unchanged as miDOUBLE, NaN included.
     *
     * @param vars arrays to write; not modified
     * @return the complete file
     * @throws IllegalArgumentException if a name is not a valid MATLAB name (a letter, then
     *     letters, digits or underscores, at most 63 characters), names repeat, or an array is
     *     larger than MatFileReader accepts (256 MiB inflated per variable)
     */
    public static byte[] write(List<MatArray> vars) {
        if (vars == null) {
            throw new IllegalArgumentException("variable list is null; pass a list of MatArray");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(), 0, MatHeader.LENGTH);
        Set<String> names = new HashSet<>();
        for (MatArray variable : vars) {
            validate(variable, names);
            byte[] stream = deflate(matrixElement(variable));
            byte[] tag = ByteBuffer.allocate(MatSection.TAG_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(MatDataType.COMPRESSED).putInt(stream.length).array();
            out.write(tag, 0, tag.length);
            out.write(stream, 0, stream.length);
        }
        return out.toByteArray();
    }

    private static byte[] header() {
        byte[] header = new byte[MatHeader.LENGTH];
        Arrays.fill(header, 0, HEADER_TEXT_BYTES, (byte) ' ');
        byte[] text = HEADER_TEXT.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(124, (short) VERSION_5);
        header[126] = 'I';
        header[127] = 'M';
        return header;
    }

    private static void validate(MatArray variable, Set<String> names) {
        if (variable == null) {
            throw new IllegalArgumentException("variable list contains null; remove it");
        }
        String name = variable.name();
        if (!isValidName(name)) {
            throw new IllegalArgumentException("variable name '" + name + "' is invalid: a"
                    + " MAT-file name is a letter followed by letters, digits or underscores, at"
                    + " most " + MAX_NAME_LENGTH + " characters; rename the variable");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("variable name '" + name + "' appears twice;"
                    + " give each variable a distinct name");
        }
        long bytes = elementBytes(variable);
        if (bytes > MatInflater.MAX_INFLATED_BYTES) {
            throw new IllegalArgumentException("variable '" + name + "' needs " + bytes
                    + " bytes uncompressed, more than the " + MatInflater.MAX_INFLATED_BYTES
                    + " (256 MiB) that MatFileReader accepts per variable; split it");
        }
    }

    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Returns the size of the miMATRIX element, tag included. */
    private static long elementBytes(MatArray variable) {
        long nameBytes = (variable.name().length() + 7) & ~7;
        return MatSection.TAG_BYTES + MATRIX_OVERHEAD_BYTES + nameBytes
                + 8L * variable.columnMajor().length;
    }

    /** Builds the uncompressed miMATRIX element: flags, dims, name (miINT8), miDOUBLE data. */
    private static byte[] matrixElement(MatArray variable) {
        int total = (int) elementBytes(variable);
        byte[] name = variable.name().getBytes(StandardCharsets.US_ASCII);
        double[] data = variable.columnMajor();
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MatDataType.MATRIX).putInt(total - MatSection.TAG_BYTES);
        buffer.putInt(MatDataType.UINT32).putInt(8).putInt(MatClass.DOUBLE.code()).putInt(0);
        buffer.putInt(MatDataType.INT32).putInt(8).putInt(variable.rows()).putInt(variable.cols());
        buffer.putInt(MatDataType.INT8).putInt(name.length).put(name);
        buffer.position(buffer.position() + ((8 - name.length % 8) % 8));
        buffer.putInt(MatDataType.DOUBLE).putInt(8 * data.length);
        for (double value : data) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK_BYTES];
            while (!deflater.finished()) {
                int count = deflater.deflate(chunk);
                out.write(chunk, 0, count);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
