package dev.chikuden.control;

/**
 * The control chain between the grid meter and the converters: how often each loop acts, how old
 * its measurements are, how late its commands arrive and how the converter follows them.
 *
 * <p>A loop acting at time {@code t} sees the site as it was at {@code t - meterDelay}; the
 * command it writes reaches the converter at {@code t + commandDelay}; the converter then moves
 * toward it as a first-order lag with time constant {@code converterTimeConstant}, never faster
 * than {@code converterRamp}. A zero meter delay means a loop sees the step it acts in (the
 * idealisation a study without a chain makes).
 *
 * @param supervisoryPeriodMs   the EMS cycle
 * @param fastPeriodMs          the plant loop's period; at most the supervisory period
 * @param fastHost              where the fast loop runs live
 * @param meterDelayMs          age of a measurement when a loop acts on it
 * @param commandDelayMs        from a loop's decision to the converter receiving it
 * @param converterTimeConstantS the converter's first-order response, s (0: it follows at once)
 * @param converterRampKwPerS   the fastest the converter changes its power; infinite for no limit
 */
public record ControlChain(
        long supervisoryPeriodMs,
        long fastPeriodMs,
        FastHost fastHost,
        long meterDelayMs,
        long commandDelayMs,
        double converterTimeConstantS,
        double converterRampKwPerS) {

    /** The shortest loop period and step: 10 ms. */
    public static final long MIN_PERIOD_MS = 10;
    /**
     * The longest study step the chain is simulated within: at longer steps its latency is below
     * what the step resolves, and a study's loops act once per step.
     */
    public static final long MAX_CHAINED_STEP_MS = 10_000;

    /** The longest delay a chain may have. */
    public static final long MAX_DELAY_MS = 10_000;

    /** Where the fast loop runs in the live system. */
    public enum FastHost {
        /** A fast thread of the EMS process: reads the grid meter, writes one setpoint shared over the units. */
        EMS("ems"),
        /** A plant controller beside the converters, parameterised by the EMS over Modbus. */
        DEVICE("device");

        private final String type;

        FastHost(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    public ControlChain {
        if (supervisoryPeriodMs < MIN_PERIOD_MS || fastPeriodMs < MIN_PERIOD_MS) {
            throw new IllegalArgumentException("loop periods must be at least " + MIN_PERIOD_MS + " ms, were "
                    + supervisoryPeriodMs + " and " + fastPeriodMs);
        }
        if (fastPeriodMs > supervisoryPeriodMs) {
            throw new IllegalArgumentException("the fast loop (" + fastPeriodMs
                    + " ms) must not be slower than the supervisory loop (" + supervisoryPeriodMs + " ms)");
        }
        if (meterDelayMs < 0 || commandDelayMs < 0 || meterDelayMs > MAX_DELAY_MS || commandDelayMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("delays must be within 0 .. " + MAX_DELAY_MS + " ms, were "
                    + meterDelayMs + " and " + commandDelayMs);
        }
        if (!(converterTimeConstantS >= 0 && converterTimeConstantS <= MAX_DELAY_MS / 1000.0)) {
            throw new IllegalArgumentException("converterTimeConstantS must be within 0 .. " + MAX_DELAY_MS / 1000.0
                    + " s, was " + converterTimeConstantS);
        }
        if (!(converterRampKwPerS > 0)) {
            throw new IllegalArgumentException("converterRampKwPerS must be > 0, was " + converterRampKwPerS);
        }
        if (fastHost == null) {
            throw new IllegalArgumentException("fastHost is required");
        }
    }

    /**
     * The chain of real practice (README, "The control chain"): the EMS every second, the fast loop
     * in the EMS every 100 ms, 50 ms meter and command delays, a 150 ms converter.
     */
    public static ControlChain defaults(double converterRampKwPerS) {
        return new ControlChain(1000, 100, FastHost.EMS, 50, 50, 0.150, converterRampKwPerS);
    }

    /** No latency: both loops act every {@code stepMs} on the step they act in, the converter follows at once. */
    public static ControlChain ideal(long stepMs, double converterRampKwPerS) {
        long p = Math.max(MIN_PERIOD_MS, stepMs);
        return new ControlChain(p, p, FastHost.EMS, 0, 0, 0, converterRampKwPerS);
    }

    /** Measurement delay + command delay + converter time constant, s. */
    public double totalLatencyS() {
        return (meterDelayMs + commandDelayMs) / 1000.0 + converterTimeConstantS;
    }

    /** True when nothing lags: no delay and a converter that follows at once. */
    public boolean zeroLatency() {
        return meterDelayMs == 0 && commandDelayMs == 0 && converterTimeConstantS == 0;
    }

    /** This chain with its three latencies scaled by {@code factor} (delays rounded to whole ms). */
    public ControlChain scaledLatency(double factor) {
        return new ControlChain(
                supervisoryPeriodMs,
                fastPeriodMs,
                fastHost,
                Math.round(meterDelayMs * factor),
                Math.round(commandDelayMs * factor),
                converterTimeConstantS * factor,
                converterRampKwPerS);
    }
}
