package dev.chikuden.site;

import dev.chikuden.control.ControlLoop;
import java.nio.file.Path;
import java.util.List;

/**
 * How the battery is controlled. Every strategy and layer carries its {@code type} as the site file
 * writes it: the one source of those names (the site file's binding, the report and the live API
 * all read it).
 */
public sealed interface StrategySpec permits StrategySpec.Idle, StrategySpec.PeakShaving, StrategySpec.Stack {
    /** The name the site file gives this strategy ({@code type: peak-shaving}). */
    String type();

    /** The battery rests (only its auxiliaries run). */
    record Idle() implements StrategySpec {
        public static final String TYPE = "idle";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Discharge above one grid level, recharge below another. */
    record PeakShaving(double dischargeAboveKw, double chargeBelowKw) implements StrategySpec {
        public static final String TYPE = "peak-shaving";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Controllers stacked by priority, highest first.
     *
     * @param pcsRampKwPerS the converter's ramp capability; infinite for none
     * @param loops         the loop each layer runs in as the site file says, null where it is silent
     *                      (the layer's own default)
     */
    record Stack(double pcsRampKwPerS, List<Layer> layers, List<ControlLoop> loops) implements StrategySpec {
        public static final String TYPE = "stack";

        /** Every layer in its own default loop. */
        public Stack(double pcsRampKwPerS, List<Layer> layers) {
            this(pcsRampKwPerS, layers, java.util.Collections.nCopies(layers.size(), null));
        }

        public Stack {
            layers = List.copyOf(layers);
            loops = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(loops));
            if (loops.size() != layers.size()) {
                throw new IllegalArgumentException("one loop per layer");
            }
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** One controller of a stack, as configured. */
    sealed interface Layer
            permits BackupReserve,
                    LoadDropAbsorber,
                    GridCodeSmoothing,
                    FrequencyResponse,
                    DemandLimiter,
                    Schedule,
                    Mpc,
                    SelfConsumption,
                    Manual,
                    Fleet {
        /** The name the site file gives this layer ({@code type: demand-limiter}). */
        String type();
    }

    record BackupReserve(double criticalLoadKw, double durationHours) implements Layer {
        public static final String TYPE = "backup-reserve";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record LoadDropAbsorber(double maxDropKwPerS) implements Layer {
        public static final String TYPE = "load-drop-absorber";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record GridCodeSmoothing(
            double maxRampKwPerS,
            double toleranceKw,
            double filterSeconds,
            double socTarget,
            double socBand,
            double socRecoveryHours)
            implements Layer {
        public static final String TYPE = "grid-code-smoothing";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record FrequencyResponse(double deadbandHz, double droop, double reservedKw) implements Layer {
        public static final String TYPE = "frequency-response";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** @param targetKw the slot average to stay under (the contract less a margin) */
    record DemandLimiter(double targetKw, double rechargeSocTarget, double maxRechargeKw) implements Layer {
        public static final String TYPE = "demand-limiter";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** A per-slot battery power (kW) or energy (kWh) schedule read from a CSV. */
    record Schedule(Path file, boolean energy) implements Layer {
        public static final String TYPE = "schedule";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Rolling model-predictive control: every {@code everyMs} the dispatch LP is solved again over
     * the next {@code horizonHours} from a forecast, and the first period of its plan is followed.
     * Built by the optimisation module (the core has no solver).
     *
     * @param noiseFraction the forecast error's standard deviation relative to the load ({@link Forecast#NOISY})
     * @param seed          the noise's random seed: the same seed gives the same run
     */
    record Mpc(double horizonHours, long everyMs, Forecast forecast, double noiseFraction, long seed, Prices prices)
            implements Layer {
        public static final String TYPE = "mpc";

        /** With prices not yet published forecast seasonal-naive, the default. */
        public Mpc(double horizonHours, long everyMs, Forecast forecast, double noiseFraction, long seed) {
            this(horizonHours, everyMs, forecast, noiseFraction, seed, Prices.SEASONAL_NAIVE);
        }

        @Override
        public String type() {
            return TYPE;
        }

        public Mpc {
            if (!(horizonHours > 0) || everyMs <= 0 || !(noiseFraction >= 0 && noiseFraction <= 1) || prices == null) {
                throw new IllegalArgumentException("need horizonHours > 0, everyMs > 0, noiseFraction in [0, 1]");
            }
        }

        /**
         * How the MPC forecasts prices not yet published: JEPX's day-ahead prices beyond the day it
         * has cleared, and the balancing market's prices of offers not yet sold. A tariff's own
         * prices are always known.
         */
        public enum Prices {
            /** The truth: the bound. */
            PERFECT,
            /** The same slot a week before. */
            SEASONAL_NAIVE,
            /** The mean of the same slot over the last 28 days. */
            MEAN_OF_FOUR_WEEKS
        }

        /** What the MPC knows of the net load ahead. */
        public enum Forecast {
            /** The truth: an upper bound of what any forecast can do. */
            PERFECT,
            /** The same period of the last day already seen: the usual baseline forecast. */
            SEASONAL_NAIVE,
            /** The truth with a relative Gaussian error. */
            NOISY
        }
    }

    /**
     * Stores PV surplus and covers the site's deficit; with {@code gridCharge} (null for none) it
     * charges from the grid in a time-of-use menu's cheap hours instead.
     */
    record SelfConsumption(dev.chikuden.control.SelfConsumption.GridCharge gridCharge) implements Layer {
        public static final String TYPE = dev.chikuden.control.SelfConsumption.NAME;

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Manual() implements Layer {
        public static final String TYPE = "manual";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The fleet's request ({@link dev.chikuden.control.FleetRequest}): what a portfolio asks of the site. */
    record Fleet() implements Layer {
        public static final String TYPE = dev.chikuden.control.FleetRequest.NAME;

        @Override
        public String type() {
            return TYPE;
        }
    }
}
