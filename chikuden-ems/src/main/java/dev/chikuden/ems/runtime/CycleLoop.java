package dev.chikuden.ems.runtime;

import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cycles at a fixed rate on the monotonic clock: slot {@code k} is due at
 * {@code first + k * period}. A cycle that ends after its next slot was due (an overrun) skips
 * every slot already passed and waits for the next one: the loop never runs cycles back to back to
 * catch up, and counts the overrun. The supervisory cycle and the fast loop each run on one.
 */
final class CycleLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CycleLoop.class);

    private final CycleClock clock;
    private final long periodNanos;
    private final String what;
    private final LongConsumer cycle;
    private final TimingWindow times;
    private final AlarmLog alarms;
    private final Runnable failsafe;
    private long dueNanos = Long.MIN_VALUE;
    private long errorAlarm = -1;
    private volatile boolean running = true;

    /**
     * @param what     the loop's name in its alarm's source ({@code cycle}, {@code fast-loop})
     * @param cycle    runs the cycle due at the given monotonic time
     * @param times    counts the overruns
     * @param failsafe puts the site in the safe state when a cycle fails with an exception (a bug)
     */
    CycleLoop(
            CycleClock clock,
            long periodNanos,
            String what,
            LongConsumer cycle,
            TimingWindow times,
            AlarmLog alarms,
            Runnable failsafe) {
        this.clock = clock;
        this.periodNanos = periodNanos;
        this.what = what;
        this.cycle = cycle;
        this.times = times;
        this.alarms = alarms;
        this.failsafe = failsafe;
    }

    @Override
    public void run() {
        while (runOne()) {
            // next slot
        }
    }

    /**
     * Waits for the next slot and runs its cycle.
     *
     * @return false when stopped
     */
    boolean runOne() {
        if (dueNanos == Long.MIN_VALUE) {
            dueNanos = clock.nanoTime();
        }
        long now;
        while ((now = clock.nanoTime()) < dueNanos) {
            if (!running) {
                return false;
            }
            clock.parkNanos(dueNanos - now);
        }
        if (!running) {
            return false;
        }
        try {
            cycle.accept(dueNanos);
            if (errorAlarm >= 0) {
                alarms.clear(errorAlarm, clock.epochMs());
                errorAlarm = -1;
            }
        } catch (RuntimeException e) {
            // a bug, not a device: safe state now, and the loop goes on (the next cycle decides afresh)
            LOG.error("{}: a cycle failed", what, e);
            if (errorAlarm < 0) {
                errorAlarm = alarms.raise(
                        "cycle-error", what, "a control cycle failed: " + PolledDevice.describe(e), clock.epochMs());
            }
            failsafe.run();
        }
        long end = clock.nanoTime();
        dueNanos += periodNanos;
        if (end >= dueNanos) {
            dueNanos += ((end - dueNanos) / periodNanos + 1) * periodNanos;
            times.overrun();
        }
        return true;
    }

    /** Ends the loop after the cycle in progress; the caller wakes the thread. */
    void stop() {
        running = false;
    }
}
