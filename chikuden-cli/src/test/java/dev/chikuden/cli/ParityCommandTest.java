package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chikuden parity} on a plant with a smooth load and a peak-shaving (supervisory) strategy:
 * live and the study must agree, every metric and every verdict, over a 20-s window.
 */
class ParityCommandTest {
    @TempDir
    Path dir;

    @Test
    void smoothPlantLiveAgreesWithTheStudy() throws Exception {
        Path f = dir.resolve("plant.yaml");
        Files.writeString(f, """
                name: parity plant
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads:
                  - name: plant
                    type: profile
                    base: 1 MW
                    daily: [0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.1, 1.2, 1.2, 1.2, 1.2,
                            1.2, 1.2, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8]
                batteries: [{name: bess, energy: 1 MWh, power: 500 kW}]
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                strategy: {type: peak-shaving, dischargeAbove: 900 kW, chargeBelow: 500 kW}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("parity", f.toString(), "--duration", "20 s", "--json");
        assertThat(code).as(err.toString()).isZero();
        System.out.println(out);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.path("window").path("durationSeconds").asDouble()).isEqualTo(20);
        assertThat(j.path("window").path("why").asText()).contains("largest 1-s change");
        for (String side : new String[] {"study", "live"}) {
            assertThat(j.path(side).has("maxRampUpKwPerS")).as(side).isTrue();
            assertThat(j.path(side).has("dynamicRangeKw")).as(side).isTrue();
            assertThat(j.path(side).path("rules").isArray()).as(side).isTrue();
        }
        assertThat(j.path("loadMismatchKw").asDouble()).isLessThan(1e-6);
        assertThat(j.path("verdictsAgree").asBoolean()).isTrue();
        assertThat(j.path("withinTolerance").asBoolean()).as(out.toString()).isTrue();
        // the load is the same model on both sides: the live load is the study's, step for step
        assertThat(j.path("live").path("demandKw").asDouble())
                .isCloseTo(
                        j.path("study").path("demandKw").asDouble(),
                        org.assertj.core.data.Percentage.withPercentage(2));
    }
}
