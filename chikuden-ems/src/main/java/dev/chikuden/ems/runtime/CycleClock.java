package dev.chikuden.ems.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's sense of time: a monotonic clock that schedules the cycles, the wall clock that
 * stamps them, and the two ways a cycle waits (for its slot, for device answers). Injected so tests
 * step cycles on a manual clock, fast and deterministic; {@link #SYSTEM} is the real one.
 */
public interface CycleClock {
    /** Monotonic nanoseconds (only differences mean anything). */
    long nanoTime();

    /** Wall-clock time, UTC milliseconds. */
    long epochMs();

    /** Waits about {@code nanos}; may return early (a wake-up), so callers re-check the time. */
    void parkNanos(long nanos);

    /**
     * Waits until {@code future} completes or {@link #nanoTime()} reaches {@code deadlineNanos}.
     *
     * @return whether the future completed (normally or not)
     */
    boolean await(CompletableFuture<?> future, long deadlineNanos);

    /** The real clock: {@link System#nanoTime()}, {@link System#currentTimeMillis()}, {@link LockSupport}. */
    CycleClock SYSTEM = new CycleClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochMs() {
            return System.currentTimeMillis();
        }

        @Override
        public void parkNanos(long nanos) {
            LockSupport.parkNanos(nanos);
        }

        @Override
        public boolean await(CompletableFuture<?> future, long deadlineNanos) {
            if (future.isDone()) {
                return true;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                future.get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException e) {
                // completed, by failing: the caller reads the cause
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return future.isDone();
        }

        @Override
        public String toString() {
            return "system clock";
        }
    };
}
