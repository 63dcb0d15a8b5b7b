package nnlab.app;

import nnlab.data.Dataset;
import nnlab.nn.CostFunction;
import nnlab.nn.Evaluation;

/** The feedforward cost of a set of weights on a data set, with and without regularization. */
public final class CostReport {
    private final double lambda;
    private final double cost;
    private final double unregularizedCost;
    private final Evaluation evaluation;

    private CostReport(double lambda, double cost, double unregularizedCost,
            Evaluation evaluation) {
        this.lambda = lambda;
        this.cost = cost;
        this.unregularizedCost = unregularizedCost;
        this.evaluation = evaluation;
    }

    /** Computes J at lambda and at 0, and the weights' predictions on the data. */
    public static CostReport compute(Weights weights, Dataset data, double lambda) {
        weights.checkFits(data);
        double[] theta = weights.theta();
        CostFunction withLambda = new CostFunction(weights.shape(), data, lambda, true);
        double unregularized = new CostFunction(weights.shape(), data, 0, true).cost(theta);
        double regularization = CostFunction.regularizationTerm(weights.shape(), theta, lambda,
                data.m());
        Evaluation evaluation = Evaluation.of(weights.shape(), theta, data);
        return new CostReport(withLambda.lambda(), unregularized + regularization, unregularized,
                evaluation);
    }

    public double lambda() {
        return lambda;
    }

    /** J(Theta) with regularization lambda. */
    public double cost() {
        return cost;
    }

    /** J(Theta) at lambda = 0. */
    public double unregularizedCost() {
        return unregularizedCost;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** Training-set accuracy, 0..1. */
    public double accuracy() {
        return evaluation.accuracy();
    }
}
