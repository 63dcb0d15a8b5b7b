package nnlab.web;

import org.teavm.jso.JSBody;

/**
 * Number formatting for the page. It uses JavaScript's Number methods because TeaVM's
 * String.format does not support %e or %g.
 */
final class Format {
    private Format() {
    }

    /** Formats with a fixed number of decimals, as 0.290845 for 6. */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return toFixed(value, decimals);
    }

    /** Formats in scientific notation with {@code decimals} digits after the point: 2.3e-11. */
    static String scientific(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return toExponential(value, decimals);
    }

    /** Formats a fraction 0..1 as a percentage with two decimals, without the % sign: 97.60. */
    static String percent(double fraction) {
        return fixed(100 * fraction, 2);
    }

    /** Formats milliseconds as seconds with one decimal: "12.3 s". */
    static String seconds(double millis) {
        return fixed(millis / 1000, 1) + " s";
    }

    /** Formats with the fewest digits that read back as the same number: 1, 0.5, 1e-7. */
    @JSBody(params = "value", script = "return String(value);")
    static native String shortNumber(double value);

    @JSBody(params = {"value", "decimals"}, script = "return value.toFixed(decimals);")
    private static native String toFixed(double value, int decimals);

    @JSBody(params = {"value", "decimals"}, script = "return value.toExponential(decimals);")
    private static native String toExponential(double value, int decimals);
}
