package nnlab.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MAT-file v5 files (MATLAB save -v6/-v7, scipy.io.savemat) that contain real numeric 2-D
 * arrays, stored plainly or in miCOMPRESSED elements, in either byte order.
 *
 * <p>The input is treated as untrusted: every size is checked against the bytes present before
 * anything is allocated, one array has at most 2^27 elements and one compressed variable
 * inflates to at most 256 MiB. Any problem raises MatFormatException and nothing else.
 */
public final class MatFileReader {
    private MatFileReader() {
    }

    /**
     * Reads every variable of the file in file order. Values of any numeric class and storage
     * type are converted to double; NaN and infinities are returned unchanged.
     *
     * @param bytes the whole file; not modified
     * @return the variables, each with the class stored in the file
     * @throws MatFormatException for any input that is not a readable MAT-file v5, including
     *     files with an unsupported variable (cell, struct, char, sparse, complex, N-D, ...) or
     *     two variables with the same name
     */
    public static List<MatArray> read(byte[] bytes) {
        if (bytes == null) {
            throw new MatFormatException(null, -1, "no file bytes were given (null); pass the"
                    + " content of a .mat file");
        }
        ByteOrder order = MatHeader.check(bytes);
        long subsystemOffset = MatHeader.subsystemOffset(bytes, order);
        MatSection file = MatSection.ofFile(bytes, order);
        List<MatArray> variables = new ArrayList<>();
        Map<String, Integer> offsetsByName = new HashMap<>();
        int pos = MatHeader.LENGTH;
        while (pos < bytes.length) {
            MatSection.Element element = file.readElement(pos, bytes.length, null);
            if (pos == subsystemOffset) {
                // MATLAB stores the data of objects such as function handles in this element,
                // which is not a variable.
                pos = element.next;
                continue;
            }
            MatArray variable = readVariable(file, element);
            Integer previous = offsetsByName.put(variable.name(), pos);
            if (previous != null) {
                throw file.error(variable.name(), pos, "variable '" + variable.name()
                        + "' appears twice, first at byte " + previous + "; save each"
                        + " variable under a distinct name");
            }
            variables.add(variable);
            pos = element.next;
        }
        return variables;
    }

    /**
     * Returns the variable with this name.
     *
     * @throws MatFormatException if no variable has that name; the message lists the names found
     */
    public static MatArray require(List<MatArray> vars, String name) {
        StringBuilder found = new StringBuilder();
        for (MatArray variable : vars) {
            if (variable.name().equals(name)) {
                return variable;
            }
            found.append(found.length() == 0 ? "" : ", ").append(variable.name());
        }
        String names = found.length() == 0 ? "the file contains no variables" : "found: " + found;
        throw new MatFormatException(name, -1, "variable '" + name + "' not found; " + names
                + "; save the file with a variable of that name");
    }

    private static MatArray readVariable(MatSection file, MatSection.Element element) {
        if (element.type == MatDataType.MATRIX) {
            return MatMatrixParser.parse(file, element);
        }
        if (element.type == MatDataType.COMPRESSED) {
            MatSection inflated = MatInflater.inflate(file, element);
            MatSection.Element inner = inflated.readElement(0, inflated.length, null);
            return MatMatrixParser.parse(inflated, inner);
        }
        throw file.error(null, element.tagOffset, "top-level data element has type "
                + MatDataType.name(element.type) + " but a variable must be miMATRIX (14) or"
                + " miCOMPRESSED (15); the file is corrupt, so save it again");
    }
}
