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

    boolean isTraining() {
        return training;
    }

    void setData(Dataset newData, String source) {
        data = newData;
        dataSource = source;
        dataVersion++;
        notify(dataListeners);
    }

    void setWeights(Weights newWeights, String source) {
        weights = newWeights;
        weightsSource = source;
        notify(weightsListeners);
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
