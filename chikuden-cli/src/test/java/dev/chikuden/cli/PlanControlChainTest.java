package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What plan prints about the control chain: simulated at 1 s, not at 15 min. */
class PlanControlChainTest {
    @TempDir
    Path dir;

    /** Three hours of a load that falls by 8 MW in one second at 01:30, an absorber holding falls to 1 MW/s. */
    Path site(String step) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,power_mw\n");
        for (int s = 0; s < 3 * 3600; s++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "2025-07-01T%02d:%02d:%02d+09:00,%.6f%n",
                    s / 3600,
                    s / 60 % 60,
                    s % 60,
                    (s < 5400 ? 10 : 2) + s / 3600.0));
        }
        Files.writeString(dir.resolve("load.csv"), csv);
        Files.writeString(dir.resolve("rules.yaml"), "ramp:\n  downPerSecond: 3 MW\n");
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, """
                name: Drop site
                timeZone: Asia/Tokyo
                grid: {contract: 20 MW}
                loads:
                  - {name: meter, type: csv, file: load.csv, column: power_mw, unit: MW}
                batteries:
                  - {energy: 20 MWh, power: 10 MW, roundTripEfficiency: 100 %, soc: {min: 0 %, max: 100 %, initial: 50 %}}
                study: {start: 2025-07-01, duration: 3 h, step: STEP}
                gridCode: {rules: rules.yaml}
                strategy:
                  type: stack
                  controllers:
                    - {type: load-drop-absorber, maxDrop: 1 MW/s}
                """.replace("STEP", step));
        return file;
    }

    @Test
    void aOneSecondStudyPrintsTheChainTheIdealFiguresAndTheToleratedLatency() throws IOException {
        Path file = site("1 s");
        PlanCommandTest.Run text = PlanCommandTest.run("plan", file.toString(), "--no-files", "--quiet");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Control chain: supervisory 1 s, fast 100 ms (ems), meter 50 ms, command 50 ms,"
                        + " converter 150 ms; total latency 250 ms\n")
                .contains("Without latency (ideal chain): pass (1); largest 1-s ramp 1.000 MW/s")
                .containsPattern("Latency tolerated on the worst hour \\(2025-07-01 01:00\\): passes up to \\d+ ms");
        JsonNode json = new ObjectMapper()
                .readTree(PlanCommandTest.run("plan", file.toString(), "--no-files", "--quiet", "--json")
                        .out());
        JsonNode chain = json.get("controlChain");
        assertThat(chain.get("simulated").asBoolean()).isTrue();
        assertThat(chain.get("totalLatencyMs").asDouble()).isEqualTo(250);
        for (String k : List.of("supervisoryPeriodMs", "fastPeriodMs", "meterDelayMs", "commandDelayMs")) {
            assertThat(chain.get(k).isNumber()).as(k).isTrue();
        }
        // the ideal figures carry the with-battery grid-code names
        JsonNode ideal = json.get("gridCodeIdeal");
        json.get("withBattery")
                .get("gridCode")
                .fieldNames()
                .forEachRemaining(k -> assertThat(ideal.has(k)).as(k).isTrue());
        assertThat(json.get("worstHour").asText()).isEqualTo("2025-07-01 01:00");
        assertThat(json.get("latencyToleratedMs").asLong()).isPositive();
        assertThat(text.out())
                .contains("passes up to " + json.get("latencyToleratedMs").asLong() + " ms");
    }

    @Test
    void aQuarterHourStudySaysTheChainIsNotSimulated() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("plan", site("15 min").toString(), "--no-files", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Control chain not simulated: a 15 min step resolves no sub-second latency")
                .doesNotContain("Without latency")
                .doesNotContain("Latency tolerated");
    }
}
