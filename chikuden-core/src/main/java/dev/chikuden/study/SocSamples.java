package dev.chikuden.study;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.time.TimeGrid;

/**
 * The battery's SOC at every 5-minute mark of the clock (UTC, so also every local 5-minute mark of
 * any zone offset in whole quarter hours): for a mark {@code B}, the SOC at the end of the step in
 * which {@code B} falls, which is the SOC at the start of the first step starting at or after
 * {@code B}. A year is 105,120 values.
 */
final class SocSamples implements StepSink {
    static final long EVERY_MS = 5 * 60_000;

    private final TimeGrid grid;
    private final long firstMarkMs;
    private final double[] soc;
    private long nextMarkMs;
    private long step;

    SocSamples(TimeGrid grid) {
        this.grid = grid;
        this.firstMarkMs = Math.floorDiv(grid.startEpochMs(), EVERY_MS) * EVERY_MS + EVERY_MS;
        this.nextMarkMs = firstMarkMs;
        this.soc = new double[(int) Math.max(0, (grid.endEpochMs() - firstMarkMs) / EVERY_MS + 1)];
    }

    @Override
    public void accept(StepChunk chunk) {
        for (int i = 0; i < chunk.count(); i++, step++) {
            long end = grid.epochMsAt(step + 1);
            while (nextMarkMs <= end) {
                soc[(int) ((nextMarkMs - firstMarkMs) / EVERY_MS)] = chunk.soc[i];
                nextMarkMs += EVERY_MS;
            }
        }
    }

    /** The SOC at the mark {@code markEpochMs}; NaN at or before the study's start (the battery's initial SOC). */
    double at(long markEpochMs) {
        if (markEpochMs < firstMarkMs) {
            return Double.NaN;
        }
        return soc[(int) ((markEpochMs - firstMarkMs) / EVERY_MS)];
    }
}
