package dev.chikuden.cli.parity;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.Controller;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StudyPeriod;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.util.List;

/**
 * The study over the parity window: the site with battery, its study starting where the twin starts
 * (the lead-in before the window), on the full period's load, PV and ambient sliced there, through
 * the site's control chain as a plan simulates it.
 */
final class StudyRun {
    private StudyRun() {}

    /** @param controlFromMs when the loops start, ms from the run's start: where live control took over */
    static ParityTrace run(SiteConfig site, ParityWindow w, long controlFromMs) {
        TimeGrid full = SiteModels.timeGrid(site);
        long offsetSteps = w.runStartMs() / w.stepMs();
        long steps = w.leadInSteps() + w.steps();
        Instant start = Instant.ofEpochMilli(full.startEpochMs() + w.runStartMs());
        SiteConfig windowSite = site.withStudy(new StudyPeriod(start, steps * w.stepMs(), w.stepMs(), 1, false));
        TimeGrid grid = SiteModels.timeGrid(windowSite);
        Controller controller = SiteModels.controller(windowSite);
        Recorder rec = new Recorder(w, initialSoc(site));
        new SimulationEngine(
                        grid,
                        new ProfileFrom(SiteModels.load(site, full), offsetSteps),
                        new ProfileFrom(SiteModels.pv(site, full), offsetSteps),
                        new ProfileFrom(SiteModels.ambient(site, full), offsetSteps),
                        SiteModels.battery(site),
                        controller,
                        site.grid().frequencyHz(),
                        SimulationEngine.DEFAULT_CHUNK,
                        site.control())
                .controlFrom(grid.startEpochMs() + controlFromMs)
                .run(List.of(rec), null);
        return rec.trace();
    }

    /** The bank's SOC at the start: stored energy over capacity, as the twin's batteries start. */
    static double initialSoc(SiteConfig site) {
        double stored = 0;
        double capacity = 0;
        for (BatteryParameters p : site.batteries()) {
            stored += p.initialSoc() * p.energyKwh();
            capacity += p.energyKwh();
        }
        return capacity > 0 ? stored / capacity : Double.NaN;
    }

    /** Keeps the window's steps, after the lead-in. */
    private static final class Recorder implements StepSink {
        private final long skip;
        private final double[] grid;
        private final double[] load;
        private final double[] battery;
        private double socStart;
        private double socEnd;
        private long step;

        Recorder(ParityWindow w, double initialSoc) {
            skip = w.leadInSteps();
            int n = Math.toIntExact(w.steps());
            grid = new double[n];
            load = new double[n];
            battery = new double[n];
            socStart = initialSoc;
        }

        @Override
        public void accept(StepChunk c) {
            for (int i = 0; i < c.count(); i++, step++) {
                if (step == skip - 1) {
                    socStart = c.soc[i];
                }
                long k = step - skip;
                if (k >= 0 && k < grid.length) {
                    grid[(int) k] = c.gridKw[i];
                    load[(int) k] = c.loadKw[i];
                    battery[(int) k] = c.batteryKw[i];
                    socEnd = c.soc[i];
                }
            }
        }

        ParityTrace trace() {
            return new ParityTrace(grid, load, battery, socStart, socEnd);
        }
    }
}
