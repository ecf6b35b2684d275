package dev.chikuden.cli.report;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import java.util.Arrays;

/**
 * The site's power balance in consecutive buckets of a fixed number of steps: the minimum,
 * maximum and mean of each quantity. A chart of any length drawn from these shows every peak (an
 * honest decimation, not every n-th step); buckets of one step are the series itself. Fixed
 * memory, nothing allocated per step.
 */
final class BalanceBuckets implements StepSink {
    /** What is recorded of each step; the grid without battery is load minus PV. */
    enum Quantity {
        LOAD,
        GRID_WITHOUT_BATTERY,
        GRID,
        BATTERY,
        SOC
    }

    private static final int N = Quantity.values().length;

    private final int bucketSteps;
    private final double[][] min;
    private final double[][] max;
    private final double[][] sum;
    private int buckets;
    private int filled;

    BalanceBuckets(int bucketSteps, int capacity) {
        if (bucketSteps < 1) {
            throw new IllegalArgumentException("a bucket holds at least one step, not " + bucketSteps);
        }
        this.bucketSteps = bucketSteps;
        this.min = new double[N][capacity];
        // a bucket of one step is the step's value: its minimum, maximum and sum, held once
        this.max = bucketSteps == 1 ? min : new double[N][capacity];
        this.sum = bucketSteps == 1 ? min : new double[N][capacity];
    }

    /** Buckets of {@code bucketSteps} for a run of {@code steps}. */
    static BalanceBuckets forSteps(long steps, int bucketSteps) {
        return new BalanceBuckets(bucketSteps, (int) Math.max(1, (steps + bucketSteps - 1) / bucketSteps));
    }

    @Override
    public void accept(StepChunk c) {
        add(c, 0, c.count());
    }

    /**
     * Adds steps {@code from} to {@code from + count - 1} of the chunk, filling the last bucket and
     * opening new ones as they fill; each quantity of a bucket in its own loop.
     */
    void add(StepChunk c, int from, int count) {
        int i = from;
        int to = from + count;
        if (bucketSteps == 1) {
            single(c, i, count);
            return;
        }
        while (i < to) {
            if (buckets == 0 || filled == bucketSteps) {
                open();
            }
            int b = buckets - 1;
            int n = Math.min(to - i, bucketSteps - filled);
            put(Quantity.LOAD.ordinal(), b, c.loadKw, null, i, n);
            put(Quantity.GRID_WITHOUT_BATTERY.ordinal(), b, c.loadKw, c.pvKw, i, n);
            put(Quantity.GRID.ordinal(), b, c.gridKw, null, i, n);
            put(Quantity.BATTERY.ordinal(), b, c.batteryKw, null, i, n);
            put(Quantity.SOC.ordinal(), b, c.soc, null, i, n);
            filled += n;
            i += n;
        }
    }

    /** Buckets of one step: each its step's value, as {@link #put} leaves a fresh bucket of one. */
    private void single(StepChunk c, int from, int count) {
        if (buckets + count > min[0].length) {
            throw new IllegalStateException("more than " + min[0].length + " buckets of 1 step");
        }
        System.arraycopy(c.loadKw, from, min[Quantity.LOAD.ordinal()], buckets, count);
        double[] net = min[Quantity.GRID_WITHOUT_BATTERY.ordinal()];
        for (int k = 0; k < count; k++) {
            net[buckets + k] = c.loadKw[from + k] - c.pvKw[from + k];
        }
        System.arraycopy(c.gridKw, from, min[Quantity.GRID.ordinal()], buckets, count);
        System.arraycopy(c.batteryKw, from, min[Quantity.BATTERY.ordinal()], buckets, count);
        System.arraycopy(c.soc, from, min[Quantity.SOC.ordinal()], buckets, count);
        buckets += count;
        filled = count > 0 ? 1 : filled;
    }

    private void open() {
        if (buckets == min[0].length) {
            throw new IllegalStateException("more than " + buckets + " buckets of " + bucketSteps + " steps");
        }
        for (int q = 0; q < N; q++) {
            min[q][buckets] = Double.POSITIVE_INFINITY;
            max[q][buckets] = Double.NEGATIVE_INFINITY;
            sum[q][buckets] = 0;
        }
        buckets++;
        filled = 0;
    }

    /** Adds {@code n} values from {@code a[from]} (less {@code minus[from...]} when not null) to bucket {@code b}. */
    private void put(int q, int b, double[] a, double[] minus, int from, int n) {
        double lo = min[q][b];
        double hi = max[q][b];
        double s = sum[q][b];
        for (int i = from; i < from + n; i++) {
            double v = minus == null ? a[i] : a[i] - minus[i];
            // NaN (the SOC of a site without battery) stays NaN in every statistic
            if (v < lo || Double.isNaN(v)) {
                lo = v;
            }
            if (v > hi || Double.isNaN(v)) {
                hi = v;
            }
            s += v;
        }
        min[q][b] = lo;
        max[q][b] = hi;
        sum[q][b] = s;
    }

    /** Empties it for reuse. */
    void clear() {
        buckets = 0;
        filled = 0;
    }

    int bucketSteps() {
        return bucketSteps;
    }

    int buckets() {
        return buckets;
    }

    double[] min(Quantity q) {
        return Arrays.copyOf(min[q.ordinal()], buckets);
    }

    double[] max(Quantity q) {
        return Arrays.copyOf(max[q.ordinal()], buckets);
    }

    /** The mean of each bucket; the last one over the steps it holds. */
    double[] mean(Quantity q) {
        double[] m = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            // as a sum from 0: a bucket of one step's -0.0 becomes 0.0
            m[b] = (0.0 + sum[q.ordinal()][b]) / (b == buckets - 1 ? filled : bucketSteps);
        }
        return m;
    }
}
