package nnlab.math;

/**
 * A row-major matrix in compressed sparse row form: the nonzero entries of row i are
 * {@code values[rowStart[i] .. rowStart[i+1]-1]} in columns {@code columns[...]}, in increasing
 * column order. The digit images are about 75% exact zeros, so products with the input layer
 * visit a quarter of the entries.
 */
public final class SparseRows {
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    private SparseRows(int rows, int cols, int[] rowStart, int[] columns, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /**
     * Builds the sparse form of a dense row-major rows x cols matrix, keeping every entry that is
     * not exactly 0.0 (NaN entries are kept). The dense array is not modified or retained.
     */
    public static SparseRows fromDense(double[] dense, int rows, int cols) {
        if ((long) rows * cols != dense.length) {
            throw new IllegalArgumentException("Dense matrix must have " + rows + "x" + cols
                    + " = " + ((long) rows * cols) + " entries, found " + dense.length);
        }
        int count = 0;
        for (double v : dense) {
            if (v != 0.0) {
                count++;
            }
        }
        int[] rowStart = new int[rows + 1];
        int[] columns = new int[count];
        double[] values = new double[count];
        int next = 0;
        for (int i = 0; i < rows; i++) {
            rowStart[i] = next;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                double v = dense[base + j];
                if (v != 0.0) {
                    columns[next] = j;
                    values[next] = v;
                    next++;
                }
            }
        }
        rowStart[rows] = next;
        return new SparseRows(rows, cols, rowStart, columns, values);
    }

    /**
     * Returns rows {@code from .. to-1} of this matrix transposed, in the same sparse form: row j
     * of the result lists the entries of column j, in increasing row order (row i of this matrix
     * becomes column i - from). This is the compressed sparse column form of the row range.
     */
    public SparseRows transposeRows(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("Row range must lie within 0.." + rows
                    + ", found " + from + ".." + to);
        }
        int first = rowStart[from];
        int last = rowStart[to];
        int[] start = new int[cols + 1];
        for (int p = first; p < last; p++) {
            start[columns[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            start[j + 1] += start[j];
        }
        int[] next = start.clone();
        int[] rowOf = new int[last - first];
        double[] valueOf = new double[last - first];
        for (int i = from; i < to; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                int slot = next[columns[p]]++;
                rowOf[slot] = i - from;
                valueOf[slot] = values[p];
            }
        }
        return new SparseRows(cols, to - from, start, rowOf, valueOf);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored (nonzero) entries. */
    public int nonZeroCount() {
        return values.length;
    }

    /** Offsets into {@link #columns()} and {@link #values()}; length rows + 1. Not a copy. */
    public int[] rowStart() {
        return rowStart;
    }

    /** Column of each stored entry. Not a copy. */
    public int[] columns() {
        return columns;
    }

    /** Value of each stored entry. Not a copy. */
    public double[] values() {
        return values;
    }
}
