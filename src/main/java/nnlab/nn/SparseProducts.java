package nnlab.nn;

import nnlab.math.SparseRows;

/**
 * The two products with the sparse input layer, the largest part of backpropagation on the
 * digits: z2 = [1 X] Theta1^T and the gradient sum delta2^T X.
 *
 * <p>Both keep {@link #BLOCK} output sums in local variables while they run over the nonzero
 * inputs, instead of loading and storing each sum once per input, which roughly halves the
 * memory traffic. Every sum still adds its terms in increasing input (or example) order, so the
 * results equal those of a plain loop over the same nonzeros.
 */
final class SparseProducts {
    /** Output units handled per pass over the nonzeros; divides the course's 25 and 10. */
    static final int BLOCK = 5;

    private SparseProducts() {
    }

    /**
     * z(i, k) = Theta(k, 0) + sum_j x(from+i, j) Theta(k, j+1) for i in 0..count-1, k in
     * 0..out-1, with Theta read from {@code theta} column-major at {@code offset} (so Theta^T
     * row-major, bias row first) and z written row-major, count x out.
     */
    static void forward(SparseRows x, int from, int count, double[] theta, int offset, int out,
            double[] z) {
        int[] start = x.rowStart();
        int[] columns = x.columns();
        double[] values = x.values();
        int blocked = out - out % BLOCK;
        for (int i = 0; i < count; i++) {
            int first = start[from + i];
            int last = start[from + i + 1];
            int row = i * out;
            for (int k = 0; k < blocked; k += BLOCK) {
                int bias = offset + k;
                double z0 = theta[bias];
                double z1 = theta[bias + 1];
                double z2 = theta[bias + 2];
                double z3 = theta[bias + 3];
                double z4 = theta[bias + 4];
                for (int p = first; p < last; p++) {
                    double v = values[p];
                    int w = offset + (columns[p] + 1) * out + k;
                    z0 += v * theta[w];
                    z1 += v * theta[w + 1];
                    z2 += v * theta[w + 2];
                    z3 += v * theta[w + 3];
                    z4 += v * theta[w + 4];
                }
                z[row + k] = z0;
                z[row + k + 1] = z1;
                z[row + k + 2] = z2;
                z[row + k + 3] = z3;
                z[row + k + 4] = z4;
            }
            for (int k = blocked; k < out; k++) {
                double sum = theta[offset + k];
                for (int p = first; p < last; p++) {
                    sum += values[p] * theta[offset + (columns[p] + 1) * out + k];
                }
                z[row + k] = sum;
            }
        }
    }

    /**
     * gradient(start + j*out + k) += sum_i x(i, j) delta(i, k): the non-bias part of
     * delta^T X, with X given by column ({@code xColumns} row j lists column j's entries by
     * example) and delta row-major, one row of {@code out} values per example.
     */
    static void addGradient(SparseRows xColumns, double[] delta, int out, double[] gradient,
            int start) {
        int[] columnStart = xColumns.rowStart();
        int[] examples = xColumns.columns();
        double[] values = xColumns.values();
        int blocked = out - out % BLOCK;
        for (int j = 0; j < xColumns.rows(); j++) {
            int first = columnStart[j];
            int last = columnStart[j + 1];
            if (first == last) {
                continue;
            }
            int g = start + j * out;
            for (int k = 0; k < blocked; k += BLOCK) {
                double g0 = gradient[g + k];
                double g1 = gradient[g + k + 1];
                double g2 = gradient[g + k + 2];
                double g3 = gradient[g + k + 3];
                double g4 = gradient[g + k + 4];
                for (int p = first; p < last; p++) {
                    double v = values[p];
                    int d = examples[p] * out + k;
                    g0 += v * delta[d];
                    g1 += v * delta[d + 1];
                    g2 += v * delta[d + 2];
                    g3 += v * delta[d + 3];
                    g4 += v * delta[d + 4];
                }
                gradient[g + k] = g0;
                gradient[g + k + 1] = g1;
                gradient[g + k + 2] = g2;
                gradient[g + k + 3] = g3;
                gradient[g + k + 4] = g4;
            }
            for (int k = blocked; k < out; k++) {
                double sum = gradient[g + k];
                for (int p = first; p < last; p++) {
                    sum += values[p] * delta[examples[p] * out + k];
                }
                gradient[g + k] = sum;
            }
        }
    }
}
