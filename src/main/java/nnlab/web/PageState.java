package nnlab.web;

import java.util.ArrayList;
import java.util.List;
import nnlab.app.Weights;
import nnlab.data.Dataset;

/**
 * The state the sections share: the current data set and weights with the names of their sources,
 * and whether a training run is going on. Sections register listeners and redraw when a value
 * changes; the versions let the worker client tell whether the worker has the current data.
 */
final class PageState {
    private final List<Runnable> dataListeners = new ArrayList<>();
    private final List<Runnable> weightsListeners = new ArrayList<>();
    private final List<Runnable> trainingListeners = new ArrayList<>();
    private Dataset data;
    private String dataSource = "";
    private int dataVersion;
    private Weights weights;
    private String weightsSource = "";
    private double weightsCost = Double.NaN;
    private double weightsAccuracy = Double.NaN;
    private boolean training;

    /** Returns the data set, or null before the digits have loaded. */
    Dataset data() {
        return data;
    }

    String dataSource() {
        return dataSource;
    }

    /** Increases by one whenever the data set is replaced. */
    int dataVersion() {
        return dataVersion;
    }

    /** Returns the current weights, or null before any were loaded or trained. */
    Weights weights() {
        return weights;
    }

    String weightsSource() {
        return weightsSource;
    }

    /** J(Θ) that training reached with the current weights, NaN for weights from a file. */
    double weightsCost() {
        return weightsCost;
    }

    /** Training-set accuracy 0..1 of the current weights after training, else NaN. */
    double weightsAccuracy() {
        return weightsAccuracy;
    }

    boolean isTraining() {
        return training;
    }

    void setData(Dataset newData, String source) {
        data = newData;
        dataSource = source;
        dataVersion++;
        notify(dataListeners);
    }

    /** Replaces the weights with ones whose training cost and accuracy are unknown. */
    void setWeights(Weights newWeights, String source) {
        setWeights(newWeights, source, Double.NaN, Double.NaN);
    }

    /**
     * Replaces the weights.
     *
     * @param cost J(Θ) that training reached, or NaN
     * @param accuracy training-set accuracy 0..1 after training, or NaN
     */
    void setWeights(Weights newWeights, String source, double cost, double accuracy) {
        weights = newWeights;
        weightsSource = source;
        weightsCost = cost;
        weightsAccuracy = accuracy;
        // Each view of the new weights (cost, drawing, hidden units, storage) is its own task:
        // together they can exceed 50 ms, which would block input on a busy machine.
        Dom.runInTurns("Updating the page for the new weights",
                weightsListeners.toArray(new Runnable[0]));
    }

    void setTraining(boolean running) {
        training = running;
        Dom.setBodyData("training", running ? "true" : "false");
        notify(trainingListeners);
    }

    void onDataChanged(Runnable listener) {
        dataListeners.add(listener);
    }

    void onWeightsChanged(Runnable listener) {
        weightsListeners.add(listener);
    }

    void onTrainingChanged(Runnable listener) {
        trainingListeners.add(listener);
    }

    private static void notify(List<Runnable> listeners) {
        for (Runnable listener : listeners) {
            PageErrors.guard("Updating the page", listener);
        }
    }
}
