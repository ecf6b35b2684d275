package dev.chikuden.ems.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebSocket subscriber of the cycle stream. At most one message is in flight: while the last
 * one is still being written to a slow peer, newer cycles are dropped for it (the dashboard draws
 * a gap), and after {@code maxMissed} drops in a row the peer is disconnected. So a slow client
 * costs a bounded amount of memory and never holds up the others.
 */
final class StreamClient {
    /** Closes a connection whose peer fell this many cycles behind. */
    static final int CLOSE_TOO_SLOW = 1008;

    /** Where messages go: an asynchronous send that reports back, and a close. */
    interface Sink {
        void send(String text, Runnable sent, Consumer<Throwable> failed);

        void close(int code, String reason);
    }

    private final Sink sink;
    private final int maxMissed;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int missedInARow; // only the hand-off thread offers

    StreamClient(Sink sink, int maxMissed) {
        this.sink = sink;
        this.maxMissed = maxMissed;
    }

    /** Sends the message unless the last is still in flight; false once the client is closed. */
    boolean offer(String message) {
        if (closed.get()) {
            return false;
        }
        if (!inFlight.compareAndSet(false, true)) {
            dropped.incrementAndGet();
            if (++missedInARow > maxMissed) {
                close(CLOSE_TOO_SLOW, "too slow: " + missedInARow + " cycles behind");
                return false;
            }
            return true;
        }
        missedInARow = 0;
        sink.send(message, () -> {
            sent.incrementAndGet();
            inFlight.set(false);
        }, failure -> {
            inFlight.set(false);
            close(1011, "send failed");
        });
        return true;
    }

    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            sink.close(code, reason);
        }
    }

    boolean closed() {
        return closed.get();
    }

    long sent() {
        return sent.get();
    }

    long dropped() {
        return dropped.get();
    }
}
