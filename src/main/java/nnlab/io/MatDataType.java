package nnlab.io;

import java.nio.ByteBuffer;

/** MAT-file v5 data types (the miXXX codes in data element tags) and their conversion to double. */
final class MatDataType {
    static final int INT8 = 1;
    static final int UINT8 = 2;
    static final int INT16 = 3;
    static final int UINT16 = 4;
    static final int INT32 = 5;
    static final int UINT32 = 6;
    static final int SINGLE = 7;
    static final int DOUBLE = 9;
    static final int INT64 = 12;
    static final int UINT64 = 13;
    static final int MATRIX = 14;
    static final int COMPRESSED = 15;

    private static final String[] NAMES = {null, "miINT8", "miUINT8", "miINT16", "miUINT16",
        "miINT32", "miUINT32", "miSINGLE", null, "miDOUBLE", null, null, "miINT64", "miUINT64",
        "miMATRIX", "miCOMPRESSED", "miUTF8", "miUTF16", "miUTF32"};
    private static final int[] NUMERIC_SIZES = {0, 1, 1, 2, 2, 4, 4, 4, 0, 8, 0, 0, 8, 8};

    private MatDataType() {
    }

    /** Returns a name for messages, such as "miDOUBLE (9)" or "unknown type 99". */
    static String name(int type) {
        if (type >= 0 && type < NAMES.length && NAMES[type] != null) {
            return NAMES[type] + " (" + type + ")";
        }
        return "unknown type " + (type & 0xFFFFFFFFL);
    }

    /** Returns the byte size of one value of a numeric type, or 0 for any other type. */
    static int numericSize(int type) {
        return type >= 0 && type < NUMERIC_SIZES.length ? NUMERIC_SIZES[type] : 0;
    }

    /**
     * Converts {@code out.length} values of a numeric type starting at byte {@code start} of the
     * buffer, in the buffer's byte order. The caller has checked the type and the byte range.
     */
    static void toDoubles(ByteBuffer buffer, int start, int type, double[] out) {
        int n = out.length;
        switch (type) {
            case INT8:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.get(start + i);
                }
                break;
            case UINT8:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.get(start + i) & 0xFF;
                }
                break;
            case INT16:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.getShort(start + 2 * i);
                }
                break;
            case UINT16:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.getShort(start + 2 * i) & 0xFFFF;
                }
                break;
            case INT32:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.getInt(start + 4 * i);
                }
                break;
            case UINT32:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.getInt(start + 4 * i) & 0xFFFFFFFFL;
                }
                break;
            case SINGLE:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.getFloat(start + 4 * i);
                }
                break;
            case DOUBLE:
                for (int i = 0; i < n; i++) {
                    out[i] = buffer.getDouble(start + 8 * i);
                }
                break;
            default:
                toDoubles64(buffer, start, type == UINT64, out);
        }
    }

    private static void toDoubles64(ByteBuffer buffer, int start, boolean unsigned, double[] out) {
        for (int i = 0; i < out.length; i++) {
            long value = buffer.getLong(start + 8 * i);
            out[i] = unsigned && value < 0 ? unsignedToDouble(value) : value;
        }
    }

    /** Rounds an unsigned 64-bit value to the nearest double, as a uint64 to double cast does. */
    private static double unsignedToDouble(long value) {
        // Halving keeps the sticky low bit so that the final rounding matches a direct conversion.
        long half = (value >>> 1) | (value & 1);
        return (double) half * 2.0;
    }
}
