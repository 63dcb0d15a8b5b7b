package nnlab.bench;

import java.util.concurrent.TimeUnit;
import nnlab.TestData;
import nnlab.data.Dataset;
import nnlab.nn.CostFunction;
import nnlab.nn.NetworkShape;
import nnlab.nn.WeightInit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JVM time of one cost+gradient evaluation of the 400-25-10 network on the 5000 digits, with the
 * input layer read densely and through its sparse rows. Run with
 * {@code mvn -B -q test-compile exec:exec@jmh} (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CostGradientBenchmark {
    @Param({"true", "false"})
    public boolean sparseInput;

    private CostFunction cost;
    private double[] theta;
    private double[] gradient;

    @Setup
    public void prepare() {
        Dataset digits = TestData.digits();
        NetworkShape shape = NetworkShape.of(400, 25, 10);
        cost = new CostFunction(shape, digits, 1.0, sparseInput);
        theta = WeightInit.random(shape, WeightInit.DEFAULT_EPSILON, 1);
        gradient = new double[theta.length];
    }

    @Benchmark
    public double costAndGradient() {
        return cost.costAndGradient(theta, gradient);
    }
}
