package nnlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Checks the 128-byte MAT-file v5 header and recognizes the common files that are not v5:
 * v7.3 (HDF5), v4 (no text header) and PNG images.
 */
final class MatHeader {
    static final int LENGTH = 128;
    private static final int SUBSYSTEM_OFFSET_AT = 116;
    private static final int VERSION_AT = 124;
    private static final int ENDIAN_AT = 126;
    private static final int VERSION_5 = 0x0100;
    private static final int HDF5_USER_BLOCK = 512;
    private static final long SUBSYSTEM_NONE_SPACES = 0x2020202020202020L;
    private static final int V4_HEADER_BYTES = 20;
    private static final byte[] PNG_SIGNATURE =
        {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] HDF5_SIGNATURE =
        {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final byte[] V73_TEXT = "MATLAB 7.3".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MATLAB_TEXT = "MATLAB".getBytes(StandardCharsets.US_ASCII);
    private static final String RESAVE = "save it with save -v7 in MATLAB or scipy.io.savemat";

    private MatHeader() {
    }

    /**
     * Validates the header and returns the byte order given by its endian indicator.
     *
     * @throws MatFormatException naming the kind of file found when it is not MAT-file v5
     */
    static ByteOrder check(byte[] bytes) {
        if (bytes.length == 0) {
            throw fail(0, "the file is empty (0 bytes); a MAT-file starts with a 128-byte header");
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            throw fail(0, "the file starts with the PNG signature, so it is a PNG image, not a"
                    + " MAT-file; choose the .mat file, or " + RESAVE);
        }
        if (startsWith(bytes, 0, V73_TEXT) || startsWith(bytes, 0, HDF5_SIGNATURE)) {
            throw version73();
        }
        if (looksLikeVersion4(bytes)) {
            throw fail(0, "MAT-file version 4 (no 128-byte text header) is not supported; "
                    + RESAVE + " (format='5')");
        }
        if (bytes.length < LENGTH) {
            throw fail(bytes.length, "the file has only " + bytes.length + " bytes but the"
                    + " MAT-file v5 header needs 128; the file is truncated or not a MAT-file");
        }
        // A v7.3 file is an HDF5 file with a 512-byte user block that starts with a MAT header.
        boolean hdf5 = startsWith(bytes, HDF5_USER_BLOCK, HDF5_SIGNATURE);
        ByteOrder order = endianOrder(bytes, hdf5);
        int version = ByteBuffer.wrap(bytes).order(order).getShort(VERSION_AT) & 0xFFFF;
        if (version != VERSION_5 && hdf5) {
            throw version73();
        }
        if (version != VERSION_5) {
            String hex = Integer.toHexString(0x10000 | version).substring(1);
            throw fail(VERSION_AT, "header version is 0x" + hex + " but MAT-file v5 has 0x0100; "
                    + RESAVE);
        }
        return order;
    }

    /**
     * Returns the offset of the subsystem data element given in header bytes 116-123, or -1 when
     * the field is all zeros or all spaces (no subsystem data).
     */
    static long subsystemOffset(byte[] bytes, ByteOrder order) {
        long offset = ByteBuffer.wrap(bytes).order(order).getLong(SUBSYSTEM_OFFSET_AT);
        return offset == 0 || offset == SUBSYSTEM_NONE_SPACES ? -1 : offset;
    }

    private static ByteOrder endianOrder(byte[] bytes, boolean hdf5) {
        byte first = bytes[ENDIAN_AT];
        byte second = bytes[ENDIAN_AT + 1];
        if (first == 'I' && second == 'M') {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (first == 'M' && second == 'I') {
            return ByteOrder.BIG_ENDIAN;
        }
        if (hdf5) {
            throw version73();
        }
        String what = startsWith(bytes, 0, MATLAB_TEXT)
                ? "the MAT-file header is corrupt" : "this is not a MAT-file";
        throw fail(ENDIAN_AT, "endian indicator at byte 126 is 0x" + hexByte(first)
                + hexByte(second) + " but a MAT-file v5 has 'IM' or 'MI' there, so " + what
                + "; " + RESAVE);
    }

    /**
     * Recognizes a v4 matrix header: five int32 values type, rows, cols, imagf, namlen, where
     * type = 1000*M + 10*P + T with M = 0 (little-endian) or 1 (big-endian), P at most 5 and T at
     * most 2, followed by the name.
     */
    private static boolean looksLikeVersion4(byte[] bytes) {
        if (bytes.length < V4_HEADER_BYTES) {
            return false;
        }
        return isVersion4Header(bytes, ByteOrder.LITTLE_ENDIAN, 0)
                || isVersion4Header(bytes, ByteOrder.BIG_ENDIAN, 1000);
    }

    private static boolean isVersion4Header(byte[] bytes, ByteOrder order, int machineDigit) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        int type = buffer.getInt(0) - machineDigit;
        int rows = buffer.getInt(4);
        int cols = buffer.getInt(8);
        int imaginary = buffer.getInt(12);
        int nameLength = buffer.getInt(16);
        boolean typeValid = type >= 0 && type < 100 && type / 10 <= 5 && type % 10 <= 2;
        return typeValid && rows >= 0 && cols >= 0 && (imaginary == 0 || imaginary == 1)
                && nameLength > 0 && nameLength <= bytes.length - V4_HEADER_BYTES;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hexByte(byte value) {
        String hex = Integer.toHexString(value & 0xFF);
        return hex.length() == 1 ? "0" + hex : hex;
    }

    private static MatFormatException version73() {
        return fail(0, "MAT-file version 7.3 (HDF5 format) is not supported; " + RESAVE);
    }

    private static MatFormatException fail(long offset, String reason) {
        return new MatFormatException(null, offset, reason);
    }
}
