package nnlab.app;

/**
 * Turns a drawing into the 400 inputs the network was trained on, the way the digit data was
 * made from MNIST: crop to the bounding box of the ink, scale it so its longer side is 20 pixels
 * of a 28x28 frame (keeping the aspect ratio), move its centre of mass to the frame's centre,
 * then shrink the 28x28 frame to 20x20 and unroll it column-major, ink 1 on background 0.
 *
 * <p>All three geometric steps are one affine map from drawing to output coordinates,
 * p_out = (p - centreOfMass) * g + 10 with g = (20 / side) * (20 / 28), so the image is resampled
 * once. Each output pixel is the exact mean of the drawing over the square it covers, computed
 * from a summed-area table, which antialiases the strokes as the MNIST downscaling did.
 */
public final class DrawingPreprocessor {
    /** Side of the network's input image. */
    public static final int SIDE = 20;
    private static final double BOX = 20.0;
    private static final double FRAME = 28.0;

    private DrawingPreprocessor() {
    }

    /**
     * Returns the 400 network inputs (column-major 20x20, 0..1) for a drawing, or null when the
     * drawing has no ink.
     *
     * @param ink row-major width x height ink levels in 0..1 (1 = full stroke), not modified
     */
    public static double[] toInput(double[] ink, int width, int height) {
        return toInput(ink, width, height, null);
    }

    /**
     * Same as {@link #toInput(double[], int, int)}, with a work array for the summed-area table
     * that the caller keeps between drawings, so that a drawing updated on every animation
     * frame allocates no large arrays.
     *
     * @param table null, or an array of (width+1)*(height+1) values that is overwritten
     */
    public static double[] toInput(double[] ink, int width, int height, double[] table) {
        if (width < 1 || height < 1 || ink.length != width * height) {
            throw new IllegalArgumentException("The drawing must have width x height = "
                    + ((long) width * height) + " values, found " + ink.length);
        }
        int side = inkExtent(ink, width, height);
        if (side == 0) {
            return null;
        }
        double scale = BOX / side * (SIDE / FRAME);
        double[] centre = centreOfMass(ink, width, height);

        double[] sums = table != null && table.length == (width + 1) * (height + 1) ? table
                : new double[(width + 1) * (height + 1)];
        summedAreaTable(ink, width, height, sums);

        // Each output pixel averages the square of the drawing that the affine map sends to it.
        double[] input = new double[SIDE * SIDE];
        double cover = 1.0 / scale;
        for (int row = 0; row < SIDE; row++) {
            double y0 = (row - SIDE / 2.0) * cover + centre[1];
            for (int col = 0; col < SIDE; col++) {
                double x0 = (col - SIDE / 2.0) * cover + centre[0];
                double sum = areaSum(sums, width, height, x0, y0, x0 + cover, y0 + cover);
                input[col * SIDE + row] = clamp(sum / (cover * cover));
            }
        }
        return input;
    }

    /**
     * Returns the longer side, in pixels, of the bounding box of the ink (levels above 0), or 0
     * for an empty drawing. The network saw only digits that filled their 20x20 box, so a small
     * drawing is enlarged a lot and its prediction is less reliable.
     */
    public static int inkExtent(double[] ink, int width, int height) {
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink[y * width + x] > 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? 0 : Math.max(right - left + 1, bottom - top + 1);
    }

    /** Returns the ink-weighted mean position {x, y} of the pixel centres; ink must be nonzero. */
    private static double[] centreOfMass(double[] ink, int width, int height) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = clamp(ink[y * width + x]);
                mass += v;
                sumX += v * (x + 0.5);
                sumY += v * (y + 0.5);
            }
        }
        return new double[] {sumX / mass, sumY / mass};
    }

    private static double clamp(double v) {
        if (!(v > 0)) {
            return 0;
        }
        return Math.min(v, 1);
    }

    /** Writes S(x, y) = sum of ink over [0, x) x [0, y), (width+1) x (height+1) row-major. */
    private static void summedAreaTable(double[] ink, int width, int height, double[] table) {
        int stride = width + 1;
        java.util.Arrays.fill(table, 0, stride, 0.0);
        for (int y = 0; y < height; y++) {
            table[(y + 1) * stride] = 0;
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += clamp(ink[y * width + x]);
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + rowSum;
            }
        }
    }

    /** Sum of ink over the real rectangle [x0, x1) x [y0, y1); outside the drawing counts 0. */
    private static double areaSum(double[] table, int width, int height, double x0, double y0,
            double x1, double y1) {
        return integral(table, width, height, x1, y1) - integral(table, width, height, x0, y1)
                - integral(table, width, height, x1, y0) + integral(table, width, height, x0, y0);
    }

    /**
     * S at a real point. Within one pixel the ink is constant, so S is bilinear there and
     * interpolating the table bilinearly gives the exact area sum.
     */
    private static double integral(double[] table, int width, int height, double x, double y) {
        double cx = Math.max(0, Math.min(width, x));
        double cy = Math.max(0, Math.min(height, y));
        int ix = Math.min((int) cx, width - 1);
        int iy = Math.min((int) cy, height - 1);
        double fx = cx - ix;
        double fy = cy - iy;
        int stride = width + 1;
        double s00 = table[iy * stride + ix];
        double s10 = table[iy * stride + ix + 1];
        double s01 = table[(iy + 1) * stride + ix];
        double s11 = table[(iy + 1) * stride + ix + 1];
        return s00 * (1 - fx) * (1 - fy) + s10 * fx * (1 - fy) + s01 * (1 - fx) * fy
                + s11 * fx * fy;
    }
}
