package nnlab.optim;

/**
 * The last m pairs s = x_new - x_old and y = g_new - g_old of L-BFGS, and the product of their
 * inverse Hessian estimate H with a vector by the two-loop recursion (Nocedal and Wright,
 * "Numerical Optimization", 2nd ed., chapter 7). H0 = gamma I with gamma = s'y / y'y of the
 * newest pair, so that H has the scale of f's curvature along the last step.
 *
 * <p>Storage: 2 m n doubles, allocated once; the pairs form a ring buffer.
 */
final class LbfgsMemory {

    /**
     * Pairs with s'y at or below this fraction of |s| |y| are skipped. BFGS keeps H positive
     * definite only if s'y > 0, and a nearly orthogonal pair would make H ill-conditioned. A step
     * that satisfies the strong Wolfe conditions always passes.
     */
    static final double MIN_CURVATURE_RATIO = 1e-10;

    private final int capacity;
    /** s of each pair; slot newest contains the newest of size pairs. */
    private final double[][] stepDifferences;
    /** y of each pair, in the same slots as stepDifferences. */
    private final double[][] gradientDifferences;
    /** 1 / s'y of each pair. */
    private final double[] rho;
    /** Scratch for the first loop of the recursion. */
    private final double[] alpha;
    private int size;
    private int newest;
    private double gamma;

    LbfgsMemory(int capacity, int dimension) {
        this.capacity = capacity;
        stepDifferences = new double[capacity][dimension];
        gradientDifferences = new double[capacity][dimension];
        rho = new double[capacity];
        alpha = new double[capacity];
        newest = capacity - 1;
    }

    /** Returns the number of stored pairs, at most the capacity. */
    int size() {
        return size;
    }

    /** Forgets all pairs, so that H becomes the identity. */
    void clear() {
        size = 0;
    }

    /**
     * Stores the pair from a step, replacing the oldest pair when full, unless it fails the
     * curvature test. No argument is modified.
     *
     * @return true if the pair was stored
     */
    boolean offer(double[] xOld, double[] xNew, double[] gradientOld, double[] gradientNew) {
        double sy = 0;
        double ss = 0;
        double yy = 0;
        for (int i = 0; i < xOld.length; i++) {
            double s = xNew[i] - xOld[i];
            double y = gradientNew[i] - gradientOld[i];
            sy += s * y;
            ss += s * s;
            yy += y * y;
        }
        if (!(sy > MIN_CURVATURE_RATIO * Math.sqrt(ss) * Math.sqrt(yy))) {
            return false;
        }
        int slot = (newest + 1) % capacity;
        double[] s = stepDifferences[slot];
        double[] y = gradientDifferences[slot];
        for (int i = 0; i < xOld.length; i++) {
            s[i] = xNew[i] - xOld[i];
            y[i] = gradientNew[i] - gradientOld[i];
        }
        rho[slot] = 1 / sy;
        gamma = sy / yy;
        newest = slot;
        size = Math.min(size + 1, capacity);
        return true;
    }

    /**
     * Sets result = H v by the two-loop recursion; with no pairs, result = v. v is not modified;
     * result may not alias v.
     */
    void multiplyInverseHessian(double[] v, double[] result) {
        System.arraycopy(v, 0, result, 0, v.length);
        for (int k = 0; k < size; k++) {
            int slot = slotOfNewest(k);
            alpha[slot] = rho[slot] * Vectors.dot(stepDifferences[slot], result);
            addScaled(result, -alpha[slot], gradientDifferences[slot]);
        }
        if (size > 0) {
            for (int i = 0; i < result.length; i++) {
                result[i] *= gamma;
            }
        }
        for (int k = size - 1; k >= 0; k--) {
            int slot = slotOfNewest(k);
            double beta = rho[slot] * Vectors.dot(gradientDifferences[slot], result);
            addScaled(result, alpha[slot] - beta, stepDifferences[slot]);
        }
    }

    /** Returns the slot of the k-th newest pair, k = 0 for the newest. */
    private int slotOfNewest(int k) {
        return (newest - k + capacity) % capacity;
    }

    private static void addScaled(double[] target, double factor, double[] v) {
        for (int i = 0; i < target.length; i++) {
            target[i] += factor * v[i];
        }
    }
}
