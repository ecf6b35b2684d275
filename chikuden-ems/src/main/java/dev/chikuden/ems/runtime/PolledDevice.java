package dev.chikuden.ems.runtime;

import dev.chikuden.ems.device.DeviceReading;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One device as the cycle polls it: the read in flight this cycle, whether it answered, how many
 * cycles in a row it did not, and (for the API) the last good reading with its time. A reading that
 * did not arrive is missing for this cycle, never replaced by the last good one.
 *
 * @param <R> the device's reading
 */
final class PolledDevice<R extends DeviceReading> {
    final String name;
    final String kind;
    final String address;
    private final Supplier<CompletableFuture<R>> reader;
    private final Function<R, String> check;
    private CompletableFuture<R> pending;
    private boolean unanswered;

    // written by the cycle thread only, published for the API
    private volatile int misses;
    private volatile boolean fresh;
    private volatile R lastGood;
    private volatile long lastGoodEpochMs = Long.MIN_VALUE;
    private volatile String lastProblem;

    /** Alarm ids in the {@link AlarmLog}, -1 while none is active (cycle thread only). */
    long silentAlarm = -1;

    long writeAlarm = -1;
    long deviceAlarm = -1;

    /**
     * @param check what is wrong with a reading that arrived (a non-finite power...), null when it can be used
     */
    PolledDevice(
            String name,
            String kind,
            String address,
            Supplier<CompletableFuture<R>> reader,
            Function<R, String> check) {
        this.name = name;
        this.kind = kind;
        this.address = address;
        this.reader = reader;
        this.check = check;
    }

    /**
     * Starts this cycle's read; a driver that throws instead of failing its future counts as no
     * answer. While the request of an earlier cycle is still open no new one is sent (the cycle
     * counts as missed), so a device that stopped answering never has more than one request queued.
     */
    CompletableFuture<R> startRead() {
        unanswered = pending != null && !pending.isDone();
        if (unanswered) {
            return pending;
        }
        try {
            pending = reader.get();
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        if (pending == null) {
            pending = CompletableFuture.failedFuture(new IllegalStateException("the driver returned no future"));
        }
        return pending;
    }

    /** Waits for this cycle's read until the deadline. */
    void await(CycleClock clock, long deadlineNanos) {
        if (!unanswered) {
            clock.await(pending, deadlineNanos);
        }
    }

    /**
     * This cycle's reading, or null when it did not arrive in time, failed, or cannot be used; the
     * freshness and the count of misses follow.
     *
     * @param epochMs  the cycle's time stamp
     * @param waitedMs how long the cycle waited, for the message when there was no answer
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // one writer, the cycle thread; volatile only publishes
    R collect(long epochMs, long waitedMs) {
        CompletableFuture<R> f = pending;
        R reading = null;
        String problem;
        if (unanswered) {
            problem = "no answer yet to the request of an earlier cycle";
        } else if (!f.isDone()) {
            problem = "no answer within " + waitedMs + " ms"; // kept open: a late answer is not used
        } else {
            pending = null;
            try {
                reading = f.getNow(null);
                problem = reading == null ? "empty answer" : check.apply(reading);
            } catch (CompletionException | CancellationException e) {
                problem = describe(e);
            }
        }
        if (problem == null) {
            misses = 0;
            fresh = true;
            lastGood = reading;
            lastGoodEpochMs = epochMs;
            return reading;
        }
        misses = misses + 1;
        fresh = false;
        if (!unanswered) {
            lastProblem = problem; // keep the first cause while the request stays open
        }
        return null;
    }

    /** A failure for people: the cause's message, or its type when it has none. */
    static String describe(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }

    int misses() {
        return misses;
    }

    boolean fresh() {
        return fresh;
    }

    /** The last reading that arrived and could be used, null before the first. */
    R lastGood() {
        return lastGood;
    }

    /** The cycle time stamp of {@link #lastGood()}, {@link Long#MIN_VALUE} before the first. */
    long lastGoodEpochMs() {
        return lastGoodEpochMs;
    }

    /** Why the last missed reading was missing, null if none ever was. */
    String lastProblem() {
        return lastProblem;
    }

    @Override
    public String toString() {
        return name + " at " + address;
    }
}
