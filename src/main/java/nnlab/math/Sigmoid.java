package nnlab.math;

/**
 * The logistic function g(z) = 1 / (1 + e^-z), its derivative and the two logarithms the
 * cross-entropy cost needs, written so that no finite z gives NaN or an infinite result.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /**
     * Returns g(z) = 1 / (1 + e^-z). For z < 0 the algebraically equal e^z / (1 + e^z) is used, so
     * e^-z never overflows; the result is in [0, 1] for every finite z.
     */
    public static double value(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** Returns g'(z) = g(z) (1 - g(z)), the course's sigmoidGradient. */
    public static double gradient(double z) {
        double g = value(z);
        return g * (1.0 - g);
    }

    /**
     * Returns -log g(z) = log(1 + e^-z), computed as max(-z, 0) + log1p(e^-|z|). The direct form
     * -log(g(z)) gives +Infinity once g(z) rounds to 0 (z below about -745) and loses all digits
     * long before that.
     */
    public static double negativeLogValue(double z) {
        return Math.max(-z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** Returns -log(1 - g(z)) = -log g(-z), with the same care as {@link #negativeLogValue}. */
    public static double negativeLogComplement(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
