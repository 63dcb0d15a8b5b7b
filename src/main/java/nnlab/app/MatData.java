package nnlab.app;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.io.MatArray;
import nnlab.io.MatFileReader;
import nnlab.io.MatFileWriter;
import nnlab.math.WholeNumbers;
import nnlab.nn.NetworkShape;

/**
 * Reads data sets (variables X and y, as in ex4data1.mat) and weights (Theta1, Theta2, ... as in
 * ex4weights.mat) from MAT files, and writes weights back in the same form.
 */
public final class MatData {
    /** Largest number of weight matrices looked for (Theta1 .. Theta9). */
    private static final int MAX_THETAS = 9;
    /** Largest accepted label, which bounds the output layer at 1000 units. */
    private static final int MAX_LABEL = 1000;

    private MatData() {
    }

    /**
     * Reads X (m x n) and y (m labels 1..K, as an m x 1 or 1 x m array) from a MAT file. K is the
     * largest label. Throws MatFormatException for a malformed file and InvalidDataException for
     * unusable contents.
     */
    public static Dataset readDataset(byte[] bytes) {
        List<MatArray> variables = MatFileReader.read(bytes);
        MatArray x = MatFileReader.require(variables, "X");
        MatArray y = MatFileReader.require(variables, "y");
        int m = x.rows();
        int n = x.cols();
        if (m < 1 || n < 1) {
            throw new InvalidDataException("X must have at least one row and one column, found "
                    + m + "x" + n);
        }
        if (!(y.rows() == m && y.cols() == 1) && !(y.rows() == 1 && y.cols() == m)) {
            throw new InvalidDataException("y must be " + m + "x1, one label per row of X, found "
                    + y.rows() + "x" + y.cols());
        }
        int[] labels = new int[m];
        int numLabels = 0;
        double[] values = y.columnMajor();
        for (int i = 0; i < m; i++) {
            labels[i] = checkLabel(values[i], i);
            numLabels = Math.max(numLabels, labels[i]);
        }
        if (numLabels < 2) {
            throw new InvalidDataException("y must hold at least two different labels, found only"
                    + " label " + numLabels);
        }
        return new Dataset(x.toRowMajor(), labels, m, n, numLabels);
    }

    /** Returns the label as an int, or throws naming the row when it is not a whole 1..1000. */
    private static int checkLabel(double label, int row) {
        if (label >= 1 && label <= MAX_LABEL && WholeNumbers.isWhole(label)) {
            return (int) label;
        }
        String problem;
        if (Double.isNaN(label) || Double.isInfinite(label)) {
            problem = "a finite number";
        } else if (!WholeNumbers.isWhole(label)) {
            problem = "a whole number";
        } else {
            problem = label < 1 ? "at least 1" : "at most " + MAX_LABEL;
        }
        throw new InvalidDataException("y must hold whole-number labels 1..K (10 for the digit"
                + " 0), but the label at row " + (row + 1) + " is " + formatNumber(label)
                + ", which is not " + problem + "; fix y so that every label is one of 1.."
                + MAX_LABEL);
    }

    /** Formats whole numbers without ".0", so a label reads 0 rather than 0.0. */
    private static String formatNumber(double value) {
        if (WholeNumbers.isWhole(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * Reads Theta1, Theta2, ... (as many as the file has, at least two consecutive) and checks that
     * consecutive matrices chain: Theta_{l+1} has 1 + rows(Theta_l) columns.
     */
    public static Weights readWeights(byte[] bytes) {
        List<MatArray> variables = MatFileReader.read(bytes);
        List<MatArray> thetas = new ArrayList<>();
        for (int t = 1; t <= MAX_THETAS; t++) {
            MatArray theta = find(variables, "Theta" + t);
            if (theta == null) {
                break;
            }
            thetas.add(theta);
        }
        if (thetas.size() < 2) {
            MatFileReader.require(variables, "Theta" + (thetas.size() + 1));
        }

        NetworkShape shape = NetworkShape.of(layerSizes(thetas));
        double[] unrolled = new double[shape.parameterCount()];
        for (int t = 0; t < thetas.size(); t++) {
            double[] block = thetas.get(t).columnMajor();
            System.arraycopy(block, 0, unrolled, shape.offset(t), block.length);
        }
        return new Weights(shape, unrolled);
    }

    /** Returns the layer sizes the matrices give, or throws naming the first that does not fit. */
    private static int[] layerSizes(List<MatArray> thetas) {
        MatArray first = thetas.get(0);
        if (first.cols() < 2) {
            throw new InvalidDataException("Theta1 must have at least 2 columns (the bias column"
                    + " and one per input), found " + first.rows() + "x" + first.cols()
                    + "; load weights saved from a trained network");
        }
        int[] sizes = new int[thetas.size() + 1];
        sizes[0] = first.cols() - 1;
        for (int t = 0; t < thetas.size(); t++) {
            MatArray theta = thetas.get(t);
            if (theta.rows() < 1) {
                throw new InvalidDataException("Theta" + (t + 1) + " must have at least one row,"
                        + " one per unit of layer " + (t + 2) + ", found " + theta.rows() + "x"
                        + theta.cols() + "; load weights saved from a trained network");
            }
            if (theta.cols() != sizes[t] + 1) {
                throw new InvalidDataException("Theta" + (t + 1) + " must have " + (sizes[t] + 1)
                        + " columns (1 + the rows of Theta" + t + "), found " + theta.rows() + "x"
                        + theta.cols());
            }
            sizes[t + 1] = theta.rows();
        }
        return sizes;
    }

    /** Writes Theta1, Theta2, ... as double matrices in a compressed MAT file. */
    public static byte[] writeWeights(Weights weights) {
        NetworkShape shape = weights.shape();
        double[] theta = weights.theta();
        List<MatArray> variables = new ArrayList<>();
        for (int t = 0; t < shape.thetaCount(); t++) {
            double[] block = new double[shape.thetaRows(t) * shape.thetaCols(t)];
            System.arraycopy(theta, shape.offset(t), block, 0, block.length);
            variables.add(new MatArray("Theta" + (t + 1), shape.thetaRows(t), shape.thetaCols(t),
                    block));
        }
        return MatFileWriter.write(variables);
    }

    private static MatArray find(List<MatArray> variables, String name) {
        for (MatArray variable : variables) {
            if (variable.name().equals(name)) {
                return variable;
            }
        }
        return null;
    }
}
