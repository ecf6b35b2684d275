package dev.chikuden.ems.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebSocket subscriber of the cycle stream. It gets every cycle, in order, or is disconnected:
 * sends are asynchronous, and once {@code maxBehind} messages are still unsent to it (a peer that
 * reads too slowly, or not at all) it is closed with 1008 instead of being queued more. So a slow
 * client costs a bounded amount of memory and never holds up the cycle or the other clients; the
 * dashboard reconnects and fills its gap from the telemetry store.
 */
final class StreamClient {
    static final int CLOSE_TOO_SLOW = 1008;
    static final int CLOSE_SEND_FAILED = 1011;

    /** Where messages go: an asynchronous send that reports back, and a close. */
    interface Sink {
        void send(String text, Runnable sent, Consumer<Throwable> failed);

        void close(int code, String reason);
    }

    private final Sink sink;
    private final int maxBehind;
    private final AtomicInteger unsent = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamClient(Sink sink, int maxBehind) {
        this.sink = sink;
        this.maxBehind = maxBehind;
    }

    /** Sends the message; false once the client is closed (now or before). */
    boolean offer(String message) {
        if (closed.get()) {
            return false;
        }
        if (unsent.get() >= maxBehind) {
            close(CLOSE_TOO_SLOW, "too slow: " + maxBehind + " cycles unsent");
            return false;
        }
        unsent.incrementAndGet();
        sink.send(
                message,
                () -> {
                    sent.incrementAndGet();
                    unsent.decrementAndGet();
                },
                failure -> close(CLOSE_SEND_FAILED, "send failed"));
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

    int unsent() {
        return unsent.get();
    }
}
