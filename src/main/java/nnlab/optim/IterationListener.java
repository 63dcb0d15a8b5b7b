package nnlab.optim;

/** Receives one {@link IterationReport} after each finished iteration of a minimization. */
public interface IterationListener {

    /** Called once per finished iteration, on the thread that calls {@link Minimization#step()}. */
    void iterationDone(IterationReport report);
}
