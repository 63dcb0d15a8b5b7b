package nnlab.web;

import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.web.Messages.Message;

/**
 * Section 2: J(Θ) of the current weights on the current data at the chosen λ, the unregularized
 * cost and the training-set accuracy. The worker computes them, so a pass over the 5000 examples
 * never blocks the page; each new request supersedes the previous one.
 */
final class CostSection implements WorkerClient.EvaluationListener {
    private static final int COST_DECIMALS = 6;

    private final PageElements elements;
    private final PageState state;
    private final WorkerClient worker;
    /** Id of the request whose reply is shown next, 0 when none is pending. */
    private int pendingRequest;

    CostSection(PageElements elements, PageState state, WorkerClient worker) {
        this.elements = elements;
        this.state = state;
        this.worker = worker;
        worker.setEvaluationListener(this);
        Dom.on(elements.lambda, "input", "Computing the cost", event -> {
            PageErrors.clear();
            recompute();
        });
        state.onDataChanged(() -> PageErrors.guard("Computing the cost", this::recompute));
        state.onWeightsChanged(() -> PageErrors.guard("Computing the cost", this::recompute));
    }

    /** Clears the shown values and requests new ones from the worker if weights and data exist. */
    void recompute() {
        pendingRequest = 0;
        showValues("", "", "");
        Weights weights = state.weights();
        Dataset data = state.data();
        if (data == null) {
            elements.costStatus.setTextContent("Waiting for the data…");
            return;
        }
        if (weights == null) {
            elements.costStatus.setTextContent("No weights yet: load ex4weights.mat in section 1"
                    + " or train the network in section 4 to see J(Θ).");
            return;
        }
        double lambda = Dom.numberValue(elements.lambda);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            elements.costStatus.setTextContent("Enter a λ of 0 or more.");
            throw new InvalidDataException("λ must be a number of 0 or more, found "
                    + Dom.quoteInput(elements.lambda));
        }
        try {
            weights.checkFits(data);
        } catch (InvalidDataException e) {
            elements.costStatus.setTextContent("The weights do not fit the data.");
            throw e;
        }
        pendingRequest = worker.evaluate(weights, data, state.dataVersion(), lambda);
        elements.costStatus.setTextContent("Computing J(Θ) over " + data.m() + " examples…");
    }

    @Override
    public void evaluated(Message message) {
        if (message.getRequestId() != pendingRequest) {
            return;
        }
        pendingRequest = 0;
        showValues(Format.fixed(message.getCost(), COST_DECIMALS),
                Format.fixed(message.getUnregularizedCost(), COST_DECIMALS),
                Format.percent(message.getAccuracy()));
        elements.costStatus.setTextContent("J(Θ) at λ = "
                + Format.shortNumber(message.getLambda())
                + " for " + DataSection.describeShape(state.weights().shape()) + " from "
                + state.weightsSource() + ", over the m = " + state.data().m() + " examples of "
                + state.dataSource() + ".");
    }

    @Override
    public void failed(int requestId, String text) {
        if (requestId != pendingRequest) {
            return;
        }
        pendingRequest = 0;
        elements.costStatus.setTextContent("");
        PageErrors.show("Computing the cost failed: " + text);
    }

    private void showValues(String cost, String unregularized, String accuracy) {
        elements.costValue.setTextContent(cost);
        elements.unregularizedCostValue.setTextContent(unregularized);
        elements.accuracyValue.setTextContent(accuracy);
    }
}
