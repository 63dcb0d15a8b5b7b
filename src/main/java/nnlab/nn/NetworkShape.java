package nnlab.nn;

import nnlab.data.InvalidDataException;

/**
 * Layer sizes s_1 .. s_L of a fully connected sigmoid network and the layout of its unrolled
 * parameter vector.
 *
 * <p>Theta_l (l = 1 .. L-1) maps layer l to layer l+1 and is s_{l+1} x (s_l + 1), column 0
 * holding the bias weights. The unrolled vector is the course's {@code [Theta1(:); Theta2(:); ...]}:
 * each Theta column-major, one after the other. Element (k, j) of Theta_l (0-based) is therefore
 * at {@code offset(l) + j * s_{l+1} + k}. Read as a row-major array, the same block is Theta_l
 * transposed, (s_l + 1) x s_{l+1}, which is the layout the fast kernels loop over.
 */
public final class NetworkShape {
    private final int[] sizes;
    private final int[] offsets;

    private NetworkShape(int[] sizes) {
        this.sizes = sizes;
        this.offsets = new int[sizes.length];
        long total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            offsets[l] = (int) total;
            total += (long) sizes[l + 1] * (sizes[l] + 1);
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new InvalidDataException("The network has too many parameters: " + total);
        }
        offsets[sizes.length - 1] = (int) total;
    }

    /**
     * Creates the shape with the given layer sizes, input first and output last, for example
     * (400, 25, 10). Each size must be at least 1 and there must be at least two layers.
     */
    public static NetworkShape of(int... sizes) {
        if (sizes.length < 2) {
            throw new InvalidDataException("A network needs at least an input and an output layer,"
                    + " found " + sizes.length + " layer(s)");
        }
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < 1 || sizes[l] > 1_000_000) {
                throw new InvalidDataException("Layer " + (l + 1) + " must have 1..1000000 units,"
                        + " found " + sizes[l]);
            }
        }
        return new NetworkShape(sizes.clone());
    }

    /** Number of layers L, input and output included. */
    public int layerCount() {
        return sizes.length;
    }

    /** Units in layer l (0-based, bias not counted). */
    public int size(int layer) {
        return sizes[layer];
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Layer sizes, input first. A copy. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of weight matrices, L - 1. */
    public int thetaCount() {
        return sizes.length - 1;
    }

    /** Rows of Theta_{t+1} (0-based t): s_{t+2}. */
    public int thetaRows(int t) {
        return sizes[t + 1];
    }

    /** Columns of Theta_{t+1} (0-based t): s_{t+1} + 1. */
    public int thetaCols(int t) {
        return sizes[t] + 1;
    }

    /** Start of Theta_{t+1} (0-based t) in the unrolled vector. */
    public int offset(int t) {
        return offsets[t];
    }

    /** Length of the unrolled parameter vector. */
    public int parameterCount() {
        return offsets[sizes.length - 1];
    }

    /** Index of Theta_{t+1}(row, col), 0-based, in the unrolled vector. */
    public int index(int t, int row, int col) {
        return offsets[t] + col * sizes[t + 1] + row;
    }

    /** Returns true when the parameter at {@code index} is a bias weight (column 0 of a Theta). */
    public boolean isBias(int index) {
        for (int t = 0; t < thetaCount(); t++) {
            if (index < offsets[t + 1]) {
                return index - offsets[t] < sizes[t + 1];
            }
        }
        throw new IndexOutOfBoundsException("Parameter index must be below " + parameterCount()
                + ", found " + index);
    }

    /** Returns sizes such as "400-25-10". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < sizes.length; l++) {
            if (l > 0) {
                text.append('-');
            }
            text.append(sizes[l]);
        }
        return text.toString();
    }
}
