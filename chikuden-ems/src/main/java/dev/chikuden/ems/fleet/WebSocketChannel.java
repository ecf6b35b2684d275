package dev.chikuden.ems.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The link over a WebSocket to the fleet's {@code /edge} ({@code ws://} or {@code wss://}). */
final class WebSocketChannel implements FleetChannel {
    /** The largest message taken from the fleet; a larger one drops the connection. */
    static final int MAX_MESSAGE_CHARS = 1 << 20;

    private final WebSocket ws;
    // one send at a time, as a WebSocket requires; the next waits for this one
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private WebSocketChannel(WebSocket ws) {
        this.ws = ws;
    }

    static Opener opener(HttpClient http, URI url) {
        return events -> {
            Listener listener = new Listener(events);
            return http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(url, listener)
                    .thenApply(ws -> {
                        WebSocketChannel c = new WebSocketChannel(ws);
                        listener.channel = c;
                        return c;
                    });
        };
    }

    @Override
    public synchronized CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> next = sending.handle((r, e) -> null)
                .thenCompose(x -> ws.sendText(text, true))
                .thenApply(x -> null);
        sending = next;
        return next;
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "site stopping").orTimeout(1, TimeUnit.SECONDS);
    }

    @Override
    public void abort() {
        ws.abort();
    }

    /** One connection's listener: its own buffer for a message in parts. */
    private static final class Listener implements WebSocket.Listener {
        private final Events events;
        private final StringBuilder partial = new StringBuilder();
        volatile FleetChannel channel;

        Listener(Events events) {
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (partial.length() > MAX_MESSAGE_CHARS) {
                partial.setLength(0);
                ws.abort();
                events.closed(channelOf(ws));
                return null;
            }
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                events.text(channelOf(ws), whole);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            events.closed(channelOf(ws));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            events.closed(channelOf(ws));
        }

        /** The channel, or a stand-in while the open has not completed (a message that early is dropped). */
        private FleetChannel channelOf(WebSocket ws) {
            FleetChannel c = channel;
            return c != null ? c : new WebSocketChannel(ws);
        }
    }
}
