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
        this.max = new double[N][capacity];
        this.sum = new double[N][capacity];
    }

    /** Buckets of {@code bucketSteps} for a run of {@code steps}. */
    static BalanceBuckets forSteps(long steps, int bucketSteps) {
        return new BalanceBuckets(bucketSteps, (int) Math.max(1, (steps + bucketSteps - 1) / bucketSteps));
    }

    @Override
    public void accept(StepChunk c) {
        for (int i = 0; i < c.count(); i++) {
            add(c, i);
        }
    }

    /** Adds step {@code i} of the chunk to the last bucket, opening a new one when it is full. */
    void add(StepChunk c, int i) {
        if (buckets == 0 || filled == bucketSteps) {
            open();
        }
        int b = buckets - 1;
        double load = c.loadKw[i];
        put(Quantity.LOAD.ordinal(), b, load);
        put(Quantity.GRID_WITHOUT_BATTERY.ordinal(), b, load - c.pvKw[i]);
        put(Quantity.GRID.ordinal(), b, c.gridKw[i]);
        put(Quantity.BATTERY.ordinal(), b, c.batteryKw[i]);
        put(Quantity.SOC.ordinal(), b, c.soc[i]);
        filled++;
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

    private void put(int q, int b, double v) {
        // NaN (the SOC of a site without battery) stays NaN in every statistic
        if (v < min[q][b] || Double.isNaN(v)) {
            min[q][b] = v;
        }
        if (v > max[q][b] || Double.isNaN(v)) {
            max[q][b] = v;
        }
        sum[q][b] += v;
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
            m[b] = sum[q.ordinal()][b] / (b == buckets - 1 ? filled : bucketSteps);
        }
        return m;
    }
}
