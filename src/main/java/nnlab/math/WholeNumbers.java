package nnlab.math;

/**
 * A test for whole numbers that also works in TeaVM's JavaScript output, where Math.rint is
 * computed through Math.round's long result: there it throws a RangeError for NaN and infinities
 * and rounds halves up instead of to even.
 */
public final class WholeNumbers {
    private WholeNumbers() {
    }

    /** Returns true when {@code value} is finite and has no fractional part. */
    public static boolean isWhole(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value) && value == Math.floor(value);
    }
}
