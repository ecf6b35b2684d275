package dev.chikuden.cli.plan;

import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.sim.GridKpis;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.time.SeriesCsv;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a plan study as one ordered tree of names and values: the JSON output, the
 * summary file and the table all print this same tree, so they cannot disagree.
 * Keys are lowerCamelCase with the unit in the name.
 */
public final class PlanFigures {
    private PlanFigures() {
    }

    public static Map<String, Object> of(PlanStudy.Result r) {
        Map<String, Object> top = new LinkedHashMap<>();
        SimulationResult base = r.withoutBattery();
        top.put("site", r.site().name());
        top.put("timeZone", r.site().zone().getId());
        top.put("start", SeriesCsv.formatTime(base.grid().startEpochMs(), r.site().zone()));
        top.put("stepSeconds", base.grid().stepSeconds());
        top.put("steps", base.steps());
        top.put("stepsSimulated", r.stepsSimulated());
        top.put("wallSeconds", r.wallSeconds());
        top.put("stepsPerSecond", r.stepsSimulated() / r.wallSeconds());
        top.put("withoutBattery", grid(base, r));
        if (r.withBattery() != null) {
            Map<String, Object> with = grid(r.withBattery(), r);
            BatteryLedger b = r.withBattery().battery();
            with.put("batteryThroughputKwh", b.throughputKwh());
            with.put("equivalentFullCycles", b.equivalentFullCycles());
            with.put("socMin", r.withBattery().socMin());
            with.put("socMax", r.withBattery().socMax());
            with.put("batteryLossesKwh", b.lossesKwh());
            with.put("batteryChargedKwh", b.acChargedKwh());
            with.put("batteryDischargedKwh", b.acDischargedKwh());
            with.put("batteryConversionLossKwh", b.conversionLossKwh());
            with.put("batteryAuxiliaryKwh", b.auxiliaryKwh());
            with.put("storedEnergyChangeKwh", b.storedEndKwh() - b.storedStartKwh());
            top.put("withBattery", with);
        } else {
            top.put("withBattery", null);
        }
        return top;
    }

    private static Map<String, Object> grid(SimulationResult s, PlanStudy.Result r) {
        GridKpis g = s.gridKpis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energyImportedKwh", g.energyImportedKwh());
        m.put("energyExportedKwh", g.energyExportedKwh());
        m.put("peakDemand30minKw", g.peakDemand30minKw());
        m.put("peakDemand30minSlot", SeriesCsv.formatTime(g.peakDemandSlotEpochMs(), r.site().zone()));
        m.put("peakGridKw", g.peakGridKw());
        m.put("maxRampKwPerS", g.maxRampKwPerS());
        m.put("maxRampUpKwPerS", g.maxRampUpKwPerS());
        m.put("maxRampDownKwPerS", g.maxRampDownKwPerS());
        m.put("simulationWallSeconds", s.wallSeconds());
        return m;
    }
}
