package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chikuden serve} as operators run it: a process of its own against the digital twin. Killed
 * with SIGKILL, it keeps every cycle the store acknowledged; stopped with SIGTERM, it leaves the
 * batteries at the safe setpoint. Bad options exit with 2.
 */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();
    private DeviceSimulator twin;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (twin != null) {
            twin.close();
        }
    }

    private Path siteFile(int devicePort) throws IOException {
        Path f = dir.resolve("plant.yaml");
        Files.writeString(f, """
                name: serve plant
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads: [{name: plant, type: profile, base: 1 MW}]
                batteries: [{name: bess, energy: 1 MWh, power: 500 kW}]
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                strategy: {type: peak-shaving, dischargeAbove: 800 kW, chargeBelow: 500 kW}
                control: {supervisory: {period: 200 ms}}
                ems:
                  stateDir: state
                  devices: {port: %d}
                """.formatted(devicePort));
        return f;
    }

    @Test
    void acknowledgedTelemetrySurvivesKillMinusNineAndSigtermLeavesTheSafeSetpoint() throws Exception {
        int devicePort = freePort();
        Path file = siteFile(devicePort);
        SiteConfig site = SiteConfigReader.read(file);
        EmsConfig config = EmsConfigReader.read(site, Map.of());
        twin = new DeviceSimulator(
                site,
                config.devices(),
                RegisterMap.load(config.devices().registerMap()),
                DeviceSimulator.Options.defaults());
        twin.start("127.0.0.1", devicePort);

        int httpPort = freePort();
        Process killed = serve(file, httpPort);
        JsonNode status = awaitStatus(
                httpPort, s -> s.path("telemetry").path("acknowledgedCycle").asLong() >= 15);
        assertThat(status.get("state").asText()).isEqualTo("running");
        long acknowledged = status.get("telemetry").get("acknowledgedCycle").asLong();
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(killed.waitFor()).isEqualTo(137);

        try (Connection c = DriverManager.getConnection(
                        "jdbc:duckdb:" + config.store().file());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT count(DISTINCT cycle), min(cycle) FROM telemetry_raw WHERE cycle <= " + acknowledged)) {
            r.next();
            assertThat(r.getLong(1))
                    .as("every acknowledged cycle is in the store")
                    .isEqualTo(acknowledged);
            assertThat(r.getLong(2)).isEqualTo(1);
        }

        // the store reopens after the kill; SIGTERM runs the shutdown: the units go to the safe setpoint (0 kW)
        Process stopped = serve(file, httpPort);
        awaitStatus(
                httpPort,
                s -> "running".equals(s.path("state").asText())
                        && s.path("batteryKw").asDouble() > 150);
        assertThat(twin.snapshot().batteries().get(0).commandKw()).isGreaterThan(150);
        stopped.destroy();
        assertThat(stopped.waitFor()).isIn(0, 143);
        Thread.sleep(300); // the twin takes a written setpoint at its next 100 ms tick
        assertThat(twin.snapshot().batteries().get(0).commandKw())
                .as("the safe setpoint, written on the way out")
                .isZero();
    }

    @Test
    void badOptionsAndFilesExitWithTwo() throws IOException {
        Path file = siteFile(freePort());
        assertThat(run("serve", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(run("serve", file.toString(), "--cycle", "5 ms")).isEqualTo(2);
        assertThat(run("serve", file.toString(), "--cycle", "fast")).isEqualTo(2);
        assertThat(run("serve", file.toString(), "--http-port", "70000")).isEqualTo(2);
        assertThat(run("serve", file.toString(), "--device-port", "0")).isEqualTo(2);
    }

    @Test
    void aTakenHttpPortIsBadInput() throws IOException {
        Path file = siteFile(freePort());
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err));
            assertThat(cl.execute("serve", file.toString(), "--http-port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(2);
            assertThat(err.toString()).contains(Integer.toString(taken.getLocalPort()));
        }
    }

    private Process serve(Path file, int httpPort) throws IOException {
        Path log = dir.resolve("serve-" + processes.size() + ".log");
        Process p = ChildCli.start(log, "serve", file.toString(), "--http-port", Integer.toString(httpPort));
        processes.add(p);
        return p;
    }

    private JsonNode awaitStatus(int port, java.util.function.Predicate<JsonNode> done) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = json.readTree(r.body());
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // the service is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service never reached the state awaited; last status " + last + "; log:\n"
                + Files.readString(dir.resolve("serve-" + (processes.size() - 1) + ".log")));
    }

    private static int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
