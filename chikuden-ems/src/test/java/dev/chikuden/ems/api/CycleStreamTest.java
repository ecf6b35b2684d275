package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket stream: one message per cycle, and a client that reads nothing holds up nothing. */
class CycleStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A WebSocket client that keeps every text message and whether and how it was closed. */
    static final class Listener implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        volatile int closeCode = -1;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        static WebSocket connect(String url, Listener l) throws Exception {
            return HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create(url), l)
                    .get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyCycleArrivesOnceInOrderAsTheSnapshot() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            Listener l = new Listener();
            WebSocket ws = Listener.connect("ws://127.0.0.1:" + api.server.port() + "/api/stream", l);
            ApiFixture.await(() -> api.server.streamSubscribers() == 1, "the subscription");
            int n = 60;
            for (int i = 1; i <= n; i++) {
                api.service.cycle(i % 10 == 0 ? Double.NaN : 100_000 + i, 500 * i);
                int expected = i;
                ApiFixture.await(() -> l.messages.size() >= expected, "message " + i);
            }
            assertThat(l.messages).hasSize(n);
            for (int i = 1; i <= n; i++) {
                JsonNode m = JSON.readTree(l.messages.get(i - 1));
                assertThat(m.get("cycle").asLong()).isEqualTo(i);
                assertThat(m.get("state").asText()).isEqualTo("running");
                assertThat(m.get("batteryKw").asDouble()).isEqualTo(500.0 * i);
                if (i % 10 == 0) {
                    assertThat(m.get("gridKw").isNull()).isTrue();
                } else {
                    assertThat(m.get("gridKw").asDouble()).isEqualTo(100_000 + i);
                }
            }
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            ApiFixture.await(() -> api.server.streamSubscribers() == 0, "the unsubscription");
        }
    }

    /**
     * A peer that completes the handshake and then never reads: the service counts what it has
     * read by its pongs, none, and drops it when the cycle after the {@code MAX_BEHIND}-th comes,
     * however much the kernel would still buffer. A reading client on the same stream stays.
     */
    @Test
    void aClientThatReadsNothingIsDroppedAtMaxBehindUnreadCyclesWhileAReadingOneStays() throws Exception {
        int maxBehind = ApiServer.MAX_BEHIND;
        FakeEmsService service = new FakeEmsService(ApiFixture.START_MS, 1000);
        try (ApiFixture api = new ApiFixture(
                        dir.resolve("audit.jsonl"),
                        "127.0.0.1",
                        ApiFixture.TOKEN,
                        service,
                        ApiFixture.FIXED,
                        maxBehind);
                Socket stuck = new Socket(InetAddress.getLoopbackAddress(), api.server.port())) {
            assertThat(handshake(stuck, api.server.port(), null)).startsWith("HTTP/1.1 101");
            Listener healthy = new Listener();
            Listener.connect("ws://127.0.0.1:" + api.server.port() + "/api/stream", healthy);
            ApiFixture.await(() -> api.server.streamSubscribers() == 2, "both subscriptions");
            int cycles = 150;
            int droppedAt = 0;
            for (int i = 1; i <= cycles; i++) {
                service.cycle(100_000, i);
                api.awaitHandedOn();
                int expected = i;
                ApiFixture.await(() -> healthy.messages.size() >= expected, "the healthy client's message " + i);
                if (droppedAt == 0 && api.server.streamSubscribers() == 1) {
                    droppedAt = i;
                }
            }
            assertThat(droppedAt)
                    .as("the cycle that found the stuck client " + maxBehind + " cycles behind")
                    .isEqualTo(maxBehind + 1);
            assertThat(api.server.streamSubscribers())
                    .as("the healthy client is still subscribed")
                    .isEqualTo(1);
            assertThat(healthy.messages)
                    .as("the healthy client got every cycle")
                    .hasSize(cycles);
            assertThat(JSON.readTree(healthy.messages.get(cycles - 1))
                            .get("cycle")
                            .asLong())
                    .isEqualTo(cycles);
            assertThat(healthy.closeCode).isEqualTo(-1);

            // what the stuck client finds when it reads at last: its cycles, each followed by its ping, then the close
            stuck.setSoTimeout(5000);
            List<Long> texts = new ArrayList<>();
            List<Long> pings = new ArrayList<>();
            Frame close = null;
            while (close == null) {
                Frame f = Frame.read(stuck.getInputStream());
                switch (f.opcode()) {
                    case 1 -> texts.add(JSON.readTree(f.text()).get("cycle").asLong());
                    case 9 -> {
                        long number = ByteBuffer.wrap(f.payload()).getLong();
                        assertThat(texts.size())
                                .as("ping %d comes after its message", number)
                                .isGreaterThanOrEqualTo((int) number);
                        pings.add(number);
                    }
                    case 8 -> close = f;
                    default -> throw new AssertionError("unexpected frame, opcode " + f.opcode());
                }
            }
            List<Long> first = LongStream.rangeClosed(1, maxBehind).boxed().toList();
            assertThat(texts).isEqualTo(first);
            assertThat(pings).containsExactlyInAnyOrderElementsOf(first);
            assertThat(ByteBuffer.wrap(close.payload()).getShort()).isEqualTo((short) 1008);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .isEqualTo("too slow: " + maxBehind + " cycles unread");
            assertThat(stuck.getInputStream().read())
                    .as("the service has closed the connection")
                    .isEqualTo(-1);
            System.out.printf(
                    "stuck client dropped at cycle %d; the API's cycle listener took at most %.3f ms%n",
                    droppedAt, service.slowestListenerNs / 1e6);
        }
    }

    /** A WebSocket frame from the service (unmasked, unfragmented). */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        static Frame read(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            int first = data.readUnsignedByte();
            int second = data.readUnsignedByte();
            assertThat(first & 0x80).as("FIN").isNotZero();
            assertThat(second & 0x80).as("a server does not mask").isZero();
            long length = second & 0x7f;
            if (length == 126) {
                length = data.readUnsignedShort();
            } else if (length == 127) {
                length = data.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            data.readFully(payload);
            return new Frame(first & 0x0f, payload);
        }
    }

    /** Only handshakes stay with the stream's own servlet; the rest is the API's, audited as ever. */
    @Test
    void requestsToTheStreamWithoutAHandshakeAreTheApis() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            ApiClient.Answer get = api.client.get("/api/stream");
            assertThat(get.status()).isEqualTo(426);
            assertThat(get.header("Upgrade")).isEqualTo("websocket");
            assertThat(get.header("Cache-Control")).isEqualTo("no-store");
            assertThat(get.json().get("error").asText()).contains("WebSocket client");
            assertThat(api.client.send("POST", "/api/stream", "{}", null).status())
                    .isEqualTo(401);
            ApiClient.Answer post = api.client.send("POST", "/api/stream", "{}", ApiFixture.TOKEN);
            assertThat(post.status()).isEqualTo(404);
            assertThat(post.json().get("error").asText()).contains("POST /api/stream");
            List<String> audit = java.nio.file.Files.readAllLines(api.audit);
            assertThat(audit).hasSize(2);
            for (String line : audit) {
                assertThat(JSON.readTree(line).get("what").get("path").asText()).isEqualTo("/api/stream");
            }

            String noKey = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n";
            assertThat(rawGet(api.server.port(), noKey))
                    .as("a handshake without its key: Jetty's answer")
                    .startsWith("HTTP/1.1 400 ")
                    .contains("Missing request header", "Sec-WebSocket-Key");
            assertThat(rawGet(api.server.port(), "Sec-WebSocket-Version: 13\r\n"))
                    .as("no handshake at all")
                    .startsWith("HTTP/1.1 426 ")
                    .contains("open it with a WebSocket client");
            assertThat(api.client.get("/api/status").header("Cache-Control")).isEqualTo("no-store");
        }
    }

    /** A GET of the stream with these headers besides Host, and the whole answer. */
    private static String rawGet(int port, String headers) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            s.getOutputStream()
                    .write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends a WebSocket handshake (with this Origin header unless null) and returns the answer's head. */
    private static String handshake(Socket s, int port, String origin) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                        + (origin == null ? "" : "Origin: " + origin + "\r\n")
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aPageOfAForeignOriginGetsNoWebSocketAndNoData() throws Exception {
        FakeEmsService service = new FakeEmsService(ApiFixture.START_MS, 1000);
        try (ApiFixture api = new ApiFixture(
                        dir.resolve("audit.jsonl"),
                        new EmsConfig.Http(
                                "127.0.0.1", 0, ApiFixture.TOKEN, "test", List.of("https://Dashboard.example")),
                        service,
                        ApiFixture.FIXED,
                        ApiServer.MAX_BEHIND);
                Socket foreign = new Socket(InetAddress.getLoopbackAddress(), api.server.port())) {
            int port = api.server.port();
            foreign.setSoTimeout(5000);
            String refused = handshake(foreign, port, "http://evil.example");
            assertThat(refused).startsWith("HTTP/1.1 403").doesNotContain("Upgrade");
            service.cycle(100_000, 1);
            api.awaitHandedOn();
            assertThat(api.server.streamSubscribers()).isZero();
            String body = new String(foreign.getInputStream().readNBytes(available(foreign)), StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("\"cycle\"");

            for (String origin :
                    new String[] {"null", "http://127.0.0.1:" + (port + 1), "file://", "http://127.0.0.1"}) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(5000);
                    assertThat(handshake(s, port, origin)).as(origin).startsWith("HTTP/1.1 403");
                }
            }
            // the service's own pages, the allow-list and scripts (no Origin) get the stream
            for (String origin : new String[] {"http://127.0.0.1:" + port, "https://dashboard.example", null}) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(5000);
                    assertThat(handshake(s, port, origin))
                            .as(String.valueOf(origin))
                            .startsWith("HTTP/1.1 101");
                }
            }
        }
    }

    /** What the peer sent and this socket has not read, up to a short wait for more. */
    private static int available(Socket s) throws IOException, InterruptedException {
        Thread.sleep(200);
        return s.getInputStream().available();
    }

    @Test
    void aClientOnAnotherMachineMustSendTheTokenFirst() throws Exception {
        Optional<InetAddress> lan = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to call itself on");
        FakeEmsService service = new FakeEmsService(ApiFixture.START_MS, 1000);
        try (ApiFixture api = new ApiFixture(
                dir.resolve("audit.jsonl"),
                "0.0.0.0",
                ApiFixture.TOKEN,
                service,
                ApiFixture.FIXED,
                ApiServer.MAX_BEHIND)) {
            String url = "ws://" + lan.get().getHostAddress() + ":" + api.server.port() + "/api/stream";
            Listener wrong = new Listener();
            WebSocket w = Listener.connect(url, wrong);
            w.sendText("{\"token\": \"guess\"}", true).get(5, TimeUnit.SECONDS);
            ApiFixture.await(() -> wrong.closeCode == 1008, "the close of the client with a wrong token");

            Listener right = new Listener();
            WebSocket r = Listener.connect(url, right);
            service.cycle(1, 1);
            api.awaitHandedOn();
            assertThat(api.server.streamSubscribers())
                    .as("not before the token")
                    .isZero();
            r.sendText("{\"token\": \"" + ApiFixture.TOKEN + "\"}", true).get(5, TimeUnit.SECONDS);
            ApiFixture.await(() -> api.server.streamSubscribers() == 1, "the subscription after the token");
            CycleSnapshot s = service.cycle(2, 2);
            ApiFixture.await(() -> right.messages.size() == 1, "the first message");
            assertThat(JSON.readTree(right.messages.get(0)).get("cycle").asLong())
                    .isEqualTo(s.cycle());
            assertThat(wrong.messages).isEmpty();
        }
    }
}
