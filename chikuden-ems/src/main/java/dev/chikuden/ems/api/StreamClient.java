package dev.chikuden.ems.api;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebSocket subscriber of the cycle stream. It gets every cycle, in order, or is disconnected.
 * Sends are asynchronous and say nothing about the peer: they complete once the bytes are in the
 * kernel's socket buffer, which holds hundreds of kilobytes for a peer that never reads. So each
 * message is numbered, and once it is written a ping carrying its number follows it; every
 * WebSocket client (browsers and scripts alike) answers a ping with a pong echoing it, and as the
 * ping travels behind the message on the same connection, the pong proves the peer has read every
 * message up to that one. Once {@code maxBehind} messages are unread (a peer that reads too
 * slowly, or not at all) the client is closed with 1008 instead of being sent more. So a slow
 * client costs a bounded amount of memory, here and in the kernel, and never holds up the cycle or
 * the other clients; the dashboard reconnects and fills its gap from the telemetry store.
 */
final class StreamClient {
    static final int CLOSE_TOO_SLOW = 1008;
    static final int CLOSE_SEND_FAILED = 1011;

    /** Where messages go: asynchronous sends that report back, and a close. */
    interface Sink {
        /** Sends a text message; {@code written} once it is written to the connection. */
        void send(String text, Runnable written, Consumer<Throwable> failed);

        /** Sends a ping with this payload, which the peer's pong echoes. */
        void ping(byte[] payload, Consumer<Throwable> failed);

        void close(int code, String reason);
    }

    private final Sink sink;
    private final int maxBehind;
    /** The number of the last message offered (they count from 1). */
    private final AtomicLong sent = new AtomicLong();
    /** The highest message number the peer has confirmed reading. */
    private final AtomicLong read = new AtomicLong();

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
        if (unread() >= maxBehind) {
            close(CLOSE_TOO_SLOW, "too slow: " + maxBehind + " cycles unread");
            return false;
        }
        long number = sent.incrementAndGet();
        // Jetty sends a ping ahead of messages still queued, so it waits until this one is written
        sink.send(message, () -> ping(number), this::failed);
        return true;
    }

    private void ping(long number) {
        if (!closed.get()) {
            sink.ping(ByteBuffer.allocate(Long.BYTES).putLong(number).array(), this::failed);
        }
    }

    private void failed(Throwable failure) {
        close(CLOSE_SEND_FAILED, "send failed");
    }

    /**
     * A pong from the peer. Only a number this client sent and beyond the last confirmed one counts:
     * a late, repeated or foreign pong (clients may send pongs of their own) changes nothing.
     */
    void pong(ByteBuffer payload) {
        if (payload.remaining() != Long.BYTES) {
            return;
        }
        long number = payload.getLong(payload.position());
        read.accumulateAndGet(number, (last, n) -> n > last && n <= sent.get() ? n : last);
    }

    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            sink.close(code, reason);
        }
    }

    boolean closed() {
        return closed.get();
    }

    /** Messages sent so far. */
    long sent() {
        return sent.get();
    }

    /** Messages sent that the peer has not confirmed reading. */
    long unread() {
        return sent.get() - read.get();
    }
}
