package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The per-subscriber policy: every message in order, each followed once written by a ping with its
 * number, and a disconnect once too many are unread, counted by the pongs.
 */
class StreamClientTest {
    /** Records sends and pings; completes the writes only when told. */
    private static final class HeldSink implements StreamClient.Sink {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> writes = new ArrayList<>();
        final List<Consumer<Throwable>> failures = new ArrayList<>();
        final List<Long> pings = new ArrayList<>();
        int closeCode;
        String closeReason;
        int closes;

        @Override
        public void send(String text, Runnable written, Consumer<Throwable> failed) {
            sent.add(text);
            writes.add(written);
            failures.add(failed);
        }

        @Override
        public void ping(byte[] payload, Consumer<Throwable> failed) {
            assertThat(payload).hasSize(8);
            pings.add(ByteBuffer.wrap(payload).getLong());
            failures.add(failed);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
            closes++;
        }

        void writeAll() {
            writes.forEach(Runnable::run);
            writes.clear();
        }
    }

    private static ByteBuffer pong(long number) {
        return ByteBuffer.allocate(8).putLong(0, number);
    }

    @Test
    void aPeerThatAnswersEachPingGetsEveryMessageInOrder() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        for (int i = 0; i < 100; i++) {
            assertThat(c.offer("m" + i)).isTrue();
            sink.writeAll();
            c.pong(pong(i + 1));
            assertThat(c.unread()).isZero();
        }
        assertThat(sink.sent).hasSize(100).startsWith("m0", "m1").endsWith("m99");
        assertThat(sink.pings).hasSize(100).startsWith(1L, 2L).endsWith(100L);
        assertThat(c.sent()).isEqualTo(100);
        assertThat(c.closed()).isFalse();
    }

    @Test
    void thePingFollowsTheMessageOnlyOnceItIsWritten() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        c.offer("a");
        c.offer("b");
        assertThat(sink.pings)
                .as("Jetty would send a ping ahead of queued messages")
                .isEmpty();
        sink.writes.get(1).run();
        assertThat(sink.pings).containsExactly(2L);
        sink.writes.get(0).run();
        assertThat(sink.pings).containsExactly(2L, 1L);
    }

    @Test
    void writtenIsNotRead() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        c.offer("a");
        c.offer("b");
        c.offer("c");
        sink.writeAll(); // in the kernel's socket buffer, all of them
        assertThat(c.unread()).isEqualTo(3);
        assertThat(c.offer("d")).isFalse();
        assertThat(sink.closeCode).isEqualTo(StreamClient.CLOSE_TOO_SLOW);
        assertThat(sink.closeReason).isEqualTo("too slow: 3 cycles unread");
    }

    @Test
    void aPeerThatReadsNothingIsClosedAtExactlyMaxBehindUnreadAndGetsNoMore() {
        HeldSink sink = new HeldSink();
        int maxBehind = ApiServer.MAX_BEHIND;
        StreamClient c = new StreamClient(sink, maxBehind);
        for (int i = 1; i <= maxBehind; i++) {
            assertThat(c.offer("m" + i)).as("message %d", i).isTrue();
            sink.writeAll();
        }
        assertThat(c.unread()).isEqualTo(maxBehind);
        assertThat(c.closed()).isFalse();
        assertThat(c.offer("one too many")).isFalse();
        assertThat(sink.closeCode).isEqualTo(StreamClient.CLOSE_TOO_SLOW);
        assertThat(sink.closeReason).isEqualTo("too slow: 30 cycles unread");
        assertThat(c.offer("later")).isFalse();
        assertThat(sink.sent).hasSize(maxBehind).endsWith("m30");
        assertThat(sink.closes).isEqualTo(1);
    }

    @Test
    void onePongLessThanTheLimitKeepsThePeer() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 30);
        for (int i = 1; i <= 30; i++) {
            c.offer("m" + i);
        }
        c.pong(pong(1));
        assertThat(c.unread()).isEqualTo(29);
        assertThat(c.offer("m31")).isTrue();
        assertThat(c.unread()).isEqualTo(30);
        assertThat(c.offer("m32")).isFalse();
        assertThat(sink.sent).hasSize(31);
    }

    @Test
    void latePongsRepeatedPongsAndForeignPongsChangeNothing() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 30);
        for (int i = 1; i <= 10; i++) {
            c.offer("m" + i);
        }
        c.pong(pong(7));
        assertThat(c.unread()).isEqualTo(3);
        c.pong(pong(4)); // out of order: an earlier one arriving late
        c.pong(pong(7)); // repeated
        c.pong(pong(11)); // never sent
        c.pong(pong(Long.MAX_VALUE));
        c.pong(pong(-1));
        c.pong(pong(0));
        c.pong(ByteBuffer.allocate(0)); // an unsolicited pong, as a heartbeat
        c.pong(ByteBuffer.wrap(new byte[] {0, 0, 0, 9}));
        c.pong(ByteBuffer.allocate(9).putLong(0, 10));
        assertThat(c.unread()).isEqualTo(3);
        c.pong(pong(10));
        assertThat(c.unread()).isZero();
    }

    @Test
    void aPongIsReadWhereverItsBufferStands() {
        StreamClient c = new StreamClient(new HeldSink(), 30);
        c.offer("a");
        c.offer("b");
        ByteBuffer framed = ByteBuffer.allocate(20).putLong(4, 2).position(4).limit(12);
        c.pong(framed);
        assertThat(c.unread()).isZero();
    }

    @Test
    void aFailedSendOrPingClosesTheClient() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        c.offer("a");
        sink.failures.get(0).accept(new java.io.IOException("broken pipe"));
        assertThat(c.closed()).isTrue();
        assertThat(sink.closeCode).isEqualTo(StreamClient.CLOSE_SEND_FAILED);
        assertThat(c.offer("b")).isFalse();
        sink.writeAll();
        assertThat(sink.pings).as("no ping once closed").isEmpty();

        HeldSink pinged = new HeldSink();
        StreamClient p = new StreamClient(pinged, 3);
        p.offer("a");
        pinged.writeAll();
        pinged.failures.get(1).accept(new java.io.IOException("broken pipe"));
        assertThat(pinged.closeCode).isEqualTo(StreamClient.CLOSE_SEND_FAILED);
    }

    /**
     * Any interleaving of offers, writes and pongs (valid, late, repeated, never sent, malformed)
     * against a model: unread is the messages offered less the highest valid number echoed, and
     * the client is closed exactly when an offer finds {@code maxBehind} unread.
     *
     * @param steps 0 offers a message, 1 writes what was sent, 2 to 5 pong a number near the
     *     ones sent, 6 pongs a malformed payload
     */
    @Property
    void unreadIsWhatWasSentLessTheHighestValidPong(
            @ForAll @IntRange(min = 1, max = 6) int maxBehind,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 6) Integer> steps,
            @ForAll @Size(max = 80) List<@IntRange(min = -3, max = 3) Integer> offsets) {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, maxBehind);
        long sent = 0;
        long read = 0;
        boolean closed = false;
        int k = 0;
        for (int step : steps) {
            int offset = offsets.isEmpty() ? 0 : offsets.get(k++ % offsets.size());
            switch (step) {
                case 0 -> {
                    boolean accepted = c.offer("m");
                    if (!closed && sent - read >= maxBehind) {
                        closed = true;
                    }
                    assertThat(accepted).isEqualTo(!closed);
                    if (accepted) {
                        sent++;
                    }
                }
                case 1 -> sink.writeAll();
                case 6 -> c.pong(ByteBuffer.allocate(4 + Math.abs(offset)));
                default -> {
                    long number = sent + offset - (step - 2);
                    c.pong(pong(number));
                    if (number >= 1 && number <= sent) {
                        read = Math.max(read, number);
                    }
                }
            }
            assertThat(c.unread()).isEqualTo(sent - read);
            assertThat(c.closed()).isEqualTo(closed);
        }
        assertThat(sink.sent).hasSize((int) sent);
        assertThat(sink.closes).isEqualTo(closed ? 1 : 0);
    }
}
