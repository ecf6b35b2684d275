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
        for (int i = 0; i < c.count(); i++) {
            if (filled == 0) {
                rowStep = c.firstStep() + i;
            }
            double g = c.gridKw[i];
            load += c.loadKw[i];
            pv += c.pvKw[i];
            battery += c.batteryKw[i];
            gridSum += g;
            gridMin = Math.min(gridMin, g);
            gridMax = Math.max(gridMax, g);
            if (++filled == factor) {
                emit(c.soc[i]);
            }
        }
        lastSoc = c.count() > 0 ? c.soc[c.count() - 1] : lastSoc;
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
