package nnlab.nn;

import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.math.Sigmoid;
import nnlab.math.SparseRows;

/**
 * The vectorized forward and backward pass over a contiguous range of examples, summing the
 * cross-entropy cost and the gradient without dividing by m and without regularization, so that
 * several ranges (one per worker) can be added up and finished by {@link CostFunction}.
 *
 * <p>Notation, for examples i in the range (c of them) and weight matrices t = 0 .. L-2:
 * <ul>
 *   <li>a1 = X rows (c x s_1, bias handled separately, never stored as a column of ones);</li>
 *   <li>z_{t+2} = a_{t+1} Theta_{t+1}^T: c x s_{t+2}; a_{t+2} = g(z_{t+2});</li>
 *   <li>h = a_L; cost sum = sum_i sum_k -y_ik log h_ik - (1 - y_ik) log(1 - h_ik), with y_ik the
 *       one-hot label;</li>
 *   <li>delta_L = h - y; delta_l = (delta_{l+1} Theta_l(:, 2:end)) .* a_l .* (1 - a_l);</li>
 *   <li>gradient sum of Theta_l = delta_{l+1}^T [1 a_l].</li>
 * </ul>
 * Every matrix is stored row-major with one example per row. The unrolled parameter block of
 * Theta_l, read row-major, is Theta_l^T with the bias row first, so every inner loop runs over
 * contiguous memory of length s_{l+1}.
 *
 * <p>The input layer is read either densely or through the sparse rows of X; both visit the
 * nonzero inputs in the same order, so they give the same sums apart from terms 0 * w.
 * An instance owns its work buffers and is not safe for concurrent use.
 */
public final class Backpropagation {
    private final NetworkShape shape;
    private final Dataset data;
    private final int from;
    private final int count;
    private final boolean sparseInput;
    /** activations[l]: a_{l+1} for hidden layers l = 1 .. L-2, c x s_{l+1}; index 0 unused. */
    private final double[][] activations;
    /** deltas[l]: delta_{l+1} for l = 1 .. L-1, c x s_{l+1}; the output one first contains z_L. */
    private final double[][] deltas;
    /** The range's rows of X by column (X^T in sparse rows), when the input is read sparsely. */
    private final SparseRows inputColumns;

    /**
     * Prepares the pass over examples {@code from .. to-1} of {@code data}.
     *
     * @param sparseInput true to read X through its sparse rows (faster on the digit images)
     */
    public Backpropagation(NetworkShape shape, Dataset data, int from, int to,
            boolean sparseInput) {
        checkFits(shape, data);
        if (from < 0 || to > data.m() || from >= to) {
            throw new IllegalArgumentException("Example range must lie within 0.." + data.m()
                    + " and be non-empty, found " + from + ".." + to);
        }
        this.shape = shape;
        this.data = data;
        this.from = from;
        this.count = to - from;
        this.sparseInput = sparseInput;
        int layers = shape.layerCount();
        this.activations = new double[layers - 1][];
        this.deltas = new double[layers][];
        for (int l = 1; l < layers; l++) {
            if (l < layers - 1) {
                activations[l] = new double[count * shape.size(l)];
            }
            deltas[l] = new double[count * shape.size(l)];
        }
        this.inputColumns = sparseInput ? data.sparseX().transposeRows(from, to) : null;
    }

    /** Throws when the network's input and output sizes do not match the data's n and K. */
    public static void checkFits(NetworkShape shape, Dataset data) {
        if (shape.inputSize() != data.n()) {
            throw new InvalidDataException("The network's input layer must have one unit per"
                    + " column of X (" + data.n() + "), found " + shape.inputSize());
        }
        if (shape.outputSize() != data.numLabels()) {
            throw new InvalidDataException("The network's output layer must have one unit per"
                    + " label (" + data.numLabels() + "), found " + shape.outputSize());
        }
    }

    /** Number of examples in the range. */
    public int count() {
        return count;
    }

    /**
     * Runs forward propagation and, when {@code gradientSum} is not null, backpropagation.
     *
     * @param theta the unrolled parameters, not modified
     * @param gradientSum null, or an array of the parameter count to which this range's
     *     unnormalized gradient is added (it is not cleared first)
     * @return the range's summed cross-entropy, not divided by m
     */
    public double accumulate(double[] theta, double[] gradientSum) {
        if (theta.length != shape.parameterCount()) {
            throw new InvalidDataException("The parameter vector must have "
                    + shape.parameterCount() + " entries for a " + shape + " network, found "
                    + theta.length);
        }
        int last = shape.layerCount() - 1;
        for (int t = 0; t < last; t++) {
            double[] target = t + 1 < last ? activations[t + 1] : deltas[last];
            forwardLayer(t, theta, target);
            if (t + 1 < last) {
                for (int p = 0; p < target.length; p++) {
                    target[p] = Sigmoid.value(target[p]);
                }
            }
        }
        double cost = outputCostAndDelta();
        if (gradientSum != null) {
            for (int t = last - 1; t >= 0; t--) {
                addWeightGradient(t, gradientSum);
                if (t > 0) {
                    propagateDelta(t, theta);
                }
            }
        }
        return cost;
    }

    /** z = [1 a_t] Theta_t^T for every example, written into {@code z} (c x s_{t+1}). */
    private void forwardLayer(int t, double[] theta, double[] z) {
        if (t == 0 && sparseInput) {
            SparseProducts.forward(data.sparseX(), from, count, theta, shape.offset(0),
                    shape.size(1), z);
            return;
        }
        int out = shape.size(t + 1);
        int offset = shape.offset(t);
        int in = shape.size(t);
        double[] a = t == 0 ? data.x() : activations[t];
        for (int i = 0; i < count; i++) {
            int row = i * out;
            System.arraycopy(theta, offset, z, row, out);
            int aRow = t == 0 ? (from + i) * in : i * in;
            for (int j = 0; j < in; j++) {
                axpy(a[aRow + j], theta, offset + (j + 1) * out, z, row, out);
            }
        }
    }

    /** Turns z_L (held in the output delta buffer) into delta_L = h - y; returns the cost sum. */
    private double outputCostAndDelta() {
        int numLabels = shape.outputSize();
        double[] delta = deltas[shape.layerCount() - 1];
        int[] y = data.y();
        double cost = 0;
        for (int i = 0; i < count; i++) {
            int label = y[from + i];
            int row = i * numLabels;
            for (int k = 0; k < numLabels; k++) {
                // One exponential serves g(z) and both logarithms; the values equal those of
                // Sigmoid.value, negativeLogValue and negativeLogComplement bit for bit.
                double z = delta[row + k];
                double e = Math.exp(-Math.abs(z));
                double h = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                boolean positive = label == k + 1;
                cost += Math.max(positive ? -z : z, 0.0) + Math.log1p(e);
                delta[row + k] = h - (positive ? 1.0 : 0.0);
            }
        }
        return cost;
    }

    /** gradientSum(Theta_t) += delta_{t+1}^T [1 a_t]. */
    private void addWeightGradient(int t, double[] gradientSum) {
        int out = shape.size(t + 1);
        int offset = shape.offset(t);
        double[] delta = deltas[t + 1];
        for (int i = 0; i < count; i++) {
            int row = i * out;
            for (int k = 0; k < out; k++) {
                gradientSum[offset + k] += delta[row + k];
            }
        }
        if (t == 0 && sparseInput) {
            SparseProducts.addGradient(inputColumns, delta, out, gradientSum, offset + out);
            return;
        }
        int in = shape.size(t);
        double[] a = t == 0 ? data.x() : activations[t];
        for (int i = 0; i < count; i++) {
            int row = i * out;
            int aRow = t == 0 ? (from + i) * in : i * in;
            for (int j = 0; j < in; j++) {
                axpy(a[aRow + j], delta, row, gradientSum, offset + (j + 1) * out, out);
            }
        }
    }

    /** delta_t = (delta_{t+1} Theta_t(:, 2:end)) .* a_t .* (1 - a_t), the bias column dropped. */
    private void propagateDelta(int t, double[] theta) {
        int out = shape.size(t + 1);
        int in = shape.size(t);
        int offset = shape.offset(t);
        double[] next = deltas[t + 1];
        double[] a = activations[t];
        double[] delta = deltas[t];
        for (int i = 0; i < count; i++) {
            int row = i * out;
            for (int j = 0; j < in; j++) {
                int w = offset + (j + 1) * out;
                double sum = 0;
                for (int k = 0; k < out; k++) {
                    sum += next[row + k] * theta[w + k];
                }
                double aij = a[i * in + j];
                delta[i * in + j] = sum * aij * (1.0 - aij);
            }
        }
    }

    /** target[targetStart + k] += factor * source[sourceStart + k] for k in 0..length-1. */
    private static void axpy(double factor, double[] source, int sourceStart, double[] target,
            int targetStart, int length) {
        if (factor == 0.0) {
            return;
        }
        for (int k = 0; k < length; k++) {
            target[targetStart + k] += factor * source[sourceStart + k];
        }
    }
}
