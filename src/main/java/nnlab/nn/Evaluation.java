package nnlab.nn;

import nnlab.data.Dataset;

/** Accuracy, per-class accuracy and confusion matrix of predictions against the labels. */
public final class Evaluation {
    private final int numLabels;
    private final int[] predicted;
    private final int[][] confusion;
    private final int correct;

    private Evaluation(int numLabels, int[] actual, int[] predicted) {
        this.numLabels = numLabels;
        this.predicted = predicted;
        this.confusion = new int[numLabels][numLabels];
        int hits = 0;
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i] - 1][predicted[i] - 1]++;
            if (actual[i] == predicted[i]) {
                hits++;
            }
        }
        this.correct = hits;
    }

    /** Predicts every example of {@code data} with the network and compares with y. */
    public static Evaluation of(NetworkShape shape, double[] theta, Dataset data) {
        int[] predicted = new Predictor(shape, theta).predictAll(data);
        return new Evaluation(data.numLabels(), data.y(), predicted);
    }

    /** Number of examples. */
    public int count() {
        return predicted.length;
    }

    /** Number of examples whose predicted label equals y. */
    public int correct() {
        return correct;
    }

    /** Fraction of correct predictions, 0..1. */
    public double accuracy() {
        return (double) correct / predicted.length;
    }

    /** Predicted label 1..K of example i. */
    public int predicted(int i) {
        return predicted[i];
    }

    /**
     * Fraction correct among the examples whose label is {@code label} (1..K), or NaN when the data
     * has no such example.
     */
    public double classAccuracy(int label) {
        int total = 0;
        for (int k = 0; k < numLabels; k++) {
            total += confusion[label - 1][k];
        }
        return total == 0 ? Double.NaN : (double) confusion[label - 1][label - 1] / total;
    }

    /**
     * Number of examples with label {@code actual} predicted as {@code predicted} (both 1..K):
     * rows are the true labels, columns the predictions.
     */
    public int confusion(int actual, int predicted) {
        return confusion[actual - 1][predicted - 1];
    }

    public int numLabels() {
        return numLabels;
    }
}
