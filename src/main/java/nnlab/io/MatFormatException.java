package nnlab.io;

/**
 * Thrown for any MAT-file that MatFileReader cannot read: malformed, truncated, hostile, or using
 * a feature outside the supported subset (numeric, real, 2-D arrays in a v5 file).
 */
public final class MatFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variableName;
    private final long offset;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param variableName name of the variable being read, or null if unknown at that point
     * @param offset byte offset in the file where the problem was found, or -1 if none applies.
     *     Inside an miCOMPRESSED element it is the offset of that element's tag.
     * @param reason what was expected, what was found, and what to do
     */
    public MatFormatException(String variableName, long offset, String reason) {
        super(buildMessage(variableName, offset, reason));
        this.variableName = variableName;
        this.offset = offset;
        this.reason = reason;
    }

    /** Returns the variable name, or null if the problem is outside any known variable. */
    public String variableName() {
        return variableName;
    }

    /** Returns the byte offset in the file, or -1 if no position applies. */
    public long offset() {
        return offset;
    }

    /** Returns the reason without the position prefix of {@link #getMessage()}. */
    public String reason() {
        return reason;
    }

    private static String buildMessage(String variableName, long offset, String reason) {
        StringBuilder text = new StringBuilder("Invalid MAT file");
        if (offset >= 0) {
            text.append(" at byte ").append(offset);
        }
        if (variableName != null) {
            text.append(" (variable '").append(variableName).append("')");
        }
        return text.append(": ").append(reason).toString();
    }
}
