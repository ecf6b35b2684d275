package dev.chikuden.sim;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds a run's sinks on a thread of their own while the engine simulates the next chunks: the
 * engine fills a chunk from a small pool, hands it over, and takes the next free one. The sinks see
 * every chunk once, in order, on that one thread, as they would on the engine's. A sink's failure
 * stops the run at the next chunk and is thrown by {@link #finish}.
 */
final class SinkThread {
    /** Chunks in flight: one being simulated, one being recorded, one waiting. */
    private static final int CHUNKS = 3;

    private static final StepChunk END = new StepChunk(0);

    private final List<? extends StepSink> sinks;
    private final BlockingQueue<StepChunk> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<StepChunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread thread;
    private volatile Throwable failure;

    SinkThread(List<? extends StepSink> sinks, int chunkSize) {
        this.sinks = sinks;
        for (int k = 0; k < CHUNKS; k++) {
            free.add(new StepChunk(chunkSize));
        }
        thread = new Thread(this::record, Thread.currentThread().getName() + "-sinks");
        thread.setDaemon(true);
        thread.start();
    }

    /** A chunk to fill next. */
    StepChunk next() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sinks recorded", e);
        }
    }

    /** Hands a filled chunk to the sinks. */
    void hand(StepChunk c) {
        put(full, c);
    }

    /** Whether a sink has failed: the run need not go on. */
    boolean failed() {
        return failure != null;
    }

    /**
     * Waits for the sinks to record every chunk handed, closes them on the caller's thread, and throws
     * what a sink threw.
     */
    void finish() {
        put(full, END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sinks recorded", e);
        } finally {
            for (StepSink s : sinks) {
                s.close();
            }
        }
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("a sink failed", t);
        }
    }

    private void record() {
        try {
            for (StepChunk c = full.take(); c != END; c = full.take()) {
                if (failure == null) {
                    try {
                        for (StepSink s : sinks) {
                            s.accept(c);
                        }
                    } catch (Throwable t) {
                        failure = t;
                    }
                }
                free.put(c);
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    private static void put(BlockingQueue<StepChunk> q, StepChunk c) {
        try {
            q.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sinks recorded", e);
        }
    }
}
