package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawingPreprocessorTest {
    private static final int SIZE = 280;
    private static final double CENTRE_TOLERANCE = 0.25;

    @Test
    void emptyDrawingGivesNoInput() {
        assertNull(DrawingPreprocessor.toInput(new double[SIZE * SIZE], SIZE, SIZE));
    }

    @Test
    void strokeInCornerIsMovedToCentre() {
        double[] ink = new double[SIZE * SIZE];
        fillRectangle(ink, 10, 10, 30, 90);
        double[] input = DrawingPreprocessor.toInput(ink, SIZE, SIZE);
        double[] centre = centreOfMass(input);
        assertEquals(10.0, centre[0], CENTRE_TOLERANCE);
        assertEquals(10.0, centre[1], CENTRE_TOLERANCE);
    }

    @Test
    void longerSideSpansTwentyOfTwentyEightPixels() {
        double[] ink = new double[SIZE * SIZE];
        fillRectangle(ink, 100, 20, 120, 260);
        double[] input = DrawingPreprocessor.toInput(ink, SIZE, SIZE);
        int firstRow = 20;
        int lastRow = -1;
        for (int row = 0; row < 20; row++) {
            for (int col = 0; col < 20; col++) {
                if (input[col * 20 + row] > 0.5) {
                    firstRow = Math.min(firstRow, row);
                    lastRow = Math.max(lastRow, row);
                }
            }
        }
        int height = lastRow - firstRow + 1;
        assertTrue(height >= 13, "vertical extent " + height
                + " pixels, expected 20 * 20/28 = 14.3");
        assertTrue(height <= 15, "vertical extent " + height
                + " pixels, expected 20 * 20/28 = 14.3");
    }

    @Test
    void outputIsColumnMajorAndKeepsAspectRatio() {
        double[] ink = new double[SIZE * SIZE];
        fillRectangle(ink, 100, 20, 120, 260);
        double[] input = DrawingPreprocessor.toInput(ink, SIZE, SIZE);
        double columnTen = 0;
        double rowTen = 0;
        for (int k = 0; k < 20; k++) {
            columnTen += input[9 * 20 + k];
            rowTen += input[k * 20 + 9];
        }
        assertTrue(columnTen > 3 * rowTen, "a vertical bar fills column 10 (" + columnTen
                + "), not row 10 (" + rowTen + ")");
    }

    @Test
    void valuesStayInUnitInterval() {
        double[] ink = new double[SIZE * SIZE];
        fillRectangle(ink, 50, 50, 230, 230);
        for (double v : DrawingPreprocessor.toInput(ink, SIZE, SIZE)) {
            assertTrue(v >= 0, "value " + v);
            assertTrue(v <= 1, "value " + v);
        }
    }

    @Test
    void inkExtentIsLongerSideOfBoundingBox() {
        double[] ink = new double[SIZE * SIZE];
        assertEquals(0, DrawingPreprocessor.inkExtent(ink, SIZE, SIZE));
        fillRectangle(ink, 100, 20, 120, 260);
        assertEquals(240, DrawingPreprocessor.inkExtent(ink, SIZE, SIZE));
    }

    @Test
    void reusedTableGivesSameInput() {
        double[] table = new double[(SIZE + 1) * (SIZE + 1)];
        double[] first = new double[SIZE * SIZE];
        fillRectangle(first, 40, 30, 90, 250);
        DrawingPreprocessor.toInput(first, SIZE, SIZE, table);
        double[] second = new double[SIZE * SIZE];
        fillRectangle(second, 150, 60, 260, 100);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                DrawingPreprocessor.toInput(second, SIZE, SIZE),
                DrawingPreprocessor.toInput(second, SIZE, SIZE, table));
    }

    private static void fillRectangle(double[] ink, int left, int top, int right, int bottom) {
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                ink[y * SIZE + x] = 1;
            }
        }
    }

    /** Centre of mass (x, y) in pixel units of a column-major 20x20 image, pixel centres at +0.5. */
    private static double[] centreOfMass(double[] image) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int col = 0; col < 20; col++) {
            for (int row = 0; row < 20; row++) {
                double v = image[col * 20 + row];
                mass += v;
                sumX += v * (col + 0.5);
                sumY += v * (row + 0.5);
            }
        }
        return new double[] {sumX / mass, sumY / mass};
    }
}
