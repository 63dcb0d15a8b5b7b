package nnlab.optim;

/**
 * Minimizers of interpolating polynomials along a search line, used by both line searches. Each
 * point is a step length t with phi(t) = f(x + t d) and its slope phi'(t) = g(x + t d)'d.
 */
final class Interpolation {

    private Interpolation() {
    }

    /**
     * Returns the local minimizer of the cubic that matches value and slope at steps a and b
     * (the cubic interpolation formula of Nocedal and Wright, "Numerical Optimization", 2nd ed.,
     * chapter 3), or NaN if the cubic
     * has no local minimizer. The result may lie outside [a, b]; callers clamp it.
     */
    static double cubicMinimizer(double a, double valueA, double slopeA,
            double b, double valueB, double slopeB) {
        double d1 = slopeA + slopeB - 3 * (valueA - valueB) / (a - b);
        double discriminant = d1 * d1 - slopeA * slopeB;
        if (!(discriminant >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(discriminant), b - a);
        double result = b - (b - a) * (slopeB + d2 - d1) / (slopeB - slopeA + 2 * d2);
        return Double.isFinite(result) ? result : Double.NaN;
    }

    /**
     * Returns the minimizer of the parabola that matches value and slope at step a and the value
     * at step b, or NaN if that parabola opens downwards or is degenerate.
     */
    static double quadraticMinimizer(double a, double valueA, double slopeA,
            double b, double valueB) {
        double width = b - a;
        double curvatureTimesWidthSquared = valueB - valueA - slopeA * width;
        if (!(curvatureTimesWidthSquared > 0)) {
            return Double.NaN;
        }
        double result = a - slopeA * width * width / (2 * curvatureTimesWidthSquared);
        return Double.isFinite(result) ? result : Double.NaN;
    }
}
