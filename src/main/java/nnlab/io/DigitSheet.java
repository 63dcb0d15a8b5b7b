package nnlab.io;

import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;

/**
 * Decodes the digit sheet (a 2000x1000 gray image of 5000 cells of 20x20 pixels, 100 cells per
 * row) into the X and y of the course's ex4data1.mat. Cells are read row-major, cell k = row*100 +
 * col, and cells 500d .. 500d+499 show the digit d. Each image becomes one row of X, unrolled
 * column-major as Octave stores it, scaled from 0..255 to 0..1; the digit 0 gets label 10.
 *
 * <p>Decoding the PNG into pixels is left to the platform (ImageIO on the JVM, a canvas in the
 * browser), so this class only sees gray levels.
 */
public final class DigitSheet {
    /** Side of one digit image in pixels. */
    public static final int CELL = 20;
    public static final int COLUMNS = 100;
    public static final int ROWS = 50;
    public static final int WIDTH = COLUMNS * CELL;
    public static final int HEIGHT = ROWS * CELL;
    /** Number of digits on the sheet. */
    public static final int COUNT = COLUMNS * ROWS;
    private static final int PER_DIGIT = COUNT / 10;

    private DigitSheet() {
    }

    /**
     * Builds the 5000 x 400 data set from the sheet's gray levels.
     *
     * @param gray row-major WIDTH x HEIGHT gray levels 0..255, not modified
     */
    public static Dataset decode(int width, int height, int[] gray) {
        if (width != WIDTH || height != HEIGHT) {
            throw new InvalidDataException("The digit sheet must be " + WIDTH + "x" + HEIGHT
                    + " pixels, found " + width + "x" + height);
        }
        if (gray.length != WIDTH * HEIGHT) {
            throw new InvalidDataException("The digit sheet must have " + (WIDTH * HEIGHT)
                    + " pixels, found " + gray.length);
        }
        int n = CELL * CELL;
        double[] x = new double[COUNT * n];
        int[] y = new int[COUNT];
        for (int k = 0; k < COUNT; k++) {
            int top = (k / COLUMNS) * CELL;
            int left = (k % COLUMNS) * CELL;
            for (int r = 0; r < CELL; r++) {
                for (int c = 0; c < CELL; c++) {
                    int level = gray[(top + r) * WIDTH + left + c];
                    if (level < 0 || level > 255) {
                        throw new InvalidDataException("Gray levels must be 0..255, found "
                                + level + " at pixel (" + (left + c) + ", " + (top + r) + ")");
                    }
                    x[k * n + c * CELL + r] = level / 255.0;
                }
            }
            int digit = k / PER_DIGIT;
            y[k] = digit == 0 ? 10 : digit;
        }
        return new Dataset(x, y, COUNT, n, 10);
    }
}
