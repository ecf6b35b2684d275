package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControlChain;

/**
 * What the fast loop counts, written by its thread and read by the API's and the supervisory
 * cycle's: the read-to-acknowledge latency of each command in a {@link TimingWindow} (its duration
 * column; the lateness column is the start's lateness), the cycles, the held ones, the last binding
 * and command.
 */
final class FastLoopStats {
    final long periodMs;
    final TimingWindow latency;
    private volatile long cycles;
    private volatile long meterMisses;
    private volatile String lastBinding;
    private volatile double lastCommandedKw = Double.NaN;

    FastLoopStats(long periodMs) {
        this.periodMs = periodMs;
        this.latency = new TimingWindow(periodMs, TimingWindow.DEFAULT_CYCLES);
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // one writer, the fast thread; volatile only publishes
    void cycle() {
        cycles++;
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // one writer, the fast thread
    void meterMissed() {
        meterMisses++;
    }

    /** A command every unit acknowledged, {@code latencyMs} after its meter read started. */
    void commanded(double kw, String binding, double latencyMs, double lateMs) {
        lastCommandedKw = kw;
        lastBinding = binding;
        latency.record(latencyMs, lateMs);
    }

    String lastBinding() {
        return lastBinding;
    }

    /** The last command acknowledged, NaN before the first. */
    double lastCommandedKw() {
        return lastCommandedKw;
    }

    FastLoopStatus status() {
        CycleTiming t = latency.timing();
        return new FastLoopStatus(
                periodMs,
                ControlChain.FastHost.EMS.type(),
                cycles,
                t.cycles(),
                t.p50Ms(),
                t.p99Ms(),
                t.overruns(),
                meterMisses,
                lastBinding);
    }
}
