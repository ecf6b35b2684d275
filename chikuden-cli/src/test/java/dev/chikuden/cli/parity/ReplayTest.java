package dev.chikuden.cli.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.Main;
import dev.chikuden.ems.LiveService;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.ems.twin.DeviceSimulator;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code parity --telemetry}: a short live run's telemetry, saved as {@code GET /api/telemetry} gives
 * it, replayed through the study. The live side is the file's own grid power, recomputed here.
 */
class ReplayTest {
    @TempDir
    Path dir;

    @Test
    void replaysALiveRunsTelemetry() throws Exception {
        Path f = dir.resolve("plant.yaml");
        Files.writeString(f, """
                name: replay plant
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads: [{name: plant, type: profile, base: 1 MW}]
                batteries: [{name: bess, energy: 1 MWh, power: 500 kW}]
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                strategy: {type: peak-shaving, dischargeAbove: 900 kW, chargeBelow: 500 kW}
                """);
        SiteConfig site = SiteConfigReader.read(f);
        int port = LiveRun.freePort();
        EmsConfig config = LiveRun.config(site, Files.createDirectories(dir.resolve("state")), port);
        String body;
        long from;
        long to;
        try (DeviceSimulator twin = new DeviceSimulator(
                site,
                config.devices(),
                RegisterMap.load(config.devices().registerMap()),
                DeviceSimulator.Options.defaults())) {
            twin.start(EmsConfigReader.DEFAULT_HOST, port);
            try (LiveService service = LiveService.start(site, config)) {
                Thread.sleep(3_000); // connected and cycling
                from = (System.currentTimeMillis() / 1000 + 1) * 1000;
                Thread.sleep(12_000);
                to = from + 10_000;
                Thread.sleep(1_500); // the store has the last cycles
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
                                                + "/api/telemetry?from=" + (from - 5000) + "&to=" + (to + 1000)
                                                + "&maxPoints=100000"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                body = r.body();
            }
        }
        Path telemetry = dir.resolve("telemetry.json");
        Files.writeString(telemetry, body);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(
                "parity",
                f.toString(),
                "--telemetry",
                telemetry.toString(),
                "--from",
                Instant.ofEpochMilli(from).toString(),
                "--to",
                Instant.ofEpochMilli(to).toString(),
                "--json");
        assertThat(code).as(err.toString() + out).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.path("window").path("why").asText()).startsWith("replay of telemetry.json");
        // the live side is the file's measured grid power: its mean import recomputed from the file
        double imported = 0;
        int rows = 0;
        for (JsonNode p : new ObjectMapper().readTree(body).path("points")) {
            long t = p.path("epochMs").asLong();
            if (t >= from && t < to) {
                imported += Math.max(0, p.path("gridKw").asDouble());
                rows++;
            }
        }
        assertThat(rows).isBetween(9, 11);
        assertThat(j.path("live").path("demandKw").asDouble())
                .isCloseTo(imported / rows, org.assertj.core.data.Offset.offset(1e-6));
        // a flat 1 MW under a 900 kW shaving threshold: both hold the grid at 900 kW
        assertThat(j.path("study").path("demandKw").asDouble())
                .isCloseTo(900, org.assertj.core.data.Offset.offset(5.0));
        assertThat(j.path("live").path("demandKw").asDouble()).isCloseTo(900, org.assertj.core.data.Offset.offset(5.0));
        assertThat(j.path("verdictsAgree").asBoolean()).isTrue();
    }
}
