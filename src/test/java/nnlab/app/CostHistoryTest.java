package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.data.InvalidDataException;
import org.junit.jupiter.api.Test;

class CostHistoryTest {
    private static CostHistory threeRows() {
        CostHistory history = new CostHistory();
        history.add(1, 3.287123456789123, 12.34);
        history.add(2, 1.5, 20.0);
        history.add(3, 0.34351, 31.06);
        return history;
    }

    @Test
    void csvHasHeaderAndOneLinePerRow() {
        assertEquals("iteration,cost,elapsed_ms\n1,3.287123456789123,12.3\n2,1.5,20.0\n"
                + "3,0.34351,31.1\n", threeRows().toCsv());
    }

    @Test
    void csvRoundTripKeepsCosts() {
        CostHistory parsed = CostHistory.parseCsv(threeRows().toCsv());
        assertEquals(3, parsed.size());
        assertEquals(3.287123456789123, parsed.cost(0));
        assertEquals(3, parsed.iteration(2));
        assertEquals(31.1, parsed.elapsedMillis(2));
        assertEquals(31.1, parsed.lastElapsedMillis());
        assertEquals(3, parsed.lastIteration());
    }

    @Test
    void emptyHistoryIsHeaderOnly() {
        CostHistory history = new CostHistory();
        assertEquals("iteration,cost,elapsed_ms\n", history.toCsv());
        assertEquals(0, CostHistory.parseCsv(history.toCsv()).size());
        assertEquals(0, history.lastElapsedMillis());
    }

    @Test
    void nonFiniteCostsRoundTrip() {
        CostHistory history = new CostHistory();
        history.add(1, Double.NaN, 1);
        history.add(2, Double.POSITIVE_INFINITY, 2);
        CostHistory parsed = CostHistory.parseCsv(history.toCsv());
        assertTrue(Double.isNaN(parsed.cost(0)));
        assertEquals(Double.POSITIVE_INFINITY, parsed.cost(1));
    }

    @Test
    void wrongHeaderIsRejected() {
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> CostHistory.parseCsv("a,b,c\n1,2,3\n"));
        assertTrue(error.getMessage().contains("starts with \"a,b,c\""), error.getMessage());
    }

    @Test
    void badLineIsNamed() {
        InvalidDataException error = assertThrows(InvalidDataException.class,
                () -> CostHistory.parseCsv("iteration,cost,elapsed_ms\n1,0.5,3\n2,abc,4\n"));
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
        InvalidDataException fields = assertThrows(InvalidDataException.class,
                () -> CostHistory.parseCsv("iteration,cost,elapsed_ms\n1,0.5\n"));
        assertTrue(fields.getMessage().contains("2 fields instead of 3"), fields.getMessage());
        InvalidDataException iteration = assertThrows(InvalidDataException.class,
                () -> CostHistory.parseCsv("iteration,cost,elapsed_ms\n1.5,0.5,1\n"));
        assertTrue(iteration.getMessage().contains("iteration 1.5"), iteration.getMessage());
    }

    @Test
    void rowsStopAtMaximum() {
        CostHistory history = new CostHistory();
        for (int i = 0; i <= CostHistory.MAX_ROWS; i++) {
            history.add(i + 1, 1, i);
        }
        assertEquals(CostHistory.MAX_ROWS, history.size());
        assertEquals(CostHistory.MAX_ROWS, history.lastIteration());
    }

    @Test
    void rowOutsideHistoryThrows() {
        assertThrows(IndexOutOfBoundsException.class, () -> threeRows().cost(3));
    }
}
