package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nnlab.TestData;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final double PERCENT_DIGITS = 1e-9;

    @Test
    void pretrainedWeightsGetCourseAccuracy() {
        Weights weights = TestData.ex4Weights();
        Evaluation evaluation = Evaluation.of(weights.shape(), weights.theta(), TestData.digits());
        assertEquals(4880, evaluation.correct());
        assertEquals(0.9760, evaluation.accuracy(), PERCENT_DIGITS);
    }

    @Test
    void pretrainedWeightsPerClassAccuracy() {
        Weights weights = TestData.ex4Weights();
        Evaluation evaluation = Evaluation.of(weights.shape(), weights.theta(), TestData.digits());
        double[] expectedByDigit = {0.992, 0.984, 0.970, 0.966, 0.966, 0.978, 0.990, 0.970, 0.984,
            0.960};
        for (int digit = 0; digit < 10; digit++) {
            int label = digit == 0 ? 10 : digit;
            assertEquals(expectedByDigit[digit], evaluation.classAccuracy(label), PERCENT_DIGITS,
                    "digit " + digit);
        }
    }

    @Test
    void confusionRowsSumToClassSizes() {
        Weights weights = TestData.ex4Weights();
        Evaluation evaluation = Evaluation.of(weights.shape(), weights.theta(), TestData.digits());
        int diagonal = 0;
        for (int actual = 1; actual <= 10; actual++) {
            int row = 0;
            for (int predicted = 1; predicted <= 10; predicted++) {
                row += evaluation.confusion(actual, predicted);
            }
            assertEquals(500, row, "row of label " + actual);
            diagonal += evaluation.confusion(actual, actual);
        }
        assertEquals(4880, diagonal);
    }

    @Test
    void labelTenIsDigitZero() {
        assertEquals(0, Dataset.digitOfLabel(10, 10));
        assertEquals(7, Dataset.digitOfLabel(7, 10));
        assertEquals(10, TestData.digits().y()[0]);
        assertEquals(1, TestData.digits().y()[500]);
        assertEquals(9, TestData.digits().y()[4999]);
    }

    @Test
    void argMaxTakesFirstOfTies() {
        assertEquals(1, Predictor.argMax(new double[] {0.1, 0.7, 0.7, 0.2}));
    }
}
