package dev.chikuden.ems.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock that moves only when told: parking moves it to the wake-up time (plus an optional
 * overshoot, the jitter of a real wake-up), waiting for a future that has not completed moves it to
 * the deadline. Cycles run at once and every duration is exactly what the test made it.
 */
final class ManualClock implements CycleClock {
    private final long epochAtZeroMs;
    private final AtomicLong nanos = new AtomicLong();
    private volatile LongSupplier parkOvershootNanos = () -> 0;

    ManualClock(long epochAtZeroMs) {
        this.epochAtZeroMs = epochAtZeroMs;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long epochMs() {
        return epochAtZeroMs + nanos.get() / 1_000_000;
    }

    @Override
    public void parkNanos(long n) {
        advanceNanos(n + parkOvershootNanos.getAsLong());
    }

    @Override
    public boolean await(CompletableFuture<?> future, long deadlineNanos) {
        if (!future.isDone()) {
            nanos.accumulateAndGet(deadlineNanos, Math::max);
        }
        return future.isDone();
    }

    void advanceNanos(long n) {
        nanos.addAndGet(n);
    }

    void advanceMs(long ms) {
        advanceNanos(ms * 1_000_000);
    }

    /** Every park wakes this much late (successive values of the supplier). */
    void overshootParks(LongSupplier overshootNanos) {
        this.parkOvershootNanos = overshootNanos;
    }
}
