package nnlab.app;

import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.nn.NetworkShape;

/** A network's shape with its unrolled parameters in the course's order (Theta1(:); Theta2(:)...). */
public final class Weights {
    private final NetworkShape shape;
    private final double[] theta;

    /** Wraps the parameters after checking their count and that every value is finite. */
    public Weights(NetworkShape shape, double[] theta) {
        if (theta.length != shape.parameterCount()) {
            throw new InvalidDataException("A " + shape + " network needs "
                    + shape.parameterCount() + " parameters, found " + theta.length);
        }
        for (int p = 0; p < theta.length; p++) {
            if (Double.isNaN(theta[p]) || Double.isInfinite(theta[p])) {
                throw new InvalidDataException("Weights must be finite numbers, found " + theta[p]
                        + " in " + describe(shape, p) + "; use weights without NaN or"
                        + " infinite values");
            }
        }
        this.shape = shape;
        this.theta = theta.clone();
    }

    public NetworkShape shape() {
        return shape;
    }

    /** Returns a copy of the unrolled parameters. */
    public double[] theta() {
        return theta.clone();
    }

    /** Throws a message naming both sizes when the weights do not fit the data set. */
    public void checkFits(Dataset data) {
        if (shape.inputSize() != data.n()) {
            throw new InvalidDataException("Theta1 must have " + (data.n() + 1)
                    + " columns for data with " + data.n() + " features, found "
                    + shape.thetaCols(0) + " (Theta1 is " + shape.thetaRows(0) + "x"
                    + shape.thetaCols(0) + "). Load weights trained on this kind of data.");
        }
        if (shape.outputSize() != data.numLabels()) {
            int last = shape.thetaCount() - 1;
            throw new InvalidDataException("Theta" + (last + 1) + " must have " + data.numLabels()
                    + " rows, one per label of the data, found " + shape.thetaRows(last)
                    + ". Load weights trained on this kind of data.");
        }
    }

    /** Names the matrix and 1-based element of parameter p, as "Theta2(3, 1)". */
    static String describe(NetworkShape shape, int p) {
        for (int t = 0; t < shape.thetaCount(); t++) {
            if (p < shape.offset(t + 1)) {
                int local = p - shape.offset(t);
                int rows = shape.thetaRows(t);
                return "Theta" + (t + 1) + "(" + (local % rows + 1) + ", " + (local / rows + 1) + ")";
            }
        }
        return "parameter " + p;
    }
}
