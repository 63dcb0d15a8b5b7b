package nnlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import org.junit.jupiter.api.Test;

class DigitSheetTest {
    private static final double EXACT = 0;

    @Test
    void pixelRoundTripIsColumnMajor() {
        int[] gray = new int[DigitSheet.WIDTH * DigitSheet.HEIGHT];
        int cell = 1234;
        int row = 3;
        int col = 17;
        int top = (cell / 100) * 20;
        int left = (cell % 100) * 20;
        gray[(top + row) * DigitSheet.WIDTH + left + col] = 255;
        Dataset data = DigitSheet.decode(DigitSheet.WIDTH, DigitSheet.HEIGHT, gray);
        double[] x = data.x();
        assertEquals(1.0, x[cell * 400 + col * 20 + row], EXACT);
        assertEquals(0.0, x[cell * 400 + row * 20 + col], EXACT);
        double total = 0;
        for (double v : x) {
            total += v;
        }
        assertEquals(1.0, total, EXACT);
    }

    @Test
    void labelsFollowDigitBlocks() {
        Dataset data = DigitSheet.decode(DigitSheet.WIDTH, DigitSheet.HEIGHT,
                new int[DigitSheet.WIDTH * DigitSheet.HEIGHT]);
        assertEquals(10, data.y()[0]);
        assertEquals(10, data.y()[499]);
        assertEquals(1, data.y()[500]);
        assertEquals(9, data.y()[4999]);
        assertEquals(5000, data.m());
        assertEquals(400, data.n());
        assertEquals(20, data.imageSide());
    }

    @Test
    void grayLevelsScaleToUnitInterval() {
        int[] gray = new int[DigitSheet.WIDTH * DigitSheet.HEIGHT];
        gray[0] = 51;
        Dataset data = DigitSheet.decode(DigitSheet.WIDTH, DigitSheet.HEIGHT, gray);
        assertEquals(0.2, data.x()[0], 1e-15);
    }

    @Test
    void rejectsWrongSheetSize() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DigitSheet.decode(100, 100, new int[10000]));
        assertTrue(e.getMessage().contains("2000x1000"), e.getMessage());
        assertTrue(e.getMessage().contains("100x100"),
                e.getMessage());
    }
}
