package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.control.ManualSetpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes need the token, refusals change nothing, and the audit log has every write, never the token. */
class ApiSecurityTest {
    private static final String SETPOINT = "{\"kw\": 4000, \"expiresInSeconds\": 600}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Every answer the test saw, to check that no token ever comes back. */
    private final List<ApiClient.Answer> answers = new ArrayList<>();

    private ApiClient.Answer send(ApiFixture api, String method, String body, String token) {
        ApiClient.Answer a = api.client.send(method, "/api/setpoint", body, token);
        answers.add(a);
        return a;
    }

    @Test
    void aWriteWithoutTokenIsUnauthorizedWithABearerChallengeAndChangesNothing() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            ApiClient.Answer a = send(api, "POST", SETPOINT, null);
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(a.json().get("error").asText()).contains("Authorization: Bearer");
            assertThat(api.service.manualSetpoint()).isNull();

            api.service.setManualSetpoint(1000, ApiFixture.START_MS + 60_000);
            ManualSetpoint.Setpoint held = api.service.manualSetpoint();
            assertThat(send(api, "DELETE", null, null).status()).isEqualTo(401);
            assertThat(api.service.manualSetpoint()).isSameAs(held);
            ApiClient.Answer basic = api.client.send("POST", "/api/setpoint", SETPOINT, null);
            assertThat(basic.status()).isEqualTo(401);
        }
    }

    @Test
    void aWrongTokenIsForbiddenAndChangesNothing() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            ApiClient.Answer a = send(api, "POST", SETPOINT, ApiFixture.TOKEN + "x");
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.header("WWW-Authenticate")).isNull();
            assertThat(api.service.manualSetpoint()).isNull();
            assertThat(send(api, "POST", SETPOINT, ApiFixture.TOKEN.substring(1))
                            .status())
                    .isEqualTo(403);
            assertThat(api.service.manualSetpoint()).isNull();
        }
    }

    @Test
    void theRightTokenSetsAndClearsTheSetpointWithItsExpiry() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            ApiClient.Answer a = send(api, "POST", "{\"kw\": -2500.5, \"expiresInSeconds\": 90}", ApiFixture.TOKEN);
            assertThat(a.status()).isEqualTo(200);
            assertThat(api.service.manualSetpoint())
                    .isEqualTo(new ManualSetpoint.Setpoint(-2500.5, ApiFixture.START_MS + 90_000));
            assertThat(a.json().get("manual").get("kw").asDouble()).isEqualTo(-2500.5);
            assertThat(a.json().get("manual").get("expiresAt").asText()).isEqualTo("2026-07-01T00:01:40Z");
            ApiClient.Answer cleared = send(api, "DELETE", null, ApiFixture.TOKEN);
            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.json().get("manual").isNull()).isTrue();
            assertThat(api.service.manualSetpoint()).isNull();
        }
    }

    @Test
    void withNoTokenConfiguredEveryWriteIsRefusedSayingHowToSetOne() throws Exception {
        for (String none : new String[] {null, "", "   "}) {
            try (ApiFixture api = new ApiFixture(dir.resolve("n" + answers.size()), none)) {
                for (String presented : new String[] {null, "anything", ""}) {
                    ApiClient.Answer a = send(api, "POST", SETPOINT, presented);
                    assertThat(a.status()).isEqualTo(403);
                    assertThat(a.json().get("error").asText())
                            .contains("ems.http.token")
                            .contains("CHIKUDEN_TOKEN");
                }
                assertThat(api.service.manualSetpoint()).isNull();
                assertThat(api.client.get("/api/status").status())
                        .as("reads stay open on loopback")
                        .isEqualTo(200);
            }
        }
    }

    /** The fixture's site charges at most 3,000 kW and discharges at most 5,000 kW. */
    @Test
    void aSetpointPastTheSiteRatingIsRefusedWithTheAllowedRange() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            for (String kw : List.of("1e12", "5000.5", "-3001", "-1e12")) {
                ApiClient.Answer a =
                        send(api, "POST", "{\"kw\": " + kw + ", \"expiresInSeconds\": 60}", ApiFixture.TOKEN);
                assertThat(a.status()).as(kw).isEqualTo(400);
                assertThat(a.json().get("field").asText()).isEqualTo("kw");
                assertThat(a.json().get("error").asText())
                        .as(kw)
                        .startsWith("kw must be from -3,000 (charging) to "
                                + "5,000 kW (discharging), the site's batteries' ratings; was ");
            }
            for (String notANumber : List.of("NaN", "Infinity", "-Infinity")) {
                ApiClient.Answer a =
                        send(api, "POST", "{\"kw\": " + notANumber + ", \"expiresInSeconds\": 60}", ApiFixture.TOKEN);
                assertThat(a.status()).as(notANumber).isEqualTo(400);
            }
            assertThat(api.service.manualSetpoint()).isNull();
            assertThat(send(api, "POST", "{\"kw\": 5000, \"expiresInSeconds\": 60}", ApiFixture.TOKEN)
                            .status())
                    .isEqualTo(200);
            assertThat(send(api, "POST", "{\"kw\": -3000, \"expiresInSeconds\": 60}", ApiFixture.TOKEN)
                            .status())
                    .isEqualTo(200);
            assertThat(api.service.manualSetpoint().kw()).isEqualTo(-3000.0);
        }
    }

    @Test
    void badSetpointInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            Map<String, String> cases = Map.ofEntries(
                    Map.entry("{\"expiresInSeconds\": 60}", "kw"),
                    Map.entry("{\"kw\": \"5\", \"expiresInSeconds\": 60}", "kw"),
                    Map.entry("{\"kw\": null, \"expiresInSeconds\": 60}", "kw"),
                    Map.entry("{\"kw\": 1e999, \"expiresInSeconds\": 60}", "kw"),
                    Map.entry("{\"kw\": 5}", "expiresInSeconds"),
                    Map.entry("{\"kw\": 5, \"expiresInSeconds\": 0}", "expiresInSeconds"),
                    Map.entry("{\"kw\": 5, \"expiresInSeconds\": 86401}", "expiresInSeconds"),
                    Map.entry("{\"kw\": 5, \"expiresInSeconds\": 1.5}", "expiresInSeconds"),
                    Map.entry("{\"kw\": 5, \"expiresInSeconds\": \"60\"}", "expiresInSeconds"),
                    Map.entry("{\"kW\": 5, \"expiresInSeconds\": 60}", "kW"));
            for (Map.Entry<String, String> c : cases.entrySet()) {
                ApiClient.Answer a = send(api, "POST", c.getKey(), ApiFixture.TOKEN);
                assertThat(a.status()).as(c.getKey()).isEqualTo(400);
                assertThat(a.json().get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
                assertThat(a.json().get("error").asText()).as(c.getKey()).contains(c.getValue());
            }
            ApiClient.Answer range = send(api, "POST", "{\"kw\": 5, \"expiresInSeconds\": 0}", ApiFixture.TOKEN);
            assertThat(range.json().get("error").asText()).contains("1 to 86400");
            for (String notAnObject : new String[] {"kw=5", "[1,2]", "", "{\"kw\": 5, \"expiresInSeconds\": 6} x"}) {
                ApiClient.Answer a = send(api, "POST", notAnObject, ApiFixture.TOKEN);
                assertThat(a.status()).as(notAnObject).isEqualTo(400);
                assertThat(a.json().get("error").asText()).as(notAnObject).contains("expiresInSeconds");
                assertThat(a.text()).doesNotContain("Exception").doesNotContain("\tat ");
            }
            assertThat(api.service.manualSetpoint()).isNull();
        }
    }

    @Test
    void theAuditLogHasEveryAcceptedWriteWithBeforeAndAfterAndEveryRefusal() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            send(api, "POST", SETPOINT, null); // refused 401
            send(api, "POST", SETPOINT, "guess"); // refused 403, counted in 401's window, not logged alone
            send(api, "POST", "{\"kw\": 1000, \"expiresInSeconds\": 60}", ApiFixture.TOKEN); // accepted
            send(api, "POST", "{\"kw\": 2000, \"expiresInSeconds\": 120}", ApiFixture.TOKEN); // accepted
            send(api, "POST", "{\"kw\": 5}", ApiFixture.TOKEN); // refused 400
            send(api, "DELETE", null, ApiFixture.TOKEN); // accepted
            answers.add(api.client.send("PUT", "/api/status", "{}", ApiFixture.TOKEN)); // refused 404

            List<String> lines = Files.readAllLines(api.audit);
            assertThat(lines).hasSize(6);
            List<JsonNode> e = new ArrayList<>();
            for (String line : lines) {
                e.add(JSON.readTree(line));
            }
            assertThat(e)
                    .extracting(n ->
                            n.get("outcome").asText() + " " + n.get("status").asInt())
                    .containsExactly(
                            "refused 401",
                            "accepted 200",
                            "accepted 200",
                            "refused 400",
                            "accepted 200",
                            "refused 404");
            assertThat(e.get(0).get("who").get("token").isNull()).isTrue();
            JsonNode first = e.get(1);
            assertThat(first.get("who").get("token").asText())
                    .isEqualTo(sha256Prefix(ApiFixture.TOKEN))
                    .hasSize(8);
            assertThat(first.get("who").get("remote").asText()).isEqualTo("127.0.0.1");
            assertThat(first.get("who").get("userAgent").asText()).isEqualTo("chikuden-test");
            assertThat(first.get("what").get("method").asText()).isEqualTo("POST");
            assertThat(first.get("what").get("path").asText()).isEqualTo("/api/setpoint");
            assertThat(first.get("what").get("body").asText()).isEqualTo("{\"kw\": 1000, \"expiresInSeconds\": 60}");
            assertThat(first.get("time").asText()).isEqualTo("2026-07-01T00:00:10Z");
            assertThat(first.get("before").isNull()).isTrue();
            assertThat(first.get("after").get("kw").asDouble()).isEqualTo(1000);
            JsonNode second = e.get(2);
            assertThat(second.get("before").get("kw").asDouble()).isEqualTo(1000);
            assertThat(second.get("after").get("kw").asDouble()).isEqualTo(2000);
            assertThat(second.get("after").get("expiresAtEpochMs").asLong()).isEqualTo(ApiFixture.START_MS + 120_000);
            assertThat(e.get(3).get("reason").asText()).contains("expiresInSeconds");
            JsonNode clear = e.get(4);
            assertThat(clear.get("what").get("method").asText()).isEqualTo("DELETE");
            assertThat(clear.get("before").get("kw").asDouble()).isEqualTo(2000);
            assertThat(clear.get("after").isNull()).isTrue();

            ApiClient.Answer tail = api.client.get("/api/audit?limit=3");
            answers.add(tail);
            assertThat(tail.json().get("entries")).hasSize(3);
            assertThat(tail.json().get("entries").get(0)).isEqualTo(e.get(5));
            assertThat(tail.json().get("entries").get(2)).isEqualTo(e.get(3));

            String log = Files.readString(api.audit);
            assertThat(log).doesNotContain(ApiFixture.TOKEN).doesNotContain("guess\"");
            for (ApiClient.Answer a : answers) {
                assertThat(a.text()).doesNotContain(ApiFixture.TOKEN);
                assertThat(a.raw().headers().map().toString()).doesNotContain(ApiFixture.TOKEN);
            }
            for (String read : new String[] {
                "/api/status",
                "/api/config",
                "/api/measurements",
                "/api/stack",
                "/api/timing",
                "/api/gridcode",
                "/api/audit?limit=100",
                "/api/openapi.yaml"
            }) {
                assertThat(api.client.get(read).text()).as(read).doesNotContain(ApiFixture.TOKEN);
            }
        }
    }

    @Test
    void refusalsWithoutTheTokenAreLoggedOncePerClientAndWindowAndCounted() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(ApiFixture.START_MS);
        java.time.Clock moving = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochMilli(now.get());
            }
        };
        Path audit = dir.resolve("audit.jsonl");
        try (ApiFixture api = new ApiFixture(
                audit, "127.0.0.1", ApiFixture.TOKEN, new FakeEmsService(ApiFixture.START_MS, 1000), moving, 30)) {
            send(api, "POST", SETPOINT, "guess-1"); // logged
            for (int i = 0; i < 500; i++) {
                send(api, "POST", SETPOINT, i % 2 == 0 ? null : "guess-" + i); // counted
            }
            assertThat(Files.readAllLines(audit)).hasSize(1);
            send(api, "POST", "{\"kw\": 5}", ApiFixture.TOKEN); // with the token: always logged
            assertThat(Files.readAllLines(audit)).hasSize(2);
            now.addAndGet(RefusalLimiter.WINDOW_MS);
            send(api, "POST", SETPOINT, null); // a new window: the count, then this refusal
            List<String> lines = Files.readAllLines(audit);
            assertThat(lines).hasSize(4);
            JsonNode count = JSON.readTree(lines.get(2));
            assertThat(count.get("outcome").asText()).isEqualTo("refused-repeats");
            assertThat(count.get("reason").asText()).startsWith("500 further writes");
            assertThat(count.get("who").get("remote").asText()).isEqualTo("127.0.0.1");
            assertThat(JSON.readTree(lines.get(3)).get("status").asInt()).isEqualTo(401);
            send(api, "POST", SETPOINT, null); // counted, and logged when the service stops
        }
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(5);
        assertThat(JSON.readTree(lines.get(4)).get("reason").asText()).startsWith("1 further writes");
    }

    @Test
    void theAuditLogKeepsEachBodyAsSentWithItsLengthAndSha256() throws Exception {
        String[] bodies = {
            "{\"kw\": 1e400, \"expiresInSeconds\": 60}", "{\"kw\": 1, \"kw\": 2, \"expiresInSeconds\": 60}", "", "null"
        };
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            for (String body : bodies) {
                send(api, "POST", body, ApiFixture.TOKEN);
            }
            List<String> lines = Files.readAllLines(api.audit);
            assertThat(lines).hasSize(bodies.length);
            for (int i = 0; i < bodies.length; i++) {
                JsonNode what = JSON.readTree(lines.get(i)).get("what");
                byte[] raw = bodies[i].getBytes(StandardCharsets.UTF_8);
                assertThat(what.get("body").asText()).as(bodies[i]).isEqualTo(bodies[i]);
                assertThat(what.get("bodyBytes").asLong()).isEqualTo(raw.length);
                assertThat(what.get("bodySha256").asText())
                        .isEqualTo(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(raw)));
                assertThat(what.get("bodyCut").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void aWriteTheAuditLogCannotRecordIsUndoneAndRefused() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full (a device whose writes always fail) is not available");
        try (ApiFixture api = new ApiFixture(
                full,
                "127.0.0.1",
                ApiFixture.TOKEN,
                new FakeEmsService(ApiFixture.START_MS, 1000),
                ApiFixture.FIXED,
                ApiServer.MAX_BEHIND)) {
            api.service.setManualSetpoint(700, ApiFixture.START_MS + 5_000);
            ApiClient.Answer a = send(api, "POST", SETPOINT, ApiFixture.TOKEN);
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.json().get("error").asText()).contains("audit log").contains("undone");
            assertThat(api.service.manualSetpoint())
                    .isEqualTo(new ManualSetpoint.Setpoint(700.0, ApiFixture.START_MS + 5_000));
            assertThat(send(api, "DELETE", null, ApiFixture.TOKEN).status()).isEqualTo(500);
            assertThat(api.service.manualSetpoint().kw()).isEqualTo(700.0);
        }
    }

    @Test
    void readsFromAnotherMachineNeedTheTokenToo() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to call itself on");
        try (ApiFixture api = new ApiFixture(
                dir.resolve("audit.jsonl"),
                "0.0.0.0",
                ApiFixture.TOKEN,
                new FakeEmsService(ApiFixture.START_MS, 1000),
                ApiFixture.FIXED,
                ApiServer.MAX_BEHIND)) {
            ApiClient remote = new ApiClient("http://" + lan.get().getHostAddress() + ":" + api.server.port());
            ApiClient.Answer open = remote.get("/api/status");
            assertThat(open.status()).isEqualTo(401);
            assertThat(open.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(remote.send("GET", "/api/status", null, "wrong").status())
                    .isEqualTo(403);
            assertThat(remote.send("GET", "/api/status", null, ApiFixture.TOKEN).status())
                    .isEqualTo(200);
            assertThat(remote.get("/").status())
                    .as("the dashboard's files hold no data")
                    .isEqualTo(200);
            assertThat(api.client.get("/api/status").status()).as("loopback").isEqualTo(200);
            assertThat(Files.exists(api.audit) ? Files.readAllLines(api.audit) : List.of())
                    .as("reads are not audited")
                    .isEmpty();
        }
    }

    @Test
    void aLoopbackReadForAnotherHostNameNeedsTheTokenAgainstDnsRebinding() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            assertThat(rawGet(api.server.port(), "attacker.example")).startsWith("HTTP/1.1 401");
            assertThat(rawGet(api.server.port(), "localhost:" + api.server.port()))
                    .startsWith("HTTP/1.1 200");
            assertThat(rawGet(api.server.port(), "127.0.0.1")).startsWith("HTTP/1.1 200");
        }
    }

    private static String rawGet(int port, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/status HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }

    private static String sha256Prefix(String token) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d).substring(0, 8);
    }
}
