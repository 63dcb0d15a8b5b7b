package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nnlab.data.InvalidDataException;
import org.junit.jupiter.api.Test;

class SavedSettingsTest {
    @Test
    void validSettingsRoundTrip() {
        Map<String, String> inputs = Map.of(SavedSettings.HIDDEN_UNITS, "25",
                SavedSettings.TRAIN_LAMBDA, "0.5", SavedSettings.ITERATIONS, "100",
                SavedSettings.OPTIMIZER, "cg", SavedSettings.SEED, "-7",
                SavedSettings.COST_LAMBDA, "1e-3", SavedSettings.GRADCHECK_LAMBDA, "3");
        SavedSettings decoded = SavedSettings.decode(SavedSettings.encode(inputs));

        for (Map.Entry<String, String> input : inputs.entrySet()) {
            assertEquals(input.getValue(), decoded.value(input.getKey()), input.getKey());
        }
        assertEquals(List.of(), decoded.problems());
    }

    @Test
    void invalidInputsAreNotSaved() {
        String text = SavedSettings.encode(Map.of(SavedSettings.HIDDEN_UNITS, "0",
                SavedSettings.ITERATIONS, "abc", SavedSettings.TRAIN_LAMBDA, "-1",
                SavedSettings.SEED, "12"));
        assertEquals("nnlab-settings 1\nseed=12\n", text);
    }

    @Test
    void invalidSavedValuesAreListed() {
        SavedSettings decoded = SavedSettings.decode("nnlab-settings 1\nhiddenUnits=5000\n"
                + "trainLambda=Infinity\noptimizer=sgd\ncostLambda=1d\ncolor=red\nseed=4\n");

        assertNull(decoded.value(SavedSettings.HIDDEN_UNITS));
        assertNull(decoded.value(SavedSettings.TRAIN_LAMBDA));
        assertNull(decoded.value(SavedSettings.OPTIMIZER));
        assertNull(decoded.value(SavedSettings.COST_LAMBDA));
        assertEquals("4", decoded.value(SavedSettings.SEED));
        assertEquals(List.of("hiddenUnits = \"5000\" is not a whole number in 1..1000",
                "trainLambda = \"Infinity\" is not a number of 0 or more",
                "optimizer = \"sgd\" is not an optimizer (cg or lbfgs)",
                "costLambda = \"1d\" is not a number of 0 or more",
                "color = \"red\" is not a setting"), decoded.problems());
    }

    @Test
    void foreignEntryIsRejected() {
        assertThrows(InvalidDataException.class, () -> SavedSettings.decode("dark mode"));
        assertThrows(InvalidDataException.class,
                () -> SavedSettings.decode("nnlab-settings 1\nno equals sign\n"));
        assertThrows(InvalidDataException.class,
                () -> SavedSettings.decode("nnlab-settings 1\n" + "x".repeat(5000)));
    }
}
