package dev.chikuden.time;

/**
 * A series of values at a fixed step over a primitive array: value {@code i} belongs to the
 * interval starting at {@code startEpochMs + i * stepMs}. Power series hold the interval's mean.
 * Instances are immutable; {@link #values()} returns a copy.
 */
public final class FixedStepSeries {
    private final long startEpochMs;
    private final long stepMs;
    private final double[] values;

    public FixedStepSeries(long startEpochMs, long stepMs, double[] values) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + stepMs + " ms");
        }
        this.startEpochMs = startEpochMs;
        this.stepMs = stepMs;
        this.values = values.clone();
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    public long stepMs() {
        return stepMs;
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    public long epochMsAt(int i) {
        return startEpochMs + i * stepMs;
    }

    public double[] values() {
        return values.clone();
    }

    /** Copies {@code count} values from {@code from} into {@code out}, without allocating. */
    public void copyTo(int from, double[] out, int outOffset, int count) {
        System.arraycopy(values, from, out, outOffset, count);
    }

    @Override
    public String toString() {
        return "FixedStepSeries[start=" + java.time.Instant.ofEpochMilli(startEpochMs) + ", step=" + stepMs
                + " ms, size=" + values.length + "]";
    }
}
