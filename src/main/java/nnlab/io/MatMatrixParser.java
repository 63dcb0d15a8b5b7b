package nnlab.io;

/**
 * Parses the content of one miMATRIX element: array flags, dimensions, name and real part. Only
 * real numeric 2-D arrays are returned; every other array kind raises MatFormatException.
 */
final class MatMatrixParser {
    /** Maximum number of elements of one array: 2^27, 1 GiB as doubles. */
    static final long MAX_ELEMENTS = 1L << 27;
    private static final int COMPLEX_FLAG = 0x0800;
    private static final int CLASS_MASK = 0xFF;
    private static final int FUNCTION_CLASS = 16;
    private static final int OPAQUE_CLASS = 17;
    private static final int MAX_DIMS_SHOWN = 8;
    private static final String[] NON_NUMERIC_CLASSES = {"unknown class 0", "cell array",
        "struct", "object", "char array", "sparse matrix"};
    private static final String TO_NUMERIC = "; store it as a real numeric matrix (double, single"
            + " or an integer class) and save it again";

    private MatMatrixParser() {
    }

    /** Parses the miMATRIX element described by {@code matrix} inside {@code section}. */
    static MatArray parse(MatSection section, MatSection.Element matrix) {
        int limit = matrix.dataEnd();
        MatSection.Element flags = section.readElement(matrix.dataStart, limit, null);
        requireType(section, flags, MatDataType.UINT32, "array flags", null);
        if (flags.dataSize != 8) {
            throw section.error(null, flags.tagOffset, "array flags have " + flags.dataSize
                    + " bytes but must have 8; the file is corrupt");
        }
        int flagWord = section.getInt(flags.dataStart);
        int classCode = flagWord & CLASS_MASK;
        if (classCode == OPAQUE_CLASS) {
            String name = peekOpaqueName(section, flags.next, limit);
            throw section.error(name, matrix.tagOffset, "MATLAB objects and function handles"
                    + " (mxOPAQUE_CLASS, 17) are not supported" + TO_NUMERIC);
        }
        MatSection.Element dims = section.readElement(flags.next, limit, null);
        MatSection.Element nameElement = section.readElement(dims.next, limit, null);
        String name = readName(section, nameElement);
        MatClass matClass = requireNumericClass(section, matrix, classCode, name);
        if ((flagWord & COMPLEX_FLAG) != 0) {
            throw section.error(name, flags.tagOffset, "complex arrays are not supported; save"
                    + " the real part, real(X), and the imaginary part, imag(X), separately");
        }
        int[] size = readTwoDims(section, dims, name);
        MatSection.Element real = section.readElement(nameElement.next, limit, name);
        double[] data = readReal(section, real, size, name);
        return new MatArray(name, size[0], size[1], data, matClass);
    }

    private static MatClass requireNumericClass(MatSection section, MatSection.Element matrix,
            int classCode, String name) {
        MatClass matClass = MatClass.fromCode(classCode);
        if (matClass != null) {
            return matClass;
        }
        String kind;
        if (classCode < NON_NUMERIC_CLASSES.length) {
            kind = NON_NUMERIC_CLASSES[classCode];
        } else if (classCode == FUNCTION_CLASS) {
            kind = "function handle";
        } else {
            kind = "unknown class " + classCode;
        }
        throw section.error(name, matrix.tagOffset, "array class is " + kind + " (mx class "
                + classCode + ") but only real numeric matrices are supported" + TO_NUMERIC);
    }

    private static String readName(MatSection section, MatSection.Element element) {
        if (element.type != MatDataType.INT8 && element.type != MatDataType.UINT8) {
            throw section.error(null, element.tagOffset, "array name has type "
                    + MatDataType.name(element.type) + " but must be miINT8 (1); the file is"
                    + " corrupt");
        }
        if (element.dataSize == 0) {
            throw section.error(null, element.tagOffset, "variable name is empty; MATLAB names"
                    + " start with a letter, so the file is corrupt");
        }
        char[] chars = new char[element.dataSize];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (section.buffer.get(element.dataStart + i) & 0xFF);
        }
        return new String(chars);
    }

    /** Returns the name of an mxOPAQUE_CLASS variable, which follows its flags, or null. */
    private static String peekOpaqueName(MatSection section, int pos, int limit) {
        MatSection.Element element;
        try {
            element = section.readElement(pos, limit, null);
        } catch (MatFormatException e) {
            // The name only improves the message about the unsupported class; keep that message.
            return null;
        }
        boolean isName = element.type == MatDataType.INT8 && element.dataSize > 0;
        return isName ? readName(section, element) : null;
    }

    /** Returns {rows, cols}; accepts more than 2 dimensions only when the extra ones are 1. */
    private static int[] readTwoDims(MatSection section, MatSection.Element dims, String name) {
        requireType(section, dims, MatDataType.INT32, "dimensions", name);
        int count = dims.dataSize / 4;
        if (dims.dataSize % 4 != 0 || count < 2) {
            throw section.error(name, dims.tagOffset, "dimensions array has " + dims.dataSize
                    + " bytes but must hold at least 2 int32 values; the file is corrupt");
        }
        boolean extraAreOne = true;
        for (int k = 0; k < count; k++) {
            int dim = section.getInt(dims.dataStart + 4 * k);
            if (dim < 0) {
                throw section.error(name, dims.tagOffset, "dimension " + (k + 1) + " is " + dim
                        + " but must be at least 0; the file is corrupt");
            }
            extraAreOne &= k < 2 || dim == 1;
        }
        if (!extraAreOne) {
            throw section.error(name, dims.tagOffset, "array has " + count + " dimensions ("
                    + formatDims(section, dims, count) + ") but only 2-D arrays are supported;"
                    + " reshape it to a matrix and save it again");
        }
        return new int[] {section.getInt(dims.dataStart), section.getInt(dims.dataStart + 4)};
    }

    private static String formatDims(MatSection section, MatSection.Element dims, int count) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < Math.min(count, MAX_DIMS_SHOWN); k++) {
            text.append(k == 0 ? "" : "x").append(section.getInt(dims.dataStart + 4 * k));
        }
        return count > MAX_DIMS_SHOWN ? text.append("x...").toString() : text.toString();
    }

    private static double[] readReal(MatSection section, MatSection.Element real, int[] size,
            String name) {
        long expected = (long) size[0] * size[1];
        String shape = size[0] + "x" + size[1];
        if (expected > MAX_ELEMENTS) {
            throw section.error(name, real.tagOffset, "array is " + shape + " = " + expected
                    + " elements, more than the limit of " + MAX_ELEMENTS + " (2^27); split it"
                    + " into smaller variables");
        }
        int valueBytes = MatDataType.numericSize(real.type);
        if (valueBytes == 0) {
            throw section.error(name, real.tagOffset, "real part has type "
                    + MatDataType.name(real.type) + " but must be a numeric type such as"
                    + " miDOUBLE (9) or miUINT8 (2); the file is corrupt");
        }
        long found = real.dataSize / valueBytes;
        if (real.dataSize % valueBytes != 0 || found != expected) {
            throw section.error(name, real.tagOffset, "real part has " + real.dataSize
                    + " bytes of " + MatDataType.name(real.type) + " (" + valueBytes
                    + " bytes each) but the " + shape + " array needs " + expected
                    + " values; the file is corrupt");
        }
        double[] data = new double[(int) expected];
        MatDataType.toDoubles(section.buffer, real.dataStart, real.type, data);
        return data;
    }

    private static void requireType(MatSection section, MatSection.Element element, int type,
            String what, String name) {
        if (element.type != type) {
            throw section.error(name, element.tagOffset, what + " have type "
                    + MatDataType.name(element.type) + " but must be " + MatDataType.name(type)
                    + "; the file is corrupt");
        }
    }
}
