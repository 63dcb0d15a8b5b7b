package nnlab.nn;

import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.math.Sigmoid;

/**
 * Forward propagation for prediction: h = a_L for one example, and the course's predict, which
 * takes the label of the largest output, the first one on ties as Octave's max does.
 */
public final class Predictor {
    private final NetworkShape shape;
    private final double[] theta;
    private final double[][] activations;

    /** Wraps the network; {@code theta} is copied, so later changes to it have no effect. */
    public Predictor(NetworkShape shape, double[] theta) {
        if (theta.length != shape.parameterCount()) {
            throw new InvalidDataException("The parameter vector must have "
                    + shape.parameterCount() + " entries for a " + shape + " network, found "
                    + theta.length);
        }
        this.shape = shape;
        this.theta = theta.clone();
        this.activations = new double[shape.layerCount()][];
        for (int l = 1; l < shape.layerCount(); l++) {
            activations[l] = new double[shape.size(l)];
        }
    }

    public NetworkShape shape() {
        return shape;
    }

    /**
     * Returns the K output activations h_k(x), each in [0, 1], for one example x of length n
     * (read from {@code x[start .. start+n-1]}, not modified). The array returned is new.
     */
    public double[] probabilities(double[] x, int start) {
        if (start < 0 || start + shape.inputSize() > x.length) {
            throw new InvalidDataException("An example must have " + shape.inputSize()
                    + " values, found " + (x.length - start));
        }
        for (int t = 0; t < shape.thetaCount(); t++) {
            double[] out = activations[t + 1];
            int rows = shape.thetaRows(t);
            int offset = shape.offset(t);
            System.arraycopy(theta, offset, out, 0, rows);
            int in = shape.size(t);
            for (int j = 0; j < in; j++) {
                double a = t == 0 ? x[start + j] : activations[t][j];
                if (a != 0) {
                    int w = offset + (j + 1) * rows;
                    for (int k = 0; k < rows; k++) {
                        out[k] += a * theta[w + k];
                    }
                }
            }
            for (int k = 0; k < rows; k++) {
                out[k] = Sigmoid.value(out[k]);
            }
        }
        return activations[shape.layerCount() - 1].clone();
    }

    /** Returns the predicted label 1..K of one example. */
    public int predict(double[] x, int start) {
        return argMax(probabilities(x, start)) + 1;
    }

    /** Returns the predicted label 1..K of every example of {@code data}. */
    public int[] predictAll(Dataset data) {
        Backpropagation.checkFits(shape, data);
        int[] labels = new int[data.m()];
        for (int i = 0; i < data.m(); i++) {
            labels[i] = predict(data.x(), i * data.n());
        }
        return labels;
    }

    /** Returns the index of the largest value, the first one on ties. */
    public static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
