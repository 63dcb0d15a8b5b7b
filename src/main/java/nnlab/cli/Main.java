package nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nnlab.app.CostReport;
import nnlab.app.MatData;
import nnlab.app.TrainingSession;
import nnlab.app.TrainingSettings;
import nnlab.app.Weights;
import nnlab.data.Dataset;
import nnlab.data.InvalidDataException;
import nnlab.io.MatFormatException;
import nnlab.nn.Evaluation;
import nnlab.nn.GradientCheck;
import nnlab.nn.WeightInit;
import nnlab.optim.Clock;
import nnlab.optim.Method;
import nnlab.optim.Minimization;

/**
 * The command-line tool: {@code java -jar nn.jar COMMAND [--option value ...]}. Results go to
 * stdout as one JSON object; an error exits with status 2 and one line on stderr.
 */
public final class Main {
    static final String USAGE = "usage: java -jar nn.jar COMMAND [options]\n"
            + "  cost      --weights FILE [--data FILE] [--lambda L]\n"
            + "  gradcheck [--lambda L]\n"
            + "  train     [--data FILE] [--hidden N[,N...]] [--lambda L] [--iterations N]"
            + " [--optimizer lbfgs|cg] [--seed S] [--out FILE.mat]\n"
            + "  serve     [--port P] [--dir DIR]   serves the web app on 127.0.0.1\n"
            + "--data defaults to the built-in 5000 digits; accuracy is in percent;"
            + " --hidden 50,25 trains two hidden layers.";

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new Main(System.out, System.err).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status (0, or 2 after printing one error line). */
    int run(String[] args) {
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")
                    || args[0].equals("help")) {
                if (args.length == 0) {
                    throw new UsageException("missing COMMAND\n" + USAGE);
                }
                out.println(USAGE);
                return 0;
            }
            List<String> options = Arrays.asList(args).subList(1, args.length);
            switch (args[0]) {
                case "cost":
                    return cost(Arguments.parse("cost", options, Set.of("data", "weights",
                            "lambda")));
                case "gradcheck":
                    return gradcheck(Arguments.parse("gradcheck", options, Set.of("lambda")));
                case "train":
                    return train(Arguments.parse("train", options, Set.of("data", "hidden",
                            "lambda", "iterations", "optimizer", "seed", "out")));
                case "serve":
                    return StaticServer.serve(Arguments.parse("serve", options,
                            Set.of("port", "dir")), out);
                default:
                    throw new UsageException("Unknown command '" + args[0]
                            + "'; expected cost, gradcheck, train or serve");
            }
        } catch (UsageException | InvalidDataException | MatFormatException
                | IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage().split("\n")[0]);
            return 2;
        }
    }

    private int cost(Arguments arguments) throws IOException {
        double lambda = arguments.number("lambda", 0);
        Weights weights = DataFiles.weights(arguments.required("weights"));
        Dataset data = DataFiles.dataset(arguments.text("data", null));
        CostReport report = CostReport.compute(weights, data, lambda);
        out.println(new Json().put("cost", report.cost())
                .put("accuracy", 100.0 * report.accuracy())
                .put("m", data.m())
                .put("lambda", lambda)
                .put("unregularizedCost", report.unregularizedCost()));
        return 0;
    }

    private int gradcheck(Arguments arguments) {
        GradientCheck check = GradientCheck.run(arguments.number("lambda", 0));
        out.println(new Json().put("relativeDifference", check.relativeDifference())
                .put("parameters", check.analytic().length));
        return 0;
    }

    private int train(Arguments arguments) throws IOException {
        int[] hidden = arguments.sizes("hidden", TrainingSettings.DEFAULT_HIDDEN, 1,
                TrainingSettings.MAX_HIDDEN);
        double lambda = arguments.number("lambda", TrainingSettings.DEFAULT_LAMBDA);
        int iterations = (int) arguments.integer("iterations",
                TrainingSettings.DEFAULT_ITERATIONS, 1, TrainingSettings.MAX_ITERATIONS);
        Method method = Method.parse(arguments.text("optimizer",
                TrainingSettings.DEFAULT_METHOD.id()));
        long seed = arguments.integer("seed", TrainingSettings.DEFAULT_SEED, Long.MIN_VALUE,
                Long.MAX_VALUE);
        String outPath = arguments.text("out", null);
        if (outPath != null && outPath.isEmpty()) {
            throw new UsageException("--out needs a file name, such as weights.mat");
        }
        if (outPath != null) {
            DataFiles.checkWritable(outPath);
        }
        Dataset data = DataFiles.dataset(arguments.text("data", null));
        TrainingSettings settings = new TrainingSettings(hidden, lambda, iterations, method, seed,
                WeightInit.DEFAULT_EPSILON);

        TrainingSession session = new TrainingSession(data, settings, null, null,
                report -> err.println(String.format(Locale.ROOT,
                        "iteration %d  cost %.6f  evaluations %d  elapsed %.2f s",
                        report.iteration(), report.cost(), report.evaluations(),
                        report.elapsedMillis() / 1000.0)),
                Clock.SYSTEM);
        long started = System.nanoTime();
        session.run();
        double seconds = (System.nanoTime() - started) / 1e9;

        Minimization minimization = session.minimization();
        Weights weights = session.weights();
        Evaluation evaluation = Evaluation.of(weights.shape(), weights.theta(), data);
        if (outPath != null) {
            DataFiles.write(outPath, MatData.writeWeights(weights));
        }
        Json json = new Json().put("cost", minimization.cost())
                .put("accuracy", 100.0 * evaluation.accuracy())
                .put("iterations", minimization.iteration())
                .put("seconds", seconds)
                .put("evaluations", minimization.evaluations())
                .put("stopReason", minimization.reason().name());
        if (outPath != null) {
            json.put("out", outPath);
        }
        out.println(json);
        return 0;
    }
}
