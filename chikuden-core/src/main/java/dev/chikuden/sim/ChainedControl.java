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
 * first-order lag, ramp-limited ({@link Converter}). The study step's battery power is the exact mean of the converter's
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
    private final Converter converter;
    private final double fastS;
    private final double supervisoryS;
    private final double[] loadRing;
    private final double[] pvRing;
    private final double[] commandRing;
    private final Measurements fast = new Measurements();
    private final Measurements supervisory = new Measurements();
    private long sub;
    private double issuedKw;

    ChainedControl(ControlChain chain, long stepMs, ControllerStack stack) {
        this.stack = stack;
        long g = gcd(stepMs, gcd(chain.fastPeriodMs(), chain.supervisoryPeriodMs()));
        g = gcd(g, chain.meterDelayMs());
        g = gcd(g, chain.commandDelayMs());
        this.subMs = g;
        this.subSteps = (int) (stepMs / g);
        this.fastEvery = (int) (chain.fastPeriodMs() / g);
        this.supervisoryEvery = (int) (chain.supervisoryPeriodMs() / g);
        this.converter = new Converter(chain.converterTimeConstantS(), chain.converterRampKwPerS(), g / 1000.0);
        this.fastS = chain.fastPeriodMs() / 1000.0;
        this.supervisoryS = chain.supervisoryPeriodMs() / 1000.0;
        this.loadRing = new double[(int) (chain.meterDelayMs() / g) + 1];
        this.pvRing = new double[loadRing.length];
        this.commandRing = new double[(int) (chain.commandDelayMs() / g) + 1];
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
        for (int j = 0; j < subSteps; j++, sub++, t += subMs) {
            int m = (int) (sub % loadRing.length);
            loadRing[m] = loadKw;
            pvRing[m] = pvKw;
            int seen = (int) ((sub + 1) % loadRing.length); // what the meter recorded meterDelay ago
            if (sub % supervisoryEvery == 0) {
                supervisory.update(
                        t, supervisoryS, loadRing[seen], pvRing[seen], frequencyHz, slotStartEpochMs, slotImportKwh);
                stack.supervise(supervisory, battery);
            }
            if (sub % fastEvery == 0) {
                fast.update(t, fastS, loadRing[seen], pvRing[seen], frequencyHz, slotStartEpochMs, slotImportKwh);
                issuedKw = stack.fastRequestKw(fast, battery);
                stack.applied(issuedKw, fast);
            }
            commandRing[(int) (sub % commandRing.length)] = issuedKw;
            sumKw += converter.converge(commandRing[(int) ((sub + 1) % commandRing.length)]); // issued commandDelay ago
        }
        return sumKw / subSteps;
    }

    /** The battery delivered {@code deliveredKw} of the {@code askedKw} the converter gave it: the converter did too. */
    void delivered(double deliveredKw, double askedKw) {
        converter.shift(deliveredKw - askedKw);
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
