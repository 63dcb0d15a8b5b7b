package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MethodTest {

    @Test
    void parseAcceptsLowerCaseIds() {
        assertEquals(Method.CONJUGATE_GRADIENT, Method.parse("cg"));
        assertEquals(Method.LBFGS, Method.parse("lbfgs"));
    }

    @Test
    void parseIgnoresCase() {
        assertEquals(Method.CONJUGATE_GRADIENT, Method.parse("CG"));
        assertEquals(Method.LBFGS, Method.parse("LBFGS"));
        assertEquals(Method.LBFGS, Method.parse("LBfgs"));
    }

    @Test
    void parseRejectsUnknownNameListingAcceptedIds() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Method.parse("sgd"));
        String message = error.getMessage();
        assertTrue(message.contains("\"sgd\""), message);
        assertTrue(message.contains("\"cg\""), message);
        assertTrue(message.contains("\"lbfgs\""), message);
    }

    @Test
    void parseRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> Method.parse(null));
    }

    @Test
    void parseRejectsIdWithSpaces() {
        assertThrows(IllegalArgumentException.class, () -> Method.parse(" cg"));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void idRoundTripsThroughParse(Method method) {
        assertEquals(method, Method.parse(method.id()));
    }

    @Test
    void idsAreShortNames() {
        assertEquals("cg", Method.CONJUGATE_GRADIENT.id());
        assertEquals("lbfgs", Method.LBFGS.id());
    }
}
