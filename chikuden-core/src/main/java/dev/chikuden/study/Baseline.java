package dev.chikuden.study;

import dev.chikuden.battery.Battery;
import dev.chikuden.control.Controller;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.SlotEnergy;
import dev.chikuden.time.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The case without battery, as every command computes it: the site's load and PV at the study
 * step with no battery and none of its auxiliaries, billed by {@link SiteBilling#baseline}.
 *
 * @param bill null for a site without a tariff
 */
public record Baseline(SimulationResult simulation, SlotEnergy slots, SiteBilling.CaseBill bill) {

    /** The first study year without battery, billed. */
    public static Baseline of(SiteConfig site, LongConsumer progress) {
        TimeGrid grid = SiteModels.timeGrid(site);
        BillingMeter meter = new BillingMeter(grid);
        SimulationResult r = simulate(site, grid, List.of(meter), progress, false);
        SiteBilling.CaseBill bill = site.billing() == null || site.billing().tariff() == null
                ? null
                : SiteBilling.baseline(site, meter.slots());
        return new Baseline(r, meter.slots(), bill);
    }

    /** The site over {@code grid} without battery, recorded by {@code sinks}. */
    static SimulationResult simulate(
            SiteConfig site, TimeGrid grid, List<StepSink> sinks, LongConsumer progress, boolean sinkThread) {
        SimulationEngine engine = new SimulationEngine(
                grid,
                SiteModels.load(site, grid),
                SiteModels.pv(site, grid),
                SiteModels.ambient(site, grid),
                Battery.NONE,
                Controller.IDLE,
                site.grid().frequencyHz(),
                SimulationEngine.DEFAULT_CHUNK);
        return (sinkThread ? engine.sinksOnOwnThread() : engine).run(new ArrayList<>(sinks), progress);
    }
}
