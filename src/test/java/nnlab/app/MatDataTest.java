package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.io.MatArray;
import nnlab.io.MatFileWriter;
import org.junit.jupiter.api.Test;

class MatDataTest {
    private static byte[] data(double... labels) {
        double[] x = new double[labels.length * 4];
        return MatFileWriter.write(List.of(new MatArray("X", labels.length, 4, x),
                new MatArray("y", labels.length, 1, labels)));
    }

    private static String labelError(double... labels) {
        return assertThrows(InvalidDataException.class, () -> MatData.readDataset(data(labels)))
                .getMessage();
    }

    @Test
    void validLabelsGiveLargestAsK() {
        Dataset dataset = MatData.readDataset(data(1, 3, 2));
        assertEquals(3, dataset.numLabels());
        assertEquals(4, dataset.n());
    }

    @Test
    void labelZeroIsNamedWithRow() {
        String message = labelError(1, 2, 0);
        assertTrue(message.contains("the label at row 3 is 0, which is not at least 1"), message);
    }

    @Test
    void fractionalLabelIsNamed() {
        String message = labelError(1, 2.5, 2);
        assertTrue(message.contains("row 2 is 2.5, which is not a whole number"), message);
    }

    @Test
    void hugeLabelIsNamed() {
        String message = labelError(1, 2, 1e9);
        assertTrue(message.contains("row 3 is 1000000000, which is not at most 1000"), message);
    }

    @Test
    void nanLabelIsNamed() {
        String message = labelError(Double.NaN, 2);
        assertTrue(message.contains("row 1 is NaN, which is not a finite number"), message);
    }

    @Test
    void weightsWithoutInputColumnsAreRejected() {
        byte[] file = MatFileWriter.write(List.of(new MatArray("Theta1", 2, 1, new double[2]),
                new MatArray("Theta2", 3, 3, new double[9])));
        String message = assertThrows(InvalidDataException.class,
                () -> MatData.readWeights(file)).getMessage();
        assertTrue(message.contains("Theta1 must have at least 2 columns"), message);
        assertTrue(message.contains("found 2x1"), message);
    }

    @Test
    void weightsWithoutRowsAreRejected() {
        byte[] file = MatFileWriter.write(List.of(new MatArray("Theta1", 0, 5, new double[0]),
                new MatArray("Theta2", 3, 1, new double[3])));
        String message = assertThrows(InvalidDataException.class,
                () -> MatData.readWeights(file)).getMessage();
        assertTrue(message.contains("Theta1 must have at least one row"), message);
    }

    @Test
    void weightsThatDoNotChainAreRejected() {
        byte[] file = MatFileWriter.write(List.of(new MatArray("Theta1", 2, 5, new double[10]),
                new MatArray("Theta2", 3, 4, new double[12])));
        String message = assertThrows(InvalidDataException.class,
                () -> MatData.readWeights(file)).getMessage();
        assertTrue(message.contains("Theta2 must have 3 columns"), message);
    }

    @Test
    void writtenWeightsReadBack() {
        Weights weights = new Weights(nnlab.nn.NetworkShape.of(2, 2, 2),
                new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Weights read = MatData.readWeights(MatData.writeWeights(weights));
        assertEquals(weights.shape().toString(), read.shape().toString());
        assertEquals(java.util.Arrays.toString(weights.theta()),
                java.util.Arrays.toString(read.theta()));
    }
}
