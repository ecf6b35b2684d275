package dev.chikuden.ems.store;

import dev.chikuden.ems.cycle.CycleSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue between the control thread and the writer. When it is full the oldest cycle
 * makes room for the newest, and is counted: offering never blocks and never throws, and the
 * newest telemetry is the last to go.
 */
final class CycleQueue {
    private final ArrayBlockingQueue<CycleSnapshot> queue;
    private final AtomicLong dropped = new AtomicLong();

    CycleQueue(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    void offer(CycleSnapshot snapshot) {
        while (!queue.offer(snapshot)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    CycleSnapshot poll(long timeoutMs) throws InterruptedException {
        return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    void drainTo(List<CycleSnapshot> into, int maxRows) {
        queue.drainTo(into, maxRows);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Counts cycles taken off the queue that will never be written. */
    void dropUnwritten(int cycles) {
        dropped.addAndGet(cycles);
    }

    /**
     * Gives up on everything still queued (the store closes and cannot write), counting it as
     * dropped; returns how many that were.
     */
    int abandon() {
        List<CycleSnapshot> left = new ArrayList<>();
        queue.drainTo(left);
        dropUnwritten(left.size());
        return left.size();
    }

    long dropped() {
        return dropped.get();
    }
}
