package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.ems.LiveService;
import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON field names of every endpoint, from a real service (the twin, the runtime, the store and the
 * API on loopback) brought into a state where every optional field shows: a stack with every layer type
 * the live service runs, a layer the service adds, a battery alarm raised and cleared, a manual setpoint
 * held, accepted and refused writes in the audit log, telemetry in the store. They must stay those of
 * {@code field-names.txt}, which the dashboard, the OpenAPI document and the clients read; a change of
 * name is made on purpose, there and in openapi.yaml and the README.
 *
 * <p>A path is {@code parent.field}; {@code []} stands for every element of an array (the union of
 * their fields).
 */
class ApiFieldNamesTest {
    private static final String TOKEN = "field-names-token-0123456789";
    private static final String EXPECTED = "/dev/chikuden/ems/api/field-names.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DeviceSimulator twin;
    private LiveService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void everyEndpointKeepsItsFieldNames() throws Exception {
        int port = TestSites.freePort();
        Files.writeString(dir.resolve("schedule.csv"), """
                timestamp,kw
                2025-08-04T00:00:00+09:00,0
                2025-08-04T12:00:00+09:00,0
                """);
        Files.writeString(dir.resolve("plant.yaml"), """
                name: field names plant
                class: ai-campus
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads: [{name: plant, type: profile, base: 1 MW}]
                batteries:
                  - {name: west, energy: 1 MWh, power: 500 kW, soc: {min: 10 %%, max: 90 %%, initial: 60 %%}}
                  - {name: east, energy: 1 MWh, power: 500 kW, soc: {min: 10 %%, max: 90 %%, initial: 60 %%}}
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                control:
                  supervisory: {period: 200 ms}
                  fast: {period: 50 ms}
                  converter: {ramp: 500 kW/s}
                strategy:
                  type: stack
                  controllers:
                    - {type: backup-reserve, criticalLoad: 100 kW, duration: 1 h}
                    - {type: load-drop-absorber, maxDrop: 200 kW/s}
                    - {type: grid-code-smoothing, maxRamp: 100 kW/s, tolerance: 20 kW}
                    - {type: frequency-response, reserved: 100 kW}
                    - {type: demand-limiter, target: 800 kW}
                    - {type: schedule, file: schedule.csv}
                ems:
                  stateDir: state
                  devices: {port: %d, timeout: 80 ms, backoff: 100 ms}
                  http: {port: 0, token: %s}
                """.formatted(port, TOKEN));
        SiteConfig site = SiteConfigReader.read(dir.resolve("plant.yaml"));
        EmsConfig config = EmsConfigReader.read(site, Map.of());
        twin = new DeviceSimulator(
                site,
                config.devices(),
                RegisterMap.load(config.devices().registerMap()),
                DeviceSimulator.Options.defaults());
        twin.start("127.0.0.1", port);
        service = LiveService.start(site, config);
        ApiClient client = new ApiClient("http://127.0.0.1:" + service.httpPort());
        CycleStreamTest.Listener stream = new CycleStreamTest.Listener();
        WebSocket ws = CycleStreamTest.Listener.connect("ws://127.0.0.1:" + service.httpPort() + "/api/stream", stream);

        // enough cycles for both grid-code windows to measure, and a battery alarm raised and cleared
        await(
                () -> service.runtime().latest() != null
                        && service.runtime().latest().cycle() >= 15,
                "15 cycles");
        twin.setAlarms("west", 1);
        await(() -> !service.runtime().alarms(false).isEmpty(), "the battery's alarm");
        twin.setAlarms("west", 0);
        await(() -> service.runtime().alarms(true).stream().anyMatch(a -> !a.active()), "the alarm to clear");

        // writes: accepted (from none and from one held), refused, cleared, and one left held
        Map<String, JsonNode> answers = new java.util.TreeMap<>();
        client.send("POST", "/api/setpoint", "{\"kw\": -300, \"expiresInSeconds\": 600}", TOKEN);
        client.send("POST", "/api/setpoint", "{\"kw\": 100, \"expiresInSeconds\": 600}", TOKEN);
        answers.put(
                "POST /api/setpoint 400",
                client.send("POST", "/api/setpoint", "{\"kw\": \"much\"}", TOKEN)
                        .json());
        answers.put(
                "DELETE /api/setpoint",
                client.send("DELETE", "/api/setpoint", null, TOKEN).json());
        answers.put(
                "POST /api/setpoint",
                client.send("POST", "/api/setpoint", "{\"kw\": 150, \"expiresInSeconds\": 600}", TOKEN)
                        .json());
        await(() -> !client.get("/api/telemetry").json().get("points").isEmpty(), "telemetry in the store");
        await(() -> !stream.messages.isEmpty(), "a streamed cycle");
        ws.abort();
        twin.setAlarms("east", 2); // an active alarm for the status
        await(() -> !service.runtime().alarms(false).isEmpty(), "the second battery's alarm");

        for (String path : List.of(
                "/api/status",
                "/api/measurements",
                "/api/stack",
                "/api/config",
                "/api/alarms?all=true",
                "/api/timing",
                "/api/setpoint",
                "/api/telemetry",
                "/api/gridcode",
                "/api/audit")) {
            ApiClient.Answer a = client.get(path);
            assertThat(a.status()).as(path + ": " + a.text()).isEqualTo(200);
            answers.put("GET " + path, a.json());
        }
        answers.put("WS /api/stream", JSON.readTree(stream.messages.get(0)));

        // how values are written, besides their names: paths as text, enums in lower case, infinity as null
        JsonNode layers = answers.get("GET /api/stack").get("layers");
        assertThat(layers.findValuesAsText("type"))
                .containsExactly(
                        "battery-limits",
                        "backup-reserve",
                        "manual",
                        "load-drop-absorber",
                        "grid-code-smoothing",
                        "frequency-response",
                        "demand-limiter",
                        "schedule");
        assertThat(layers.get(2).get("settings").isObject()).isTrue();
        assertThat(layers.get(2).get("settings").isEmpty()).isTrue();
        assertThat(layers.get(6).get("settings").get("maxRechargeKw").isNull()).isTrue();
        assertThat(layers.get(7).get("settings").get("file").asText())
                .isEqualTo(dir.resolve("schedule.csv").toAbsolutePath().toString());
        assertThat(answers.get("GET /api/config").get("auditLog").asText())
                .isEqualTo(config.auditLog().toString());
        assertThat(answers.get("GET /api/measurements")
                        .get("devices")
                        .get(1)
                        .get("lastValues")
                        .get("state")
                        .asText())
                .isEqualTo("running");
        assertThat(answers.get("GET /api/status").get("state").asText()).isIn("running", "safe");

        List<String> actual = new ArrayList<>();
        answers.forEach((endpoint, body) -> {
            TreeSet<String> names = new TreeSet<>();
            fields(body, "", names);
            names.forEach(n -> actual.add(endpoint + "  " + n));
        });
        Path written = Path.of("target", "field-names.actual.txt");
        Files.createDirectories(written.getParent());
        Files.write(written, actual, StandardCharsets.UTF_8);
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(written.resolveSibling("field-names.answers.json").toFile(), answers);
        assertThat(actual)
                .as("field names by endpoint (these are in %s)", written.toAbsolutePath())
                .containsExactlyElementsOf(expected());
    }

    private static List<String> expected() throws IOException {
        try (InputStream in = ApiFieldNamesTest.class.getResourceAsStream(EXPECTED)) {
            assertThat(in).as(EXPECTED).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }

    /** Every field path under {@code node}: {@code a.b}, {@code a[].b} for the fields of any element. */
    private static void fields(JsonNode node, String at, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                out.add(path);
                fields(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                fields(element, at + "[]", out);
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
