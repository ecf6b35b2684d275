package dev.chikuden.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live EMS end to end on loopback, as an operator runs it: the digital twin serving two battery
 * units and the grid meter over Modbus TCP, and the service (store, drivers, runtime, API) against
 * it. Everything real but the clock's speed: a 200 ms cycle.
 */
class LiveServiceEndToEndTest {
    private static final String TOKEN = "e2e-token-0123456789abcdef";
    private static final long CYCLE_MS = 200;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<CycleSnapshot> cycles = new CopyOnWriteArrayList<>();
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

    /** A 1 MW plant whose peak shaving holds the grid at 800 kW: the two units discharge 200 kW together. */
    private SiteConfig site(int devicePort) throws IOException {
        Path f = dir.resolve("plant.yaml");
        Files.writeString(f, """
                name: end-to-end plant
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads: [{name: plant, type: profile, base: 1 MW}]
                batteries:
                  - {name: west, energy: 1 MWh, power: 500 kW, soc: {min: 10 %%, max: 90 %%, initial: 60 %%}}
                  - {name: east, energy: 1 MWh, power: 500 kW, soc: {min: 10 %%, max: 90 %%, initial: 60 %%}}
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                strategy: {type: peak-shaving, dischargeAbove: 800 kW, chargeBelow: 500 kW}
                control: {supervisory: {period: %d ms}, meterDelay: 0 ms, commandDelay: 0 ms, converter: {timeConstant: 0 s}}
                ems:
                  stateDir: state
                  silentCycles: 1
                  devices: {port: %d, timeout: 80 ms, backoff: 100 ms}
                  http: {port: 0, token: %s}
                """.formatted(CYCLE_MS, devicePort, TOKEN));
        return SiteConfigReader.read(f);
    }

    @Test
    void theBatteriesFollowTheStackGoSafeWhenTheDevicesGoAndRecoverWhenTheyReturn() throws Exception {
        int port = freePort();
        SiteConfig site = site(port);
        EmsConfig config = EmsConfigReader.read(site, Map.of());
        twin = startTwin(site, config, port);
        service = LiveService.start(site, config);
        service.runtime().onCycle(cycles::add);

        // the stack acts, and the units do what they are told
        awaitCycles(
                s -> s.state() == EmsState.RUNNING,
                12,
                Duration.ofSeconds(20)); // the first measures before the first command
        List<CycleSnapshot> running = last(10);
        assertThat(running).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(EmsState.RUNNING);
            assertThat(s.setpointKw()).isCloseTo(200, within(1.0));
            assertThat(s.batteryKw()).as("measured follows the setpoint").isCloseTo(200, within(5.0));
            assertThat(s.gridKw()).isCloseTo(800, within(5.0));
            assertThat(s.loadKw()).isCloseTo(1000, within(5.0));
        });
        DeviceSimulator.Snapshot seen = twin.snapshot();
        assertThat(seen.batteries()).allSatisfy(b -> assertThat(b.commandKw()).isCloseTo(100, within(1.0)));
        JsonNode status = get("/api/status");
        assertThat(status.get("state").asText()).isEqualTo("running");
        assertThat(status.get("cycle").asLong()).isPositive();
        assertThat(status.get("batteryKw").asDouble()).isCloseTo(200, within(5.0));
        assertThat(status.get("soc").asDouble()).isBetween(0.1, 0.9);
        assertThat(status.get("alarms")).isEmpty();

        // the devices go silent: safe state and an alarm by the second cycle that starts after the stop
        twin.close();
        long stoppedAt = System.currentTimeMillis();
        awaitCycles(s -> s.epochMs() >= stoppedAt, 2, Duration.ofSeconds(10));
        List<CycleSnapshot> after =
                cycles.stream().filter(s -> s.epochMs() >= stoppedAt).limit(2).toList();
        assertThat(after.get(1).state()).as("state two cycles after the stop").isEqualTo(EmsState.SAFE);
        assertThat(after.get(1).activeAlarms()).isPositive();
        assertThat(after)
                .allSatisfy(s ->
                        assertThat(s.batteryKw()).as("no stale value reused").isNaN());
        status = get("/api/status");
        assertThat(status.get("state").asText()).isEqualTo("safe");
        assertThat(status.get("alarms").findValuesAsText("code")).contains("device-silent");

        // they come back: the service recovers by itself and the stack is in charge again
        twin = startTwin(site, config, port);
        awaitCycles(s -> s.state() == EmsState.RUNNING && Math.abs(s.batteryKw() - 200) < 5, 3, Duration.ofSeconds(20));
        status = get("/api/status");
        assertThat(status.get("state").asText()).isEqualTo("running");
        assertThat(status.get("alarms")).isEmpty();
        assertThat(get("/api/alarms?all=true").findValuesAsText("code")).contains("device-silent");

        // an operator's setpoint (with the token) is followed; shutdown leaves the units at the safe setpoint
        HttpResponse<String> set = http.send(
                HttpRequest.newBuilder(api("/api/setpoint"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kw\": -300, \"expiresInSeconds\": 60}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        awaitCycles(s -> Math.abs(s.batteryKw() + 300) < 5, 3, Duration.ofSeconds(20));
        assertThat(last(1).get(0).binding()).isEqualTo("manual");
        service.close();
        service = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (twin.snapshot().batteries().stream().anyMatch(b -> b.commandKw() != 0) && System.nanoTime() < deadline) {
            Thread.sleep(50); // the twin takes a written setpoint at its next 100 ms tick
        }
        assertThat(twin.snapshot().batteries())
                .allSatisfy(b -> assertThat(b.commandKw()).isZero());
    }

    private DeviceSimulator startTwin(SiteConfig site, EmsConfig config, int port) {
        DeviceSimulator sim = new DeviceSimulator(
                site,
                config.devices(),
                RegisterMap.load(config.devices().registerMap()),
                DeviceSimulator.Options.defaults());
        sim.start("127.0.0.1", port);
        return sim;
    }

    /** Waits until {@code count} cycles (counted from now) match. */
    private void awaitCycles(Predicate<CycleSnapshot> match, int count, Duration limit) throws InterruptedException {
        int from = cycles.size();
        long deadline = System.nanoTime() + limit.toNanos();
        while (cycles.subList(from, cycles.size()).stream().filter(match).count() < count) {
            assertThat(System.nanoTime())
                    .as("waiting for %d matching cycles; last: %s", count, cycles.isEmpty() ? "none" : last(1))
                    .isLessThan(deadline);
            Thread.sleep(CYCLE_MS / 4);
        }
    }

    private List<CycleSnapshot> last(int n) {
        List<CycleSnapshot> all = List.copyOf(cycles);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + path);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(api(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
