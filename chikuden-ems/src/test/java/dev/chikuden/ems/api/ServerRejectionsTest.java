package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests Jetty rejects before the API sees them: each is answered with its error, logged at
 * WARN, and the writes among them are audited as refused with Jetty's reason.
 */
class ServerRejectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETPOINT = "{\"kw\": 4000, \"expiresInSeconds\": 600}";

    @TempDir
    Path dir;

    /** A clock the test moves: each rejected write below opens its own 60-s window. */
    private static final class MovingClock extends Clock {
        final AtomicLong nowMs = new AtomicLong(ApiFixture.START_MS);

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A request as sent and what must come of it. */
    private record Case(String request, int status, String method, String path, String reason) {
        boolean write() {
            return !method.equals("GET");
        }
    }

    private static String request(String method, String target, String headers) {
        String body = method.equals("GET") ? "" : SETPOINT;
        return method + " " + target + " HTTP/1.1\r\n" + headers + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void writesRejectedBeforeTheApiAreAuditedAndEveryRejectionIsLogged() throws Exception {
        String host = "Host: 127.0.0.1\r\n";
        String bearer = "Authorization: Bearer " + ApiFixture.TOKEN + "\r\n";
        List<Case> cases = List.of(
                new Case(
                        request("POST", "/api/setpoint%00", host + bearer),
                        400,
                        "POST",
                        "/api/setpoint%00",
                        "Bad Request (Illegal character in path)"),
                new Case(
                        request("POST", "/api/..;/setpoint", host + bearer),
                        400,
                        "POST",
                        "/api/..;/setpoint",
                        "Ambiguous URI path parameter"),
                new Case(
                        request("POST", "/api/setpoint", "Host:\r\n" + bearer),
                        400,
                        "POST",
                        "/api/setpoint",
                        "Blank Host"),
                new Case(
                        request("DELETE", "/api/setpoint", host + bearer + "X-Padding: " + "p".repeat(20_000) + "\r\n"),
                        431,
                        "DELETE",
                        "/api/setpoint",
                        "Request Header Fields Too Large"),
                new Case(
                        request("PUT", "/api/setpoint%00?token=" + ApiFixture.TOKEN, host),
                        400,
                        "PUT",
                        "/api/setpoint%00",
                        "Illegal character"),
                new Case(
                        request("GET", "/api/status%00", host + bearer),
                        400,
                        "GET",
                        "/api/status%00",
                        "Illegal character"));
        MovingClock clock = new MovingClock();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        try (ApiFixture api = new ApiFixture(
                dir.resolve("audit.jsonl"),
                "127.0.0.1",
                ApiFixture.TOKEN,
                new FakeEmsService(ApiFixture.START_MS, 1000),
                clock,
                ApiServer.MAX_BEHIND)) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            List<String> answers = new ArrayList<>();
            try {
                for (Case c : cases) {
                    clock.nowMs.addAndGet(RefusalLimiter.WINDOW_MS);
                    String answer = send(api.server.port(), c.request());
                    answers.add(answer);
                    assertThat(answer).as(c.method() + " " + c.path()).startsWith("HTTP/1.1 " + c.status() + " ");
                }
                assertThat(send(api.server.port(), "P@ST /api/setpoint HTTP/1.1\r\n" + host + "\r\n"))
                        .startsWith("HTTP/1.1 400 ");
                assertThat(send(api.server.port(), "POST /api/setpoint HTTP/9.1\r\n" + host + "\r\n"))
                        .startsWith("HTTP/1.1 505 ");
            } finally {
                System.setErr(err);
            }

            List<String> warnings = log.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.contains("ServerRejections"))
                    .toList();
            assertThat(warnings).hasSize(cases.size() + 2).allMatch(l -> l.contains(" WARN "));
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                assertThat(warnings.get(i))
                        .contains(c.method() + " " + c.path() + " from 127.0.0.1: " + c.status())
                        .contains(c.reason());
            }
            assertThat(warnings.get(cases.size())).contains("an unreadable request line from 127.0.0.1: 400");
            assertThat(warnings.get(cases.size() + 1)).contains("an unreadable request line from 127.0.0.1: 505");
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .as("no header value, no token, not even in a query")
                    .doesNotContain(ApiFixture.TOKEN)
                    .doesNotContain("ppppp");

            List<Case> writes = cases.stream().filter(Case::write).toList();
            List<JsonNode> audited = new ArrayList<>();
            for (String line : Files.readAllLines(api.audit)) {
                audited.add(JSON.readTree(line));
            }
            assertThat(audited).as("the writes, and no read").hasSize(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                Case c = writes.get(i);
                JsonNode e = audited.get(i);
                assertThat(e.get("outcome").asText()).isEqualTo("refused");
                assertThat(e.get("status").asInt()).isEqualTo(c.status());
                assertThat(e.get("reason").asText())
                        .startsWith("refused by the HTTP server before the API: ")
                        .contains(c.reason());
                assertThat(e.get("what").get("method").asText()).isEqualTo(c.method());
                assertThat(e.get("what").get("path").asText()).isEqualTo(c.path());
                assertThat(e.get("what").get("body").isNull()).as("never read").isTrue();
                assertThat(e.get("who").get("remote").asText()).isEqualTo("127.0.0.1");
                assertThat(e.get("who").get("userAgent").isNull()).isTrue();
                assertThat(e.get("who").get("token").isNull()).isTrue();
            }
            assertThat(Files.readString(api.audit)).doesNotContain(ApiFixture.TOKEN);

            // the service goes on: reads, the audit tail, and a write with the token
            assertThat(api.client.get("/api/status").status()).isEqualTo(200);
            JsonNode tail = api.client.get("/api/audit?limit=10").json().get("entries");
            assertThat(tail).hasSize(writes.size());
            assertThat(tail.get(0).get("what").get("method").asText()).isEqualTo("PUT");
            assertThat(api.client
                            .send("POST", "/api/setpoint", SETPOINT, ApiFixture.TOKEN)
                            .status())
                    .isEqualTo(200);
            assertThat(api.service.manualSetpoint().kw()).isEqualTo(4000.0);
            assertThat(Files.readAllLines(api.audit)).hasSize(writes.size() + 1);
            for (String answer : answers) {
                assertThat(answer).doesNotContain(ApiFixture.TOKEN);
            }
        }
    }

    @Test
    void rejectedWritesFromOneClientAreLoggedOncePerWindowAndCounted() throws Exception {
        MovingClock clock = new MovingClock();
        Path audit = dir.resolve("audit.jsonl");
        try (ApiFixture api = new ApiFixture(
                audit,
                "127.0.0.1",
                ApiFixture.TOKEN,
                new FakeEmsService(ApiFixture.START_MS, 1000),
                clock,
                ApiServer.MAX_BEHIND)) {
            int port = api.server.port();
            for (int i = 0; i < 5; i++) {
                assertThat(send(port, request("POST", "/api/setpoint%00" + i, "Host: 127.0.0.1\r\n")))
                        .startsWith("HTTP/1.1 400 ");
            }
            assertThat(api.client.send("POST", "/api/setpoint", SETPOINT, null).status())
                    .as("the API's own refusals share the window")
                    .isEqualTo(401);
            assertThat(Files.readAllLines(audit)).hasSize(1);
        }
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("what").get("path").asText()).isEqualTo("/api/setpoint%000");
        JsonNode count = JSON.readTree(lines.get(1));
        assertThat(count.get("outcome").asText()).isEqualTo("refused-repeats");
        assertThat(count.get("reason").asText()).startsWith("5 further writes refused");
    }

    @Test
    void aPathIsLoggedCutAndWithControlCharactersEscaped() {
        assertThat(ServerRejections.printable("/a\u0001b\tc\u007f")).isEqualTo("/a\\u0001b\\u0009c\\u007f");
        String cut = ServerRejections.printable("/" + "x".repeat(1000));
        assertThat(cut).startsWith("/xxx").endsWith("... (1001 characters)");
        assertThat(cut.indexOf("...")).isEqualTo(ServerRejections.MAX_TEXT);
        assertThat(ServerRejections.printable("/api/setpoint")).isEqualTo("/api/setpoint");
    }

    /** Sends a request as bytes and returns the whole answer. */
    private static String send(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
