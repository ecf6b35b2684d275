package dev.chikuden.sim;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;

/**
 * A controller stack acting through a {@link ControlChain}, inside the study steps: time advances in
 * sub-steps of the greatest common divisor of the study step, both loop periods and both delays;
 * the supervisory and fast loops act every so many sub-steps on the site as it was a meter delay
 * before, their commands reach the converter a command delay later, and the converter follows as a
 * first-order lag, ramp-limited. The study step's battery power is the exact mean of the converter's
 * over its sub-steps (the load and PV hold over a study step, as the study knows them no finer).
 *
 * <p>The stack hears, through {@code applied}, every command it issued (as the live service hears
 * the setpoints the units acknowledged): the converter's lag is for the loops to discover through
 * the meter, as they do live. Primitive rings, no allocation per step.
 */
final class ChainedControl {
    private final ControllerStack stack;
    private final int subSteps;
    private final long subMs;
    private final int fastEvery;
    private final int supervisoryEvery;
    private final double follow;
    private final double meanShare;
    private final double rampKwPerS;
    private final double tauS;
    private final double subS;
    private final double fastS;
    private final double supervisoryS;
    private final double[] loadRing;
    private final double[] pvRing;
    private final double[] commandRing;
    private final Measurements fast = new Measurements();
    private final Measurements supervisory = new Measurements();
    private long sub;
    private int meterAt;
    private int commandAt;
    private int toSupervise = 1;
    private int toFast = 1;
    private double issuedKw;
    private double converterKw;

    ChainedControl(ControlChain chain, long stepMs, ControllerStack stack) {
        this.stack = stack;
        // without a fast layer there is no plant loop: the supervisory decision is the command
        long fastMs = stack.hasFastLayers() ? chain.fastPeriodMs() : chain.supervisoryPeriodMs();
        long g = gcd(stepMs, gcd(fastMs, chain.supervisoryPeriodMs()));
        g = gcd(g, chain.meterDelayMs());
        g = gcd(g, chain.commandDelayMs());
        this.subMs = g;
        this.subSteps = (int) (stepMs / g);
        this.fastEvery = (int) (fastMs / g);
        this.supervisoryEvery = (int) (chain.supervisoryPeriodMs() / g);
        double subS = g / 1000.0;
        double tau = chain.converterTimeConstantS();
        this.follow = tau == 0 ? 1 : -Math.expm1(-subS / tau);
        this.meanShare = tau == 0 ? 0 : tau / subS * follow;
        this.rampKwPerS = chain.converterRampKwPerS();
        this.tauS = tau;
        this.subS = subS;
        this.fastS = fastMs / 1000.0;
        this.supervisoryS = chain.supervisoryPeriodMs() / 1000.0;
        this.loadRing = new double[(int) (chain.meterDelayMs() / g) + 1];
        this.pvRing = new double[loadRing.length];
        this.commandRing = new double[(int) (chain.commandDelayMs() / g) + 1];
    }

    /** The last command the fast loop issued, kW. */
    double issuedKw() {
        return issuedKw;
    }

    /** The sub-step, ms: the greatest common divisor of the step, the loop periods and the delays. */
    long subStepMs() {
        return subMs;
    }

    /**
     * Runs the loops and the converter over one study step starting at {@code epochMs}.
     *
     * @return the battery power the converter delivered on average over the step, before the
     *     battery's own limits over the step (which the loops' windows already respect)
     */
    double step(
            long epochMs,
            double loadKw,
            double pvKw,
            double frequencyHz,
            long slotStartEpochMs,
            double slotImportKwh,
            BatteryView battery) {
        if (sub == 0) {
            java.util.Arrays.fill(loadRing, loadKw);
            java.util.Arrays.fill(pvRing, pvKw);
        }
        double sumKw = 0;
        long t = epochMs;
        int meterLen = loadRing.length;
        int commandLen = commandRing.length;
        for (int j = 0; j < subSteps; j++, sub++, t += subMs) {
            loadRing[meterAt] = loadKw;
            pvRing[meterAt] = pvKw;
            meterAt = meterAt + 1 == meterLen ? 0 : meterAt + 1; // now the oldest: recorded meterDelay ago
            if (--toSupervise <= 0) {
                toSupervise = supervisoryEvery;
                supervisory.update(
                        t,
                        supervisoryS,
                        loadRing[meterAt],
                        pvRing[meterAt],
                        frequencyHz,
                        slotStartEpochMs,
                        slotImportKwh);
                stack.supervise(supervisory, battery);
            }
            if (--toFast <= 0) {
                toFast = fastEvery;
                fast.update(t, fastS, loadRing[meterAt], pvRing[meterAt], frequencyHz, slotStartEpochMs, slotImportKwh);
                issuedKw = stack.fastRequestKw(fast, battery);
                stack.applied(issuedKw, fast);
            }
            commandRing[commandAt] = issuedKw;
            commandAt = commandAt + 1 == commandLen ? 0 : commandAt + 1; // now the oldest: issued commandDelay ago
            sumKw += converge(commandRing[commandAt]);
        }
        return sumKw / subSteps;
    }

    /**
     * Moves the converter toward {@code commandKw} over one sub-step and returns its mean power then,
     * exactly: where the first-order lag would change faster than the ramp limit (a gap wider than
     * ramp x time constant) the converter ramps straight until it is not, then follows the lag.
     */
    private double converge(double commandKw) {
        double gap = converterKw - commandKw;
        double wide = Math.abs(gap) - rampKwPerS * tauS;
        if (!(wide > 0)) { // the ramp never binds (also an infinite ramp): the lag alone, precomputed
            double mean = commandKw + gap * meanShare;
            converterKw = commandKw + gap * (1 - follow);
            return mean;
        }
        double rampS = Math.min(subS, wide / rampKwPerS);
        double start = converterKw;
        double end = start - Math.copySign(rampKwPerS * rampS, gap);
        double integral = (start + end) / 2 * rampS;
        double restS = subS - rampS;
        if (restS > 0) {
            double g = end - commandKw;
            double e = tauS == 0 ? 0 : Math.exp(-restS / tauS);
            integral += commandKw * restS + g * tauS * (1 - e);
            end = commandKw + g * e;
        }
        converterKw = end;
        return integral / subS;
    }

    /** The battery delivered {@code deliveredKw} of the {@code askedKw} the converter gave it: the converter did too. */
    void delivered(double deliveredKw, double askedKw) {
        converterKw += deliveredKw - askedKw;
    }

    private static long gcd(long a, long b) {
        if (b == 0) {
            return a;
        }
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
