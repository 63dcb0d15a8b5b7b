package nnlab.web;

import org.teavm.jso.JSProperty;

/** Fields of the {@link Messages#BENCHMARK} request and its {@link Messages#BENCHMARK_RESULT}. */
final class BenchMessages {
    private BenchMessages() {
    }

    /** A benchmark request or result; the data set fields come from {@link Messages.Message}. */
    interface BenchMessage extends Messages.Message {
        @JSProperty
        int getEvals();

        @JSProperty
        void setEvals(int evals);

        @JSProperty
        double getTarget();

        @JSProperty
        void setTarget(double target);

        @JSProperty
        String getEngine();

        @JSProperty
        void setEngine(String engine);

        @JSProperty
        int getWorkers();

        @JSProperty
        void setWorkers(int workers);

        @JSProperty
        double getEvalMsMedian();

        @JSProperty
        void setEvalMsMedian(double milliseconds);

        @JSProperty
        double getEvalMsMin();

        @JSProperty
        void setEvalMsMin(double milliseconds);

        @JSProperty
        void setTrainSecondsTo985(double seconds);

        @JSProperty
        int getTrainIterations();

        @JSProperty
        void setTrainIterations(int iterations);
    }
}
