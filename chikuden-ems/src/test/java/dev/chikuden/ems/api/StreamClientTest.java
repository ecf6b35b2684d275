package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The per-subscriber policy: every message in order, or a disconnect once too many are unsent. */
class StreamClientTest {
    /** Records sends; completes them only when told. */
    private static final class HeldSink implements StreamClient.Sink {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> completions = new ArrayList<>();
        final List<Consumer<Throwable>> failures = new ArrayList<>();
        int closeCode;
        int closes;

        @Override
        public void send(String text, Runnable done, Consumer<Throwable> failed) {
            sent.add(text);
            completions.add(done);
            failures.add(failed);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closes++;
        }

        void completeAll() {
            completions.forEach(Runnable::run);
            completions.clear();
        }
    }

    @Test
    void aPeerThatKeepsUpGetsEveryMessageInOrder() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        for (int i = 0; i < 100; i++) {
            assertThat(c.offer("m" + i)).isTrue();
            if (i % 2 == 1) {
                sink.completeAll(); // two in flight at most: below the limit of three
            }
        }
        assertThat(sink.sent).hasSize(100).startsWith("m0", "m1").endsWith("m99");
        assertThat(c.sent()).isEqualTo(100);
        assertThat(c.closed()).isFalse();
    }

    @Test
    void aPeerThatReadsNothingIsClosedOnceMaxBehindAreUnsentAndGetsNoMore() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        assertThat(c.offer("a")).isTrue();
        assertThat(c.offer("b")).isTrue();
        assertThat(c.offer("c")).isTrue();
        assertThat(c.unsent()).isEqualTo(3);
        assertThat(c.offer("d")).isFalse();
        assertThat(sink.closeCode).isEqualTo(StreamClient.CLOSE_TOO_SLOW);
        assertThat(c.offer("e")).isFalse();
        assertThat(sink.sent).containsExactly("a", "b", "c");
        assertThat(sink.closes).isEqualTo(1);
    }

    @Test
    void aPeerThatCatchesUpInTimeStays() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        c.offer("a");
        c.offer("b");
        c.offer("c");
        sink.completeAll();
        assertThat(c.offer("d")).isTrue();
        assertThat(c.closed()).isFalse();
    }

    @Test
    void aFailedSendClosesTheClient() {
        HeldSink sink = new HeldSink();
        StreamClient c = new StreamClient(sink, 3);
        c.offer("a");
        sink.failures.get(0).accept(new java.io.IOException("broken pipe"));
        assertThat(c.closed()).isTrue();
        assertThat(sink.closeCode).isEqualTo(StreamClient.CLOSE_SEND_FAILED);
        assertThat(c.offer("b")).isFalse();
    }
}
