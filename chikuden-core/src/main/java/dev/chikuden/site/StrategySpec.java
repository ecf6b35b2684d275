package dev.chikuden.site;

/** How the battery is controlled. */
public sealed interface StrategySpec permits StrategySpec.Idle, StrategySpec.PeakShaving {
    /** The battery rests (only its auxiliaries run). */
    record Idle() implements StrategySpec {
    }

    /** Discharge above one grid level, recharge below another. */
    record PeakShaving(double dischargeAboveKw, double chargeBelowKw) implements StrategySpec {
    }
}
