package nnlab.data;

import nnlab.math.SparseRows;

/**
 * Labelled examples in the course's layout: X is m x n (one example per row, stored row-major
 * here), y holds labels 1..K. In the digit data each row of X is a 20x20 image unrolled
 * column-major with values in 0..1, and label 10 stands for the digit 0.
 *
 * <p>Instances are immutable once built; {@link #x()} and {@link #y()} return the arrays
 * themselves, which callers must not modify.
 */
public final class Dataset {
    private final double[] x;
    private final int[] y;
    private final int m;
    private final int n;
    private final int numLabels;
    private SparseRows sparseX;

    /**
     * Validates and wraps X and y. Every value of X must be finite and every label in 1..numLabels.
     *
     * @param x row-major m x n, not copied
     * @param y m labels in 1..numLabels, not copied
     */
    public Dataset(double[] x, int[] y, int m, int n, int numLabels) {
        if (m < 1 || n < 1) {
            throw new InvalidDataException("X must have at least one row and one column, found "
                    + m + "x" + n);
        }
        if (numLabels < 2) {
            throw new InvalidDataException("The labels must have at least 2 classes, found "
                    + numLabels);
        }
        if ((long) m * n != x.length) {
            throw new InvalidDataException("X must hold " + m + "x" + n + " values, found "
                    + x.length);
        }
        if (y.length != m) {
            throw new InvalidDataException("y must have one label per row of X (" + m
                    + "), found " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isInfinite(x[i])) {
                throw new InvalidDataException("X must contain only finite numbers, found "
                        + x[i] + " at row " + (i / n + 1) + ", column " + (i % n + 1));
            }
        }
        for (int i = 0; i < m; i++) {
            if (y[i] < 1 || y[i] > numLabels) {
                throw new InvalidDataException("Labels must be in 1.." + numLabels + ", found "
                        + y[i] + " at row " + (i + 1));
            }
        }
        this.x = x;
        this.y = y;
        this.m = m;
        this.n = n;
        this.numLabels = numLabels;
    }

    /** Number of examples. */
    public int m() {
        return m;
    }

    /** Number of features (input units, without the bias). */
    public int n() {
        return n;
    }

    /** Number of classes K; labels are 1..K. */
    public int numLabels() {
        return numLabels;
    }

    /** X, row-major m x n. Not a copy. */
    public double[] x() {
        return x;
    }

    /** Labels 1..K. Not a copy. */
    public int[] y() {
        return y;
    }

    /** X in compressed sparse row form, built on first use and kept. */
    public SparseRows sparseX() {
        if (sparseX == null) {
            sparseX = SparseRows.fromDense(x, m, n);
        }
        return sparseX;
    }

    /** Side of the square images when n is a perfect square (20 for the digits), else 0. */
    public int imageSide() {
        int side = (int) Math.round(Math.sqrt(n));
        return side * side == n ? side : 0;
    }

    /**
     * Returns the digit a label stands for when K = 10, as in the course (label 10 is the digit
     * 0); for other K the label itself.
     */
    public static int digitOfLabel(int label, int numLabels) {
        return numLabels == 10 && label == 10 ? 0 : label;
    }
}
