package dev.chikuden.sim;

import dev.chikuden.battery.BatteryHealth;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.time.TimeGrid;

/**
 * What a run produced, in figures; the per-step values went to the sinks. The battery ledger
 * covers this run only; its health is the battery's state at the end of the run.
 *
 * @param socMin lowest SOC at the end of any step (NaN without a battery)
 * @param socMax highest SOC at the end of any step (NaN without a battery)
 * @param bindingShare for a controller stack, the share of steps each layer decided
 */
public record SimulationResult(
        TimeGrid grid,
        GridKpis gridKpis,
        BatteryLedger battery,
        BatteryHealth health,
        double socMin,
        double socMax,
        double wallSeconds,
        java.util.Map<String, Double> bindingShare) {
    public long steps() {
        return grid.steps();
    }

    public double stepsPerSecond() {
        return wallSeconds > 0 ? steps() / wallSeconds : Double.POSITIVE_INFINITY;
    }
}
