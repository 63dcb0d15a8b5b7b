package nnlab.optim;

/** Dense vector operations on double[] used by the optimizers; none allocates. */
final class Vectors {

    private Vectors() {
    }

    /** Returns a'b. */
    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Returns max_i |v_i|, or 0 for an empty vector. */
    static double maxAbs(double[] v) {
        double max = 0;
        for (int i = 0; i < v.length; i++) {
            double magnitude = Math.abs(v[i]);
            if (magnitude > max) {
                max = magnitude;
            }
        }
        return max;
    }

    /** Returns true if no entry of v is NaN or infinite. */
    static boolean allFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code result = x + step * direction}; result may not alias x or direction. */
    static void moveAlong(double[] x, double step, double[] direction, double[] result) {
        for (int i = 0; i < x.length; i++) {
            result[i] = x[i] + step * direction[i];
        }
    }

    /** Sets {@code result = -source}; result may be source. */
    static void negate(double[] source, double[] result) {
        for (int i = 0; i < source.length; i++) {
            result[i] = -source[i];
        }
    }
}
