package nnlab.io;

/**
 * A named numeric 2-D array as stored in a MAT file, with its values converted to double.
 *
 * <p>Data is column-major as in the file: element (i, j) is at {@code columnMajor()[i + j * rows]}.
 * The class is immutable except for the data array, which {@link #columnMajor()} exposes without
 * copying.
 */
public final class MatArray {
    private final String name;
    private final int rows;
    private final int cols;
    private final double[] columnMajor;
    private final MatClass storedClass;

    /**
     * Wraps column-major data of class double without copying it.
     *
     * @param name variable name (validated by MatFileWriter when written, not here)
     * @param rows number of rows, at least 0
     * @param cols number of columns, at least 0
     * @param columnMajor rows * cols values, element (i, j) at i + j * rows; kept, not copied
     * @throws IllegalArgumentException if the name or data is null, a size is negative, or the
     *     data length is not rows * cols
     */
    public MatArray(String name, int rows, int cols, double[] columnMajor) {
        this(name, rows, cols, columnMajor, MatClass.DOUBLE);
    }

    MatArray(String name, int rows, int cols, double[] columnMajor, MatClass storedClass) {
        if (name == null) {
            throw new IllegalArgumentException("MatArray name is null; pass a variable name");
        }
        if (columnMajor == null) {
            throw new IllegalArgumentException("MatArray '" + name + "' data is null");
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("MatArray '" + name + "' has negative size "
                    + rows + "x" + cols + "; rows and cols must be at least 0");
        }
        if ((long) rows * cols != columnMajor.length) {
            throw new IllegalArgumentException("MatArray '" + name + "' is " + rows + "x" + cols
                    + " so it needs " + (long) rows * cols + " values, but the data has "
                    + columnMajor.length);
        }
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.columnMajor = columnMajor;
        this.storedClass = storedClass;
    }

    /**
     * Creates a double array from row-major data, element (i, j) at {@code rowMajor[i * cols + j]}.
     * The argument is not modified; the values are copied into column-major order.
     *
     * @throws IllegalArgumentException as {@link #MatArray(String, int, int, double[])} does
     */
    public static MatArray fromRowMajor(String name, int rows, int cols, double[] rowMajor) {
        if (rowMajor == null) {
            throw new IllegalArgumentException("MatArray '" + name + "' data is null");
        }
        if (rows < 0 || cols < 0 || (long) rows * cols != rowMajor.length) {
            throw new IllegalArgumentException("MatArray '" + name + "' is " + rows + "x" + cols
                    + " but the row-major data has " + rowMajor.length + " values");
        }
        double[] columnMajor = new double[rowMajor.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                columnMajor[i + j * rows] = rowMajor[i * cols + j];
            }
        }
        return new MatArray(name, rows, cols, columnMajor);
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Returns the column-major data itself, not a copy: writes to it change this array. */
    public double[] columnMajor() {
        return columnMajor;
    }

    /** Returns a new row-major copy, element (i, j) at {@code i * cols + j}. */
    public double[] toRowMajor() {
        double[] rowMajor = new double[columnMajor.length];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                rowMajor[i * cols + j] = columnMajor[i + j * rows];
            }
        }
        return rowMajor;
    }

    /**
     * Returns element (row, col), both 0-based.
     *
     * @throws IndexOutOfBoundsException if row or col is outside the array
     */
    public double get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("element (" + row + ", " + col + ") is outside "
                    + "MatArray '" + name + "' of size " + rows + "x" + cols);
        }
        return columnMajor[row + col * rows];
    }

    /**
     * Returns the class stored in the file (DOUBLE, SINGLE, UINT8, ...), or DOUBLE for an array
     * built in code. Logical arrays report UINT8.
     */
    public MatClass storedClass() {
        return storedClass;
    }

    @Override
    public String toString() {
        return "MatArray[" + name + ", " + rows + "x" + cols + ", " + storedClass + "]";
    }
}
