package dev.chikuden.ems.api;

import dev.chikuden.ems.cycle.CycleSnapshot;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each cycle's snapshot off the control thread: {@link #accept} only offers it to a bounded
 * queue (dropping it when the queue is full, counted) and returns; one thread of the API's own
 * hands it on to the consumers (the WebSocket stream, the grid-code window). Nothing the API does
 * can delay a cycle.
 */
final class CycleHandOff implements Consumer<CycleSnapshot>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CycleHandOff.class);
    static final int QUEUE = 1024;

    private final BlockingQueue<CycleSnapshot> queue = new ArrayBlockingQueue<>(QUEUE);
    private final List<Consumer<CycleSnapshot>> consumers;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    CycleHandOff(List<Consumer<CycleSnapshot>> consumers) {
        this.consumers = List.copyOf(consumers);
        this.thread = new Thread(this::run, "ems-api-cycles");
        thread.setDaemon(true);
        thread.start();
    }

    /** On the control thread: never blocks. */
    @Override
    public void accept(CycleSnapshot snapshot) {
        if (!queue.offer(snapshot)) {
            dropped.incrementAndGet();
        }
    }

    /** Snapshots dropped because the API fell more than {@link #QUEUE} cycles behind. */
    long dropped() {
        return dropped.get();
    }

    /** Snapshots handed to every consumer so far. */
    long handled() {
        return handled.get();
    }

    private void run() {
        while (running) {
            CycleSnapshot s;
            try {
                s = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (s == null) {
                continue;
            }
            for (Consumer<CycleSnapshot> c : consumers) {
                try {
                    c.accept(s);
                } catch (RuntimeException e) {
                    LOG.warn("cycle {}: an API consumer failed; the next cycle is handed on as usual", s.cycle(), e);
                }
            }
            handled.incrementAndGet();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
