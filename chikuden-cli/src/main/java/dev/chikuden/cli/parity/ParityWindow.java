package dev.chikuden.cli.parity;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.Battery;
import dev.chikuden.control.Controller;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.util.List;

/**
 * The stretch of site time a parity run covers, in ms since the study start. The twin and the study
 * both start {@code leadInMs} before the window, so the live service has connected and both
 * controller stacks have settled before the compared steps begin.
 *
 * @param startMs    the first compared instant, a whole second and a whole study step
 * @param durationMs the compared span, whole study steps
 * @param leadInMs   simulated before the window by both sides, not compared
 * @param stepMs     the study step: the live ticks are averaged over these windows
 * @param why        for people: why this window
 */
public record ParityWindow(long startMs, long durationMs, long leadInMs, long stepMs, String why) {
    /** Lead-in: the live service connects (it waits up to 5 s for the devices) and runs a few cycles. */
    static final long LEAD_IN_MS = 10_000;

    public long steps() {
        return durationMs / stepMs;
    }

    public long leadInSteps() {
        return leadInMs / stepMs;
    }

    /** Where the twin and the study start. */
    public long runStartMs() {
        return startMs - leadInMs;
    }

    /**
     * The window of {@code durationMs} at {@code atMs} (ms since the study start), or, when null,
     * centred on the first year's largest 1-s change of the net load (site without battery).
     */
    public static ParityWindow choose(SiteConfig site, Long atMs, long durationMs) {
        TimeGrid grid = SiteModels.timeGrid(site);
        long stepMs = grid.stepMs();
        long align = lcm(1000, stepMs);
        long periodMs = grid.steps() * stepMs;
        long duration = Math.max(stepMs, durationMs / stepMs * stepMs);
        String why;
        long start;
        if (atMs != null) {
            if (atMs < 0 || atMs + duration > periodMs) {
                throw new BadInputException("--at: the window must lie inside the study period (" + grid.startEpochMs()
                        + " + " + periodMs / 1000 + " s)");
            }
            start = atMs;
            why = "--at";
        } else {
            LargestChange largest = new LargestChange(stepMs);
            baseline(site, grid, largest);
            start = largest.atMs - duration / 2;
            why = String.format(
                    java.util.Locale.ROOT,
                    "centred on the study's largest 1-s change of the net load without battery, %+.0f kW/s at"
                            + " +%d s",
                    largest.kwPerS,
                    largest.atMs / 1000);
        }
        long leadIn = Math.max(align, (LEAD_IN_MS + align - 1) / align * align);
        if (leadIn + duration > periodMs) {
            throw new BadInputException("--duration: " + durationMs / 1000 + " s and the " + leadIn / 1000
                    + " s lead-in do not fit in the study period of " + periodMs / 1000 + " s");
        }
        start = Math.floorDiv(start, align) * align;
        // the lead-in lies inside the period: the service must be cycling when the window opens
        start = Math.max(leadIn, Math.min(start, (periodMs - duration) / align * align));
        return new ParityWindow(start, duration, leadIn, stepMs, why);
    }

    private static void baseline(SiteConfig site, TimeGrid grid, StepSink sink) {
        new SimulationEngine(
                        grid,
                        SiteModels.load(site, grid),
                        SiteModels.pv(site, grid),
                        SiteModels.ambient(site, grid),
                        Battery.NONE,
                        Controller.IDLE,
                        site.grid().frequencyHz(),
                        SimulationEngine.DEFAULT_CHUNK)
                .run(List.of(sink), null);
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** The largest change of the grid power over 1 s (over one step when steps are longer). */
    static final class LargestChange implements StepSink {
        private final int lag;
        private final double overS;
        private final long stepMs;
        private final double[] ring;
        private long step;
        double kwPerS;
        long atMs;

        LargestChange(long stepMs) {
            this.stepMs = stepMs;
            this.lag = (int) Math.max(1, 1000 / stepMs);
            this.overS = lag * stepMs / 1000.0;
            this.ring = new double[lag];
        }

        @Override
        public void accept(StepChunk chunk) {
            for (int i = 0; i < chunk.count(); i++) {
                double kw = chunk.gridKw[i];
                int slot = (int) (step % lag);
                if (step >= lag) {
                    double rate = (kw - ring[slot]) / overS;
                    if (Math.abs(rate) > Math.abs(kwPerS)) {
                        kwPerS = rate;
                        atMs = step * stepMs;
                    }
                }
                ring[slot] = kw;
                step++;
            }
        }
    }
}
