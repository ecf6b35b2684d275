package dev.chikuden.ems.runtime;

/**
 * Notices a cycle still running after {@code limitNanos}: a device call that hangs instead of
 * failing its future, a controller stuck in a loop. Its own thread (or a test) calls
 * {@link #check}; a stuck cycle raises {@code cycle-stuck} once, and the alarm clears at the end of
 * the next cycle that completes in time. The cycle asks {@link #tripped} before it writes, so a
 * cycle that was declared stuck does not write its stale decision after the watchdog wrote the safe
 * setpoint.
 */
final class Watchdog {
    private final long limitNanos;
    private final AlarmLog alarms;
    private long running; // the cycle in progress, 0 between cycles
    private long startedNanos;
    private volatile long trippedCycle;
    private long alarm = -1;

    Watchdog(long limitNanos, AlarmLog alarms) {
        this.limitNanos = limitNanos;
        this.alarms = alarms;
    }

    synchronized void started(long cycle, long nowNanos) {
        running = cycle;
        startedNanos = nowNanos;
    }

    /** The cycle ended: a cycle that completed in time clears an earlier stuck alarm. */
    synchronized void ended(long cycle, long epochMs) {
        running = 0;
        if (alarm >= 0 && trippedCycle != cycle) {
            alarms.clear(alarm, epochMs);
            alarm = -1;
        }
    }

    /**
     * Trips when the running cycle has run longer than the limit (once per cycle).
     *
     * @return whether it tripped now: the caller then puts the site in the safe state
     */
    synchronized boolean check(long nowNanos, long epochMs) {
        if (running == 0 || trippedCycle == running) {
            return false;
        }
        long elapsed = nowNanos - startedNanos;
        if (elapsed <= limitNanos) {
            return false;
        }
        trippedCycle = running;
        if (alarm < 0) {
            alarm = alarms.raise(
                    "cycle-stuck",
                    "cycle",
                    "cycle " + running + " still running after " + elapsed / 1_000_000 + " ms (watchdog "
                            + limitNanos / 1_000_000 + " ms)",
                    epochMs);
        }
        return true;
    }

    /** Whether the watchdog declared {@code cycle} stuck. */
    boolean tripped(long cycle) {
        return trippedCycle == cycle;
    }

    /** Whether a stuck cycle's alarm is still active. */
    synchronized boolean stuck() {
        return alarm >= 0;
    }
}
