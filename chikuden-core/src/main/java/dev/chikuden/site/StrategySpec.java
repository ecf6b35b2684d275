package dev.chikuden.site;

import java.nio.file.Path;
import java.util.List;

/** How the battery is controlled. */
public sealed interface StrategySpec permits StrategySpec.Idle, StrategySpec.PeakShaving, StrategySpec.Stack {
    /** The battery rests (only its auxiliaries run). */
    record Idle() implements StrategySpec {
    }

    /** Discharge above one grid level, recharge below another. */
    record PeakShaving(double dischargeAboveKw, double chargeBelowKw) implements StrategySpec {
    }

    /**
     * Controllers stacked by priority, highest first.
     *
     * @param pcsRampKwPerS the converter's ramp capability; infinite for none
     */
    record Stack(double pcsRampKwPerS, List<Layer> layers) implements StrategySpec {
    }

    /** One controller of a stack, as configured. */
    sealed interface Layer permits BackupReserve, LoadDropAbsorber, GridCodeSmoothing, FrequencyResponse, DemandLimiter,
            Schedule, Manual {
    }

    record BackupReserve(double criticalLoadKw, double durationHours) implements Layer {
    }

    record LoadDropAbsorber(double maxDropKwPerS) implements Layer {
    }

    record GridCodeSmoothing(double maxRampKwPerS, double toleranceKw, double filterSeconds, double socTarget,
                             double socBand, double socRecoveryHours) implements Layer {
    }

    record FrequencyResponse(double deadbandHz, double droop, double reservedKw) implements Layer {
    }

    /** @param targetKw the slot average to stay under (the contract less a margin) */
    record DemandLimiter(double targetKw, double rechargeSocTarget, double maxRechargeKw) implements Layer {
    }

    /** A per-slot battery power (kW) or energy (kWh) schedule read from a CSV. */
    record Schedule(Path file, boolean energy) implements Layer {
    }

    record Manual() implements Layer {
    }
}
