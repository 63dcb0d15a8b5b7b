package nnlab.web;

import nnlab.data.InvalidDataException;
import nnlab.nn.GradientCheck;
import nnlab.nn.NetworkShape;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Section 3: the course's checkNNGradients. The check network is tiny (3-5-3, 38 weights, 5
 * examples), so it runs on the page's thread in well under a millisecond.
 */
final class GradientCheckSection {
    /** Relative differences below this mean backpropagation is right, as the course states. */
    private static final double THRESHOLD = 1e-9;
    private static final int VALUE_DECIMALS = 10;

    private final PageElements elements;
    private final Charts.Chart scatter;
    private final Charts.Chart differences;

    GradientCheckSection(PageElements elements) {
        this.elements = elements;
        this.scatter = Charts.gradientScatter(elements.gradcheckScatter);
        this.differences = Charts.differenceBars(elements.gradcheckBars);
        Dom.on(elements.gradcheckButton, "click", "Checking the gradients", event -> {
            PageErrors.clear();
            run();
        });
    }

    private void run() {
        double lambda = Dom.numberValue(elements.gradcheckLambda);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new InvalidDataException("λ of the gradient check must be a number of 0 or"
                    + " more, found " + Dom.quoteInput(elements.gradcheckLambda));
        }
        GradientCheck check = GradientCheck.run(lambda);
        double[] analytic = check.analytic();
        double[] numerical = check.numerical();
        double relative = check.relativeDifference();
        fillTable(analytic, numerical);
        double[] difference = new double[analytic.length];
        String[] labels = new String[analytic.length];
        for (int p = 0; p < analytic.length; p++) {
            difference[p] = numerical[p] - analytic[p];
            labels[p] = String.valueOf(p + 1);
        }
        Charts.setGradientPoints(scatter, analytic, numerical);
        Charts.setBars(differences, labels, difference, -1);
        elements.gradcheckDifference.setTextContent(Format.scientific(relative, 1));
        elements.gradcheckVerdict.setTextContent(relative < THRESHOLD
                ? "Below 1e-9: backpropagation agrees with the numerical gradient at λ = "
                        + Format.shortNumber(lambda) + "."
                : "Not below 1e-9: backpropagation and the numerical gradient disagree, so the"
                        + " gradient has a bug.");
    }

    private void fillTable(double[] analytic, double[] numerical) {
        NetworkShape shape = NetworkShape.of(GradientCheck.INPUT, GradientCheck.HIDDEN,
                GradientCheck.LABELS);
        HTMLElement body = elements.gradcheckTable;
        Dom.clear(body);
        for (int p = 0; p < analytic.length; p++) {
            HTMLElement row = Dom.create("tr", null, null);
            row.appendChild(Dom.create("td", null, String.valueOf(p + 1)));
            row.appendChild(Dom.create("td", null, parameterName(shape, p)));
            row.appendChild(Dom.create("td", "number", Format.fixed(analytic[p], VALUE_DECIMALS)));
            row.appendChild(Dom.create("td", "number", Format.fixed(numerical[p],
                    VALUE_DECIMALS)));
            row.appendChild(Dom.create("td", "number",
                    Format.scientific(numerical[p] - analytic[p], 2)));
            body.appendChild(row);
        }
    }

    /** Names parameter p of the unrolled vector as the course does: Θ2(3, 1), 1-based. */
    static String parameterName(NetworkShape shape, int p) {
        int t = 0;
        while (p >= shape.offset(t + 1)) {
            t++;
        }
        int local = p - shape.offset(t);
        int rows = shape.thetaRows(t);
        return "Θ" + (t + 1) + "(" + (local % rows + 1) + ", " + (local / rows + 1) + ")";
    }
}
