package nnlab.web;

import nnlab.app.TrainingSettings;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.nn.NetworkShape;
import nnlab.optim.Method;
import nnlab.optim.StopReason;
import nnlab.web.Messages.Message;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Section 4: starts, stops and continues training in the worker, plots J(Θ) after every
 * iteration and, when a run ends, makes its weights the page's current weights.
 */
final class TrainingSection implements WorkerClient.TrainingListener {
    private final PageElements elements;
    private final PageState state;
    private final WorkerClient worker;
    private final TrainingResults results;
    private final Charts.Chart chart;
    /** The running or last run, null before the first one. */
    private Run run;

    /** The page's record of one run in the worker. */
    private static final class Run {
        final Dataset data;
        final int dataVersion;
        final double lambda;
        final Method method;
        /** Iterations plotted before this run started, added to its iteration numbers. */
        final int chartOffset;
        int targetIteration;
        int lastIteration;
        /** The weights the run ended with; null while it runs. */
        Weights result;
        /** True when the worker can go on with this run's optimizer state. */
        boolean extendable;

        Run(Dataset data, int dataVersion, double lambda, Method method, int chartOffset) {
            this.data = data;
            this.dataVersion = dataVersion;
            this.lambda = lambda;
            this.method = method;
            this.chartOffset = chartOffset;
        }
    }

    TrainingSection(PageElements elements, PageState state, WorkerClient worker) {
        this.elements = elements;
        this.state = state;
        this.worker = worker;
        this.results = new TrainingResults(elements);
        this.chart = Charts.costChart(elements.costChart);
        Charts.exposeCostHistory(chart);
        worker.setTrainingListener(this);
        Dom.on(elements.trainButton, "click", "Starting the training", event -> train());
        Dom.on(elements.stopButton, "click", "Stopping the training", event -> stop());
        Dom.on(elements.continueButton, "click", "Continuing the training",
                event -> continueTraining());
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

    private void train() {
        PageErrors.clear();
        Dataset data = requireData();
        TrainingSettings settings = TrainingSettings.of(readInt(elements.hiddenUnits,
                "Hidden units"), readLambda(), readInt(elements.iterations, "Iterations"),
                Method.parse(elements.optimizer.getValue()), readInt(elements.seed, "Seed"));
        Charts.clearPoints(chart);
        showPointCount();
        results.clear();
        int dataVersion = state.dataVersion();
        start(new Run(data, dataVersion, settings.lambda(), settings.method(), 0),
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
            Charts.clearPoints(chart);
            showPointCount();
        }
        int dataVersion = state.dataVersion();
        start(new Run(data, dataVersion, lambda, method, offset), more);
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
        Charts.addPoint(chart, run.chartOffset + run.lastIteration, message.getCost());
        chart.update("none");
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
        Dom.runInTurns("Showing the training results",
                () -> results.show(finishedRun.data, predictions),
                () -> results.showMisclassified(finishedRun.data, predictions),
                () -> state.setWeights(weights, source),
                () -> state.setTraining(false));
    }

    @Override
    public void failed(String text) {
        if (state.isTraining()) {
            state.setTraining(false);
            elements.trainStatus.setTextContent("Training stopped because of an error.");
        }
        PageErrors.show(text);
    }

    private static String describe(StopReason reason) {
        switch (reason) {
            case MAX_ITERATIONS:
                return "Finished the iterations";
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

    private void showPointCount() {
        elements.costPoints.setTextContent(String.valueOf(Charts.pointCount(chart)));
    }

    private void updateControls() {
        boolean training = state.isTraining();
        elements.trainButton.setDisabled(training || state.data() == null);
        elements.stopButton.setDisabled(!training);
        elements.continueButton.setDisabled(training || state.weights() == null);
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
            throw new InvalidDataException("λ for training must be a number of 0 or more, found \""
                    + elements.trainLambda.getValue() + "\"");
        }
        return lambda;
    }

    /** Reads a whole number, naming the field when the text is not one. */
    private static int readInt(HTMLInputElement input, String name) {
        double value = Dom.numberValue(input);
        if (!(value == Math.rint(value)) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidDataException(name + " must be a whole number, found \""
                    + input.getValue() + "\"");
        }
        return (int) value;
    }
}
