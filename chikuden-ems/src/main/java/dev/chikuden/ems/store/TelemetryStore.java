package dev.chikuden.ems.store;

import dev.chikuden.ems.cycle.CycleSnapshot;
import java.util.List;

/**
 * Where every cycle's snapshot is kept. {@link #append} never blocks the control cycle: a writer
 * thread commits in batches. A cycle counts as acknowledged once its row is committed; acknowledged
 * rows survive a kill -9 of the service. Long ranges are answered from downsampled aggregates.
 */
public interface TelemetryStore extends AutoCloseable {
    /** Queues one cycle for writing; never blocks, never throws on the control thread. */
    void append(CycleSnapshot snapshot);

    /** The highest cycle number committed to the store, 0 when none. */
    long acknowledgedCycle();

    /**
     * Cycles given to {@link #append} that will never be written: dropped, oldest first, while the
     * queue was full (the database slower than the cycle or unreachable), or left unwritten at close.
     */
    default long droppedCycles() {
        return 0;
    }

    /**
     * Telemetry between two instants (UTC ms, inclusive), at most about {@code maxPoints} rows: raw
     * cycles when they fit, else aggregates (mean, min, max) over buckets of a coarser resolution.
     */
    List<TelemetryPoint> query(long fromEpochMs, long toEpochMs, int maxPoints);

    /** Flushes what is queued, commits and closes. */
    @Override
    void close();
}
