package nnlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.data.InvalidDataException;
import nnlab.math.WholeNumbers;
import nnlab.optim.Method;

/**
 * The page's settings (training and cost inputs) in the text form kept in the browser's storage.
 * Values are the inputs' text. Each is checked by its setting's rule when saved and again when
 * restored, so a changed or foreign entry can only restore valid values.
 */
public final class SavedSettings {
    public static final String HIDDEN_UNITS = "hiddenUnits";
    public static final String TRAIN_LAMBDA = "trainLambda";
    public static final String ITERATIONS = "iterations";
    public static final String OPTIMIZER = "optimizer";
    public static final String SEED = "seed";
    public static final String COST_LAMBDA = "costLambda";
    public static final String GRADCHECK_LAMBDA = "gradcheckLambda";
    /** Every setting, in the order they are stored. */
    public static final List<String> NAMES = List.of(HIDDEN_UNITS, TRAIN_LAMBDA, ITERATIONS,
            OPTIMIZER, SEED, COST_LAMBDA, GRADCHECK_LAMBDA);

    static final String HEADER = "nnlab-settings 1";
    private static final int MAX_CHARS = 4096;
    private static final String WHAT = "the saved settings";

    private final Map<String, String> values;
    private final List<String> problems;

    private SavedSettings(Map<String, String> values, List<String> problems) {
        this.values = values;
        this.problems = problems;
    }

    /**
     * Returns the stored text of the settings that are valid. Unknown names and invalid values
     * are left out, so that a value the user is still typing never replaces a saved one.
     *
     * @param inputs setting name to the input's text; not modified
     */
    public static String encode(Map<String, String> inputs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = inputs.get(name);
            if (value != null && problem(name, value) == null) {
                fields.put(name, value.trim());
            }
        }
        return KeyValueText.format(HEADER, fields);
    }

    /**
     * Parses text written by {@link #encode}. Invalid values and unknown names are skipped and
     * listed in {@link #problems()}.
     *
     * @throws InvalidDataException when the text is not a settings entry at all
     */
    public static SavedSettings decode(String text) {
        Map<String, String> fields = KeyValueText.parse(text, HEADER, WHAT, MAX_CHARS);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            String value = field.getValue().trim();
            String problem = NAMES.contains(name) ? problem(name, value) : "is not a setting";
            if (problem == null) {
                values.put(name, value);
            } else {
                problems.add(KeyValueText.shorten(name) + " = \"" + KeyValueText.shorten(value)
                        + "\" " + problem);
            }
        }
        return new SavedSettings(values, problems);
    }

    /** Returns the saved text of the setting, or null when none was saved or it was invalid. */
    public String value(String name) {
        return values.get(name);
    }

    /** Descriptions of the skipped fields, such as "seed = \"x\" is not a whole number". */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Returns null when the value is valid for the setting, else what is wrong with it. */
    static String problem(String name, String value) {
        switch (name) {
            case HIDDEN_UNITS:
                return wholeNumberProblem(value, 1, TrainingSettings.MAX_HIDDEN);
            case ITERATIONS:
                return wholeNumberProblem(value, 1, TrainingSettings.MAX_ITERATIONS);
            case SEED:
                return wholeNumberProblem(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case OPTIMIZER:
                try {
                    Method.parse(value.trim());
                    return null;
                } catch (IllegalArgumentException e) {
                    return "is not an optimizer (cg or lbfgs)";
                }
            default:
                double lambda = parse(value);
                return lambda >= 0 && !Double.isInfinite(lambda) ? null
                        : "is not a number of 0 or more";
        }
    }

    private static String wholeNumberProblem(String value, double min, double max) {
        double number = parse(value);
        if (WholeNumbers.isWhole(number) && number >= min && number <= max) {
            return null;
        }
        return "is not a whole number in " + (long) min + ".." + (long) max;
    }

    /**
     * Parses a decimal number as an HTML number input accepts it; NaN for empty text and for
     * forms that Java parses but the input rejects, such as "1d", "0x1p3" or "Infinity".
     */
    private static double parse(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < text.length(); i++) {
            if ("0123456789.eE+-".indexOf(text.charAt(i)) < 0) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
