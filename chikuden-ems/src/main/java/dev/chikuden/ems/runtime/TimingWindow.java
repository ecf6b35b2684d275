package dev.chikuden.ems.runtime;

import java.util.Arrays;

/**
 * Cycle durations and start lateness over the most recent cycles, in two primitive ring buffers
 * (nothing boxed, nothing allocated per cycle), and the overruns since start. Percentiles use the
 * nearest-rank definition: the p-th percentile of n sorted values is the value at rank
 * {@code ceil(p / 100 * n)} (1-based), always one of the values measured.
 */
final class TimingWindow {
    static final int DEFAULT_CYCLES = 10_000;

    private final double periodMs;
    private final double[] durationMs;
    private final double[] lateMs;
    private int next;
    private int count;
    private long cycles;
    private long overruns;

    TimingWindow(double periodMs, int window) {
        this.periodMs = periodMs;
        this.durationMs = new double[window];
        this.lateMs = new double[window];
    }

    synchronized void record(double cycleMs, double startedLateMs) {
        durationMs[next] = cycleMs;
        lateMs[next] = startedLateMs;
        next = next + 1 == durationMs.length ? 0 : next + 1;
        count = Math.min(count + 1, durationMs.length);
        cycles++;
    }

    /** A cycle ran past its next slot, which was skipped. */
    synchronized void overrun() {
        overruns++;
    }

    CycleTiming timing() {
        double[] d;
        double[] l;
        long n;
        long o;
        synchronized (this) {
            d = Arrays.copyOf(durationMs, count);
            l = Arrays.copyOf(lateMs, count);
            n = cycles;
            o = overruns;
        }
        Arrays.sort(d);
        Arrays.sort(l);
        return new CycleTiming(
                n, periodMs, percentile(d, 50), percentile(d, 99), percentile(d, 100), percentile(l, 99), o);
    }

    /** The nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }
}
