package nnlab.optim;

/**
 * A millisecond clock, injected so that the browser can supply {@code performance.now()} and tests
 * can supply a fake one. Only differences between readings are used, so the origin is arbitrary.
 */
public interface Clock {

    /** {@code System.nanoTime() / 1e6}: monotonic, with an arbitrary origin. */
    Clock SYSTEM = () -> System.nanoTime() / 1e6;

    /** Returns the current time in milliseconds. */
    double nowMillis();
}
