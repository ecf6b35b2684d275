package dev.chikuden.cli.parity;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.profile.Profile;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StudyPeriod;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.util.List;

/**
 * The commissioning check: the study re-simulated on the load a live service measured (grid plus
 * battery, per telemetry row, as a trace at the telemetry's step, PV in it), from the SOC it
 * measured, compared with the grid power it measured.
 */
public final class Replay {
    private Replay() {}

    public static ParityFigures run(SiteConfig site, java.nio.file.Path file, long fromEpochMs, long toEpochMs) {
        Telemetry t = Telemetry.read(file, fromEpochMs, toEpochMs);
        if (t.stepMs() < 10) {
            throw new BadInputException(
                    "--telemetry: rows " + t.stepMs() + " ms apart; a study step is 10 ms at least");
        }
        int n = t.gridKw().length;
        SiteConfig replay = site.withStudy(
                        new StudyPeriod(Instant.ofEpochMilli(t.startEpochMs()), n * t.stepMs(), t.stepMs(), 1, false))
                .withBatteries(startingAt(site.batteries(), t.soc()));
        TimeGrid grid = SiteModels.timeGrid(replay);
        double[] load = t.netLoadKw();
        Profile measured = (first, out, count) -> System.arraycopy(load, (int) first, out, 0, count);
        double[] simGrid = new double[n];
        double[] simBattery = new double[n];
        double[] soc = new double[] {StudyRun.initialSoc(replay), Double.NaN};
        StepSink rec = new StepSink() {
            private int i;

            @Override
            public void accept(StepChunk c) {
                for (int k = 0; k < c.count(); k++, i++) {
                    simGrid[i] = c.gridKw[k];
                    simBattery[i] = c.batteryKw[k];
                    soc[1] = c.soc[k];
                }
            }
        };
        new SimulationEngine(
                        grid,
                        measured,
                        Profile.ZERO,
                        SiteModels.ambient(replay, grid),
                        SiteModels.battery(replay),
                        SiteModels.controller(replay),
                        site.grid().frequencyHz(),
                        SimulationEngine.DEFAULT_CHUNK,
                        replay.control())
                .run(List.of(rec), null);
        GridCodeRules rules = SiteModels.gridCodeRules(site);
        ParityTrace study = new ParityTrace(simGrid, load, simBattery, soc[0], soc[1]);
        ParityTrace live = new ParityTrace(t.gridKw(), load, t.batteryKw(), t.soc(), Double.NaN);
        ParityFigures.Window window = new ParityFigures.Window(
                SeriesCsv.formatTime(t.startEpochMs(), site.zone()),
                SeriesCsv.formatTime(t.startEpochMs() + n * t.stepMs(), site.zone()),
                n * t.stepMs() / 1000.0,
                t.stepMs() / 1000.0,
                "replay of " + file.getFileName() + ": the study re-simulated on the measured load (grid + battery)");
        return ParityFigures.of(
                window,
                SideFigures.of(study, t.startEpochMs(), t.stepMs(), site.zone(), rules),
                SideFigures.of(live, t.startEpochMs(), t.stepMs(), site.zone(), rules),
                0);
    }

    private static List<BatteryParameters> startingAt(List<BatteryParameters> batteries, double soc) {
        if (Double.isNaN(soc)) {
            return batteries;
        }
        return batteries.stream()
                .map(p -> new BatteryParameters(
                        p.name(),
                        p.energyKwh(),
                        p.chargePowerKw(),
                        p.dischargePowerKw(),
                        p.socMin(),
                        p.socMax(),
                        Math.max(p.socMin(), Math.min(p.socMax(), soc)),
                        p.conversion(),
                        p.limits(),
                        p.standbyKw(),
                        p.thermal(),
                        p.aging(),
                        p.endOfLifeSoh(),
                        p.augmentation(),
                        p.voltageModel()))
                .toList();
    }
}
