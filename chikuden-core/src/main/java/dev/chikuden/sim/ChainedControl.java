package dev.chikuden.sim;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;

/**
 * A controller stack acting through a {@link ControlChain}, inside the study steps. Time advances
 * from event to event: a supervisory pass, a fast pass, a command reaching the converter. Each loop
 * acts at its own period on the site as it was a meter delay before (the load and PV hold over a
 * study step, as the study knows them no finer); its command reaches the converter a command delay
 * later; between events the converter follows its command as a first-order lag, ramp-limited
 * ({@link Converter}, exact). The study step's battery power is the converter's exact mean over it.
 * The cost is per event, not per millisecond: a 1-s study with a 1-s supervisory loop and no fast
 * layer has three spans a step.
 *
 * <p>The stack hears, through {@code applied}, every command it issued (as the live service hears
 * the setpoints the units acknowledged): the converter's lag is for the loops to discover through
 * the meter, as they do live. Fixed rings, no allocation per step.
 */
final class ChainedControl {
    private final ControllerStack stack;
    private final long stepMs;
    private final long fastMs;
    private final long supervisoryMs;
    private final long meterDelayMs;
    private final long commandDelayMs;
    private final Converter converter;
    private final double fastS;
    private final double supervisoryS;
    // the last steps' start and values: what the meter saw meterDelay ago
    private final long[] seenFromMs;
    private final double[] seenLoadKw;
    private final double[] seenPvKw;
    private int seenNewest = -1;
    private int seenCount;
    // commands on their way to the converter, oldest first
    private final long[] arrivesMs;
    private final double[] arrivingKw;
    private int queueHead;
    private int queued;
    private final Measurements fast = new Measurements();
    private final Measurements supervisory = new Measurements();
    private final long firstPassEpochMs;
    private long nextSupervisoryMs = Long.MIN_VALUE;
    private long nextFastMs;
    private long originMs;
    private double issuedKw;
    private double inputKw;

    ChainedControl(ControlChain chain, long stepMs, ControllerStack stack) {
        this(chain, stepMs, stack, Long.MIN_VALUE);
    }

    /** @param firstPassEpochMs when the loops' first passes are (the first step's start when earlier) */
    ChainedControl(ControlChain chain, long stepMs, ControllerStack stack, long firstPassEpochMs) {
        this.firstPassEpochMs = firstPassEpochMs;
        this.stack = stack;
        this.stepMs = stepMs;
        // without a fast layer there is no plant loop: the supervisory decision is the command
        this.fastMs = stack.hasFastLayers() ? chain.fastPeriodMs() : chain.supervisoryPeriodMs();
        this.supervisoryMs = chain.supervisoryPeriodMs();
        this.meterDelayMs = chain.meterDelayMs();
        this.commandDelayMs = chain.commandDelayMs();
        this.fastS = fastMs / 1000.0;
        this.supervisoryS = supervisoryMs / 1000.0;
        // the span between events is most often this: its exponentials are computed once
        long usualSpanMs = gcd(Math.min(fastMs, stepMs), commandDelayMs);
        this.converter =
                new Converter(chain.converterTimeConstantS(), chain.converterRampKwPerS(), usualSpanMs / 1000.0);
        int steps = (int) (meterDelayMs / stepMs) + 2;
        this.seenFromMs = new long[steps];
        this.seenLoadKw = new double[steps];
        this.seenPvKw = new double[steps];
        int inFlight = (int) (commandDelayMs / fastMs) + 2;
        this.arrivesMs = new long[inFlight];
        this.arrivingKw = new double[inFlight];
    }

    /** The last command the fast loop issued, kW. */
    double issuedKw() {
        return issuedKw;
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
        if (nextSupervisoryMs == Long.MIN_VALUE) {
            originMs = epochMs;
            nextSupervisoryMs = Math.max(epochMs, firstPassEpochMs);
            nextFastMs = nextSupervisoryMs;
        }
        seenNewest = seenNewest + 1 == seenFromMs.length ? 0 : seenNewest + 1;
        seenFromMs[seenNewest] = epochMs;
        seenLoadKw[seenNewest] = loadKw;
        seenPvKw[seenNewest] = pvKw;
        seenCount = Math.min(seenCount + 1, seenFromMs.length);
        long endMs = epochMs + stepMs;
        double integralKwMs = 0;
        long t = epochMs;
        while (t < endMs) {
            while (queued > 0 && arrivesMs[queueHead] <= t) {
                inputKw = arrivingKw[queueHead];
                queueHead = queueHead + 1 == arrivesMs.length ? 0 : queueHead + 1;
                queued--;
            }
            if (nextSupervisoryMs <= t) {
                int s = seen(t - meterDelayMs);
                supervisory.update(
                        t, supervisoryS, seenLoadKw[s], seenPvKw[s], frequencyHz, slotStartEpochMs, slotImportKwh);
                stack.supervise(supervisory, battery);
                nextSupervisoryMs += supervisoryMs;
            }
            if (nextFastMs <= t) {
                int s = seen(t - meterDelayMs);
                fast.update(t, fastS, seenLoadKw[s], seenPvKw[s], frequencyHz, slotStartEpochMs, slotImportKwh);
                issuedKw = stack.fastRequestKw(fast, battery);
                stack.applied(issuedKw, fast);
                send(t + commandDelayMs, issuedKw);
                // on the fast period's grid from the run's start, as a plant controller ticks (a late first pass
                // included)
                nextFastMs = originMs + ((t - originMs) / fastMs + 1) * fastMs;
                continue; // a command without delay arrives now
            }
            long next = Math.min(endMs, Math.min(nextSupervisoryMs, nextFastMs));
            if (queued > 0) {
                next = Math.min(next, arrivesMs[queueHead]);
            }
            long spanMs = next - t;
            integralKwMs += converter.converge(inputKw, spanMs / 1000.0) * spanMs;
            t = next;
        }
        return integralKwMs / stepMs;
    }

    private void send(long atMs, double kw) {
        if (queued == arrivesMs.length) { // cannot happen with the sizes above; never lose a command
            throw new IllegalStateException("more commands in flight than the command delay allows");
        }
        int tail = queueHead + queued;
        tail = tail >= arrivesMs.length ? tail - arrivesMs.length : tail;
        arrivesMs[tail] = atMs;
        arrivingKw[tail] = kw;
        queued++;
    }

    /** The step the meter was in at {@code atMs} (the oldest kept, before the study's first step). */
    private int seen(long atMs) {
        int i = seenNewest;
        for (int k = 1; k < seenCount; k++) {
            if (seenFromMs[i] <= atMs) {
                return i;
            }
            i = i == 0 ? seenFromMs.length - 1 : i - 1;
        }
        return i;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** The battery delivered {@code deliveredKw} of the {@code askedKw} the converter gave it: the converter did too. */
    void delivered(double deliveredKw, double askedKw) {
        converter.shift(deliveredKw - askedKw);
    }
}
