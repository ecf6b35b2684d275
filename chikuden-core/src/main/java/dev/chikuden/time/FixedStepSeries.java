package dev.chikuden.time;

import java.util.Arrays;

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

    /**
     * Resamples to {@code newStepMs}. To a coarser step (an exact multiple) each new value is the
     * mean of the values it covers; a trailing partial interval is dropped. To a finer step (an
     * exact divisor) values are held or interpolated linearly. The same step returns this series.
     */
    public FixedStepSeries resample(long newStepMs, Interpolation finer) {
        if (newStepMs == stepMs) {
            return this;
        }
        if (newStepMs > stepMs) {
            if (newStepMs % stepMs != 0) {
                throw new IllegalArgumentException("cannot average a " + stepMs + " ms series to " + newStepMs
                        + " ms: the new step must be a whole multiple of the old one");
            }
            return mean((int) (newStepMs / stepMs), newStepMs);
        }
        if (stepMs % newStepMs != 0) {
            throw new IllegalArgumentException("cannot refine a " + stepMs + " ms series to " + newStepMs
                    + " ms: the new step must divide the old one");
        }
        int factor = (int) (stepMs / newStepMs);
        return finer == Interpolation.HOLD ? hold(factor, newStepMs) : linear(factor, newStepMs);
    }

    private FixedStepSeries mean(int factor, long newStepMs) {
        double[] out = new double[values.length / factor];
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            int base = j * factor;
            for (int k = 0; k < factor; k++) {
                sum += values[base + k];
            }
            out[j] = sum / factor;
        }
        return new FixedStepSeries(startEpochMs, newStepMs, out);
    }

    private FixedStepSeries hold(int factor, long newStepMs) {
        double[] out = new double[values.length * factor];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(out, i * factor, (i + 1) * factor, values[i]);
        }
        return new FixedStepSeries(startEpochMs, newStepMs, out);
    }

    private FixedStepSeries linear(int factor, long newStepMs) {
        double[] out = new double[values.length * factor];
        for (int i = 0; i < values.length; i++) {
            double a = values[i];
            double b = i + 1 < values.length ? values[i + 1] : a;
            for (int k = 0; k < factor; k++) {
                out[i * factor + k] = a + (b - a) * k / factor;
            }
        }
        return new FixedStepSeries(startEpochMs, newStepMs, out);
    }

    @Override
    public String toString() {
        return "FixedStepSeries[start=" + java.time.Instant.ofEpochMilli(startEpochMs) + ", step=" + stepMs
                + " ms, size=" + values.length + "]";
    }
}
