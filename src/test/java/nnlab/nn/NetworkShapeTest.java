package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.data.InvalidDataException;
import org.junit.jupiter.api.Test;

class NetworkShapeTest {
    @Test
    void courseNetworkHasCourseParameterCount() {
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        assertEquals(10285, shape.parameterCount());
        assertEquals(10025, shape.offset(1));
        assertEquals("400-25-10", shape.toString());
    }

    @Test
    void indexIsColumnMajorAsOctaveUnrolls() {
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        assertEquals(0, shape.index(0, 0, 0));
        assertEquals(1, shape.index(0, 1, 0));
        assertEquals(25, shape.index(0, 0, 1));
        assertEquals(10025 + 3 * 10 + 2, shape.index(1, 2, 3));
    }

    @Test
    void biasIsFirstColumnOfEachTheta() {
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        assertTrue(shape.isBias(24));
        assertFalse(shape.isBias(25));
        assertTrue(shape.isBias(10025 + 9));
        assertFalse(shape.isBias(10025 + 10));
    }

    @Test
    void rejectsEmptyLayer() {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> NetworkShape.of(400, 0, 10));
        assertTrue(e.getMessage().contains("Layer 2"), e.getMessage());
    }
}
