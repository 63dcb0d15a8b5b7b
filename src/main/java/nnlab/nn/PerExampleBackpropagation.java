package nnlab.nn;

import nnlab.data.Dataset;
import nnlab.math.Sigmoid;

/**
 * The course's first, unvectorized backpropagation: a loop over the examples t = 1..m that runs
 * forward propagation, computes delta_L = a_L - y_t and delta_l = Theta_l^T delta_{l+1} .* g'(z_l)
 * (bias row dropped), and accumulates Delta_l += delta_{l+1} a_l^T. It reads each Theta(k, j)
 * through {@link NetworkShape#index} and uses log(h) directly, so it shares no loop with
 * {@link Backpropagation}; it is slow and exists as the tests' reference.
 */
public final class PerExampleBackpropagation {
    private PerExampleBackpropagation() {
    }

    /**
     * Returns J(theta) with regularization lambda and writes the gradient into {@code gradient}
     * (overwritten). Neither theta nor the data is modified.
     */
    public static double costAndGradient(NetworkShape shape, Dataset data, double lambda,
            double[] theta, double[] gradient) {
        Backpropagation.checkFits(shape, data);
        int layers = shape.layerCount();
        int m = data.m();
        int n = data.n();
        java.util.Arrays.fill(gradient, 0.0);
        double cost = 0;
        double[][] a = new double[layers][];
        double[][] z = new double[layers][];
        double[][] delta = new double[layers][];
        for (int i = 0; i < m; i++) {
            // Forward propagation; a[l][0] is the bias unit.
            a[0] = new double[n + 1];
            a[0][0] = 1;
            System.arraycopy(data.x(), i * n, a[0], 1, n);
            for (int l = 1; l < layers; l++) {
                int units = shape.size(l);
                z[l] = new double[units];
                a[l] = new double[units + 1];
                a[l][0] = 1;
                for (int k = 0; k < units; k++) {
                    double sum = 0;
                    for (int j = 0; j < a[l - 1].length; j++) {
                        sum += theta[shape.index(l - 1, k, j)] * a[l - 1][j];
                    }
                    z[l][k] = sum;
                    a[l][k + 1] = Sigmoid.value(sum);
                }
            }

            // Cost of example i and the output error.
            int numLabels = shape.outputSize();
            delta[layers - 1] = new double[numLabels];
            for (int k = 0; k < numLabels; k++) {
                double h = a[layers - 1][k + 1];
                double y = data.y()[i] == k + 1 ? 1.0 : 0.0;
                cost += -y * Math.log(h) - (1 - y) * Math.log(1 - h);
                delta[layers - 1][k] = h - y;
            }

            // Backpropagation of the error through the hidden layers.
            for (int l = layers - 2; l >= 1; l--) {
                delta[l] = new double[shape.size(l)];
                for (int j = 0; j < shape.size(l); j++) {
                    double sum = 0;
                    for (int k = 0; k < shape.size(l + 1); k++) {
                        sum += theta[shape.index(l, k, j + 1)] * delta[l + 1][k];
                    }
                    delta[l][j] = sum * Sigmoid.gradient(z[l][j]);
                }
            }

            // Delta_l += delta_{l+1} a_l^T
            for (int l = 0; l < layers - 1; l++) {
                for (int k = 0; k < shape.size(l + 1); k++) {
                    for (int j = 0; j < a[l].length; j++) {
                        gradient[shape.index(l, k, j)] += delta[l + 1][k] * a[l][j];
                    }
                }
            }
        }

        double squares = 0;
        for (int p = 0; p < theta.length; p++) {
            gradient[p] /= m;
            if (!shape.isBias(p)) {
                gradient[p] += lambda / m * theta[p];
                squares += theta[p] * theta[p];
            }
        }
        return cost / m + lambda / (2.0 * m) * squares;
    }
}
