package nnlab.io;

/**
 * Numeric array class of a MAT-file variable (the mxCLASS stored in its array flags).
 *
 * <p>Only the numeric classes exist here because MatFileReader rejects cell, struct, object, char,
 * sparse and function-handle arrays. MATLAB's class codes are {@code ordinal() + 6}: mxDOUBLE_CLASS
 * is 6 and mxUINT64_CLASS is 15.
 */
public enum MatClass {
    DOUBLE, SINGLE, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64;

    private static final int FIRST_CODE = 6;
    private static final MatClass[] VALUES = values();

    /** Returns the mxCLASS code written in array flags, 6 (double) to 15 (uint64). */
    int code() {
        return ordinal() + FIRST_CODE;
    }

    /** Returns the numeric class with this mxCLASS code, or null for any other code. */
    static MatClass fromCode(int code) {
        int index = code - FIRST_CODE;
        return index >= 0 && index < VALUES.length ? VALUES[index] : null;
    }
}
