package nnlab.optim;

/** A clock that moves only when a test advances it. */
final class FakeClock implements Clock {
    private double now;

    void advance(double millis) {
        now += millis;
    }

    @Override
    public double nowMillis() {
        return now;
    }
}
