package nnlab.data;

/**
 * Raised when data or weights are well-formed as a file but unusable for the network: shapes that
 * do not fit, labels outside 1..K, values that are NaN or infinite.
 */
public final class InvalidDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }
}
