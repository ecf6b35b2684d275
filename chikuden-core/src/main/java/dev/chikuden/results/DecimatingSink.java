package dev.chikuden.results;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.time.TimeGrid;
import java.util.List;

/**
 * Turns simulated steps into result rows at an output interval that is a whole multiple of the
 * study step. Decimation is honest: powers are averaged (energy is kept), the grid's minimum and
 * maximum inside each interval are kept (peaks are not lost), SOC is the value at the end.
 */
public final class DecimatingSink implements StepSink {
    private final TimeGrid grid;
    private final int factor;
    private final RowWriter[] writers;
    private int filled;
    private double load;
    private double pv;
    private double battery;
    private double gridSum;
    private double gridMin = Double.POSITIVE_INFINITY;
    private double gridMax = Double.NEGATIVE_INFINITY;
    private long rowStep;
    private double lastSoc = Double.NaN;

    public DecimatingSink(TimeGrid grid, long outputStepMs, List<? extends RowWriter> writers) {
        if (outputStepMs % grid.stepMs() != 0) {
            throw new IllegalArgumentException(
                    "output step " + outputStepMs + " ms is not a multiple of " + grid.stepMs() + " ms");
        }
        this.grid = grid;
        this.factor = (int) (outputStepMs / grid.stepMs());
        this.writers = writers.toArray(new RowWriter[0]);
    }

    @Override
    public void accept(StepChunk c) {
        int n = c.count();
        for (int i = 0; i < n; ) {
            if (filled == 0) {
                rowStep = c.firstStep() + i;
            }
            int end = Math.min(n, i + factor - filled);
            accumulate(c, i, end);
            filled += end - i;
            i = end;
            if (filled == factor) {
                emit(c.soc[end - 1]);
            }
        }
        lastSoc = n > 0 ? c.soc[n - 1] : lastSoc;
    }

    /*
     * The sums run in a loop of their own, apart from the writers: a loop that also wrote rows was
     * compiled with the writers inlined, the largest compilation of a year's plan. The sums add in
     * step order, as before.
     */
    private void accumulate(StepChunk c, int from, int to) {
        double l = load;
        double p = pv;
        double b = battery;
        double g = gridSum;
        double lo = gridMin;
        double hi = gridMax;
        for (int i = from; i < to; i++) {
            double gi = c.gridKw[i];
            l += c.loadKw[i];
            p += c.pvKw[i];
            b += c.batteryKw[i];
            g += gi;
            lo = Math.min(lo, gi);
            hi = Math.max(hi, gi);
        }
        load = l;
        pv = p;
        battery = b;
        gridSum = g;
        gridMin = lo;
        gridMax = hi;
    }

    private void emit(double soc) {
        long t = grid.epochMsAt(rowStep);
        for (RowWriter w : writers) {
            w.row(t, load / filled, pv / filled, battery / filled, gridSum / filled, gridMin, gridMax, soc);
        }
        filled = 0;
        load = pv = battery = gridSum = 0;
        gridMin = Double.POSITIVE_INFINITY;
        gridMax = Double.NEGATIVE_INFINITY;
    }

    @Override
    public void close() {
        if (filled > 0) {
            emit(lastSoc); // a last partial interval, averaged over what it holds
        }
        for (RowWriter w : writers) {
            w.close();
        }
    }
}
