package nnlab.web;

import java.nio.charset.StandardCharsets;
import nnlab.app.CostHistory;
import nnlab.app.TrainingSettings;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.math.WholeNumbers;
import nnlab.nn.NetworkShape;
import nnlab.optim.Method;
import nnlab.optim.StopReason;
import nnlab.web.Messages.Message;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Section 4: starts, stops and continues training in the worker, plots J(Θ) after every
 * iteration and, when a run ends, makes its weights the page's current weights. The plotted
 * values are also kept as a {@link CostHistory}, which the page stores and exports as CSV.
 */
final class TrainingSection implements WorkerClient.TrainingListener {
    private final PageElements elements;
    private final PageState state;
    private final WorkerClient worker;
    private final TrainingResults results;
    private final Charts.Chart chart;
    private final PageStorage storage;
    /** The chart's points with their times; cleared and filled together with the chart. */
    private final CostHistory history = new CostHistory();
    /** The running or last run, null before the first one and after the worker was replaced. */
    private Run run;
    /** True while a redraw of the cost chart waits for the next animation frame. */
    private boolean chartUpdatePending;

    /** The page's record of one run in the worker. */
    private static final class Run {
        final Dataset data;
        final int dataVersion;
        final double lambda;
        final Method method;
        /** Iterations plotted before this run started, added to its iteration numbers. */
        final int chartOffset;
        /** Milliseconds of the earlier runs of the chart, added to this run's elapsed times. */
        final double elapsedOffset;
        int targetIteration;
        int lastIteration;
        /** The weights the run ended with; null while it runs. */
        Weights result;
        /** True when the worker can go on with this run's optimizer state. */
        boolean extendable;

        Run(Dataset data, int dataVersion, double lambda, Method method, int chartOffset,
                double elapsedOffset) {
            this.data = data;
            this.dataVersion = dataVersion;
            this.lambda = lambda;
            this.method = method;
            this.chartOffset = chartOffset;
            this.elapsedOffset = elapsedOffset;
        }
    }

    TrainingSection(PageElements elements, PageState state, WorkerClient worker,
            PageStorage storage) {
        this.elements = elements;
        this.state = state;
        this.worker = worker;
        this.storage = storage;
        this.results = new TrainingResults(elements);
        this.chart = Charts.costChart(elements.costChart);
        Charts.exposeCostHistory(chart);
        worker.setTrainingListener(this);
        Dom.on(elements.trainButton, "click", "Starting the training", event -> train());
        Dom.on(elements.stopButton, "click", "Stopping the training", event -> stop());
        Dom.on(elements.continueButton, "click", "Continuing the training",
                event -> continueTraining());
        Dom.on(elements.exportHistoryButton, "click", "Exporting the cost history",
                event -> exportHistory());
        state.onDataChanged(results::clear);
        state.onTrainingChanged(this::updateControls);
        state.onDataChanged(this::updateControls);
        state.onWeightsChanged(this::updateControls);
        state.onWeightsChanged(() -> results.showHiddenUnits(state.weights(),
                state.weightsSource()));
        showPointCount();
        updateControls();
        results.showHiddenUnits(state.weights(), state.weightsSource());
    }

    /** Plots a history restored from the browser's storage, as if its run had just ended. */
    void restoreHistory(CostHistory restored) {
        clearChart();
        for (int row = 0; row < restored.size(); row++) {
            addPoint(restored.iteration(row), restored.cost(row), restored.elapsedMillis(row));
        }
        chart.update("none");
        showPointCount();
        updateControls();
    }

    private void train() {
        PageErrors.clear();
        Dataset data = requireData();
        TrainingSettings settings = TrainingSettings.of(readInt(elements.hiddenUnits,
                "Hidden units"), readLambda(), readInt(elements.iterations, "Iterations"),
                Method.parse(elements.optimizer.getValue()), readInt(elements.seed, "Seed"));
        clearChart();
        results.clear();
        int dataVersion = state.dataVersion();
        start(new Run(data, dataVersion, settings.lambda(), settings.method(), 0, 0),
                settings.iterations());
        worker.train(data, dataVersion, settings, null);
        elements.trainStatus.setTextContent("Starting from random weights in ±0.12 with "
                + DataSection.describeShape(NetworkShape.of(settings.layerSizes(data.n(),
                        data.numLabels()))) + "…");
    }

    /**
     * Continues from the current weights. When they are the weights the last run ended with, on
     * the same data and λ, the worker keeps its optimizer state. Otherwise a new run starts from
     * them.
     */
    private void continueTraining() {
        PageErrors.clear();
        Dataset data = requireData();
        Weights current = state.weights();
        if (current == null) {
            throw new IllegalStateException("There are no weights to continue from; train the"
                    + " network or load a weights file first");
        }
        int more = readInt(elements.iterations, "Iterations");
        double lambda = readLambda();
        Method method = Method.parse(elements.optimizer.getValue());
        boolean sameRun = run != null && run.result == current;

        if (sameRun && run.extendable && run.lambda == lambda && run.method == method
                && run.dataVersion == state.dataVersion()) {
            run.result = null;
            run.targetIteration = run.lastIteration + more;
            state.setTraining(true);
            worker.continueRun(more);
            elements.trainStatus.setTextContent("Continuing for " + more + " iterations…");
            return;
        }

        current.checkFits(data);
        TrainingSettings settings = TrainingSettings.of(current.shape().size(1), lambda, more,
                method, readInt(elements.seed, "Seed"));
        int offset = sameRun ? run.chartOffset + run.lastIteration : 0;
        if (!sameRun) {
            clearChart();
        }
        int dataVersion = state.dataVersion();
        start(new Run(data, dataVersion, lambda, method, offset, history.lastElapsedMillis()),
                more);
        worker.train(data, dataVersion, settings, current);
        elements.trainStatus.setTextContent("Continuing from the current weights ("
                + state.weightsSource() + ") for " + more + " iterations…");
    }

    private void start(Run newRun, int iterations) {
        run = newRun;
        run.targetIteration = iterations;
        elements.trainIteration.setTextContent(run.chartOffset + " of "
                + (run.chartOffset + iterations));
        elements.trainElapsed.setTextContent(Format.seconds(0));
        elements.trainCost.setTextContent("");
        state.setTraining(true);
    }

    private void stop() {
        worker.stop();
        elements.trainStatus.setTextContent("Stopping after the current iteration…");
    }

    @Override
    public void progress(Message message) {
        if (run == null) {
            return;
        }
        run.lastIteration = message.getIteration();
        addPoint(run.chartOffset + run.lastIteration, message.getCost(),
                run.elapsedOffset + message.getElapsedMs());
        scheduleChartUpdate();
        showPointCount();
        elements.trainIteration.setTextContent((run.chartOffset + run.lastIteration) + " of "
                + (run.chartOffset + run.targetIteration));
        elements.trainElapsed.setTextContent(Format.seconds(message.getElapsedMs()) + " ("
                + Format.fixed(message.getElapsedMs() / run.lastIteration, 0)
                + " ms per iteration, " + message.getEvaluations() + " evaluations of J)");
        elements.trainCost.setTextContent(Format.fixed(message.getCost(), 6));
        elements.trainStatus.setTextContent("Training in the background worker…");
    }

    /**
     * Shows the end of a run. The work is split into several tasks (status, tables, gallery,
     * new weights), so none of them blocks the page for long. The body's data-training turns
     * "false" after the last one.
     */
    @Override
    public void finished(Message message) {
        if (run == null) {
            return;
        }
        Run finishedRun = run;
        NetworkShape shape = NetworkShape.of(message.getSizes().toJavaArray());
        Weights weights = new Weights(shape, message.getTheta().toJavaArray());
        int[] predictions = message.getPredictions().toJavaArray();
        double accuracy = accuracy(finishedRun.data, predictions);

        StopReason reason = StopReason.valueOf(message.getReason());
        finishedRun.lastIteration = message.getIteration();
        finishedRun.result = weights;
        finishedRun.extendable = reason == StopReason.MAX_ITERATIONS
                || reason == StopReason.STOPPED_BY_USER;

        int totalIterations = finishedRun.chartOffset + finishedRun.lastIteration;
        String cost = Format.fixed(message.getCost(), 6);
        elements.trainCost.setTextContent(cost);
        elements.trainStatus.setTextContent(describe(reason) + " after " + totalIterations
                + " iterations with J(Θ) = " + cost + " in "
                + Format.seconds(message.getElapsedMs()) + ". These weights are now the current"
                + " weights of the cost and drawing sections.");

        String source = "training (" + totalIterations + " iterations of "
                + finishedRun.method.id() + ", λ = " + Format.shortNumber(finishedRun.lambda)
                + ")";
        double finalCost = message.getCost();
        Dom.runInTurns("Showing the training results",
                () -> results.show(finishedRun.data, predictions),
                () -> results.showMisclassified(finishedRun.data, predictions),
                () -> state.setWeights(weights, source, finalCost, accuracy),
                () -> storage.saveHistory(history),
                () -> state.setTraining(false));
    }

    @Override
    public void failed(String text) {
        if (state.isTraining()) {
            state.setTraining(false);
            elements.trainStatus.setTextContent("Training stopped because of an error; the"
                    + " current weights are unchanged. Train starts a new worker.");
        }
        PageErrors.show(text);
    }

    @Override
    public void terminated(String text) {
        run = null;
        state.setTraining(false);
        elements.trainStatus.setTextContent(text + " during its iteration. The run's weights"
                + " are lost and the current weights are unchanged; Train starts a new worker.");
    }

    private static double accuracy(Dataset data, int[] predictions) {
        int[] y = data.y();
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] == y[i]) {
                correct++;
            }
        }
        return (double) correct / predictions.length;
    }

    private void addPoint(int iteration, double cost, double elapsedMillis) {
        Charts.addPoint(chart, iteration, cost);
        history.add(iteration, cost, elapsedMillis);
    }

    private void clearChart() {
        Charts.clearPoints(chart);
        history.clear();
        showPointCount();
    }

    /** Offers the plotted history as cost-history.csv: iteration, cost, elapsed_ms. */
    private void exportHistory() {
        if (history.size() == 0) {
            throw new IllegalStateException("There is no cost history to export yet; train the"
                    + " network first");
        }
        Dom.download(history.toCsv().getBytes(StandardCharsets.UTF_8), "cost-history.csv",
                "text/csv");
    }

    private static String describe(StopReason reason) {
        switch (reason) {
            case MAX_ITERATIONS:
                return "Done";
            case CONVERGED:
                return "Converged: J(Θ) stopped decreasing";
            case LINE_SEARCH_FAILED:
                return "Stopped because the line search found no lower J(Θ)";
            case STOPPED_BY_USER:
                return "Stopped";
            default:
                return "Stopped because J(Θ) or its gradient became NaN or infinite; the weights"
                        + " are the last finite ones,";
        }
    }

    /**
     * Redraws the cost chart once per animation frame at most: iterations can arrive faster
     * than frames, and each redraw costs main-thread time while the workers keep the cores busy.
     * The points themselves are added at once, so the chart's data is always complete.
     */
    private void scheduleChartUpdate() {
        if (!chartUpdatePending) {
            chartUpdatePending = true;
            Dom.nextFrame(() -> {
                chartUpdatePending = false;
                chart.update("none");
            });
        }
    }

    private void showPointCount() {
        elements.costPoints.setTextContent(String.valueOf(Charts.pointCount(chart)));
        elements.exportHistoryButton.setDisabled(history.size() == 0);
    }

    private void updateControls() {
        boolean training = state.isTraining();
        elements.trainButton.setDisabled(training || state.data() == null);
        elements.stopButton.setDisabled(!training);
        elements.continueButton.setDisabled(training || state.weights() == null);
        elements.exportHistoryButton.setDisabled(history.size() == 0);
    }

    private Dataset requireData() {
        if (state.data() == null) {
            throw new IllegalStateException("The data has not loaded yet; wait for the digits to"
                    + " appear in section 1");
        }
        return state.data();
    }

    private double readLambda() {
        double lambda = Dom.numberValue(elements.trainLambda);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new InvalidDataException("λ for training must be a number of 0 or more, found "
                    + Dom.quoteInput(elements.trainLambda));
        }
        return lambda;
    }

    /** Reads a whole number, naming the field when the text is not one. */
    private static int readInt(HTMLInputElement input, String name) {
        double value = Dom.numberValue(input);
        if (!WholeNumbers.isWhole(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidDataException(name + " must be a whole number, found "
                    + Dom.quoteInput(input));
        }
        return (int) value;
    }
}
