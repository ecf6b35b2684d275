package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridcodeCommandTest {
    @TempDir
    Path dir;

    /** Ten minutes at 100 ms of a training load: 100 +- 20 MW (in kW) with a 2 s period. */
    private Path squareWave(double scale) throws IOException {
        StringBuilder sb = new StringBuilder("# synthetic training load\ntimestamp,gridKw\n");
        Instant t0 = Instant.parse("2025-08-04T00:00:00Z");
        for (int i = 0; i < 6000; i++) {
            double kw = (i / 10) % 2 == 0 ? 120_000 : 80_000;
            sb.append(t0.plusMillis(100L * i).atZone(ZoneId.of("Asia/Tokyo")).toOffsetDateTime()).append(',')
                    .append(kw * scale).append('\n');
        }
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void jsonHasTheMetricsAndAVerdictPerRuleAndExitsZeroWhenRulesFail() throws IOException {
        Run r = run("gridcode", squareWave(1).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("samples").asLong()).isEqualTo(6000);
        assertThat(j.get("stepSeconds").asDouble()).isEqualTo(0.1);
        assertThat(j.get("maxRampUpKwPerS").asDouble()).isEqualTo(40_000);
        assertThat(j.get("maxRampDownKwPerS").asDouble()).isEqualTo(40_000);
        assertThat(j.get("maxRampUpKwPerMin").asDouble()).isZero(); // 1 min holds 30 whole periods
        assertThat(j.get("dynamicRangeKw").asDouble()).isEqualTo(20_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("bandEnergyShare").asDouble()).isGreaterThan(0.999);
        assertThat(j.get("dominantFrequencyHz").asDouble()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(j.get("loadDropEvents").asLong()).isEqualTo(300);
        assertThat(j.get("largestDropKw").asDouble()).isEqualTo(40_000);
        assertThat(j.get("peakDemand30minKw").asDouble()).isEqualTo(100_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("demand30minKw")).hasSize(1);
        assertThat(j.get("pass").asBoolean()).isFalse();
        assertThat(j.get("rules")).extracting(v -> v.get("rule").asText()).containsExactly("maxRampUpMwPerS",
                "maxRampDownMwPerS", "maxRampMwPerMin", "dynamicRangeMw", "bandEnergyShare", "loadDropEvents");
        JsonNode up = j.get("rules").get(0);
        assertThat(up.get("value").asDouble()).isEqualTo(40);
        assertThat(up.get("limit").asDouble()).isEqualTo(10);
        assertThat(up.get("margin").asDouble()).isEqualTo(-30);
        assertThat(up.get("pass").asBoolean()).isFalse();
        assertThat(j.fieldNames()).toIterable().contains("maxRampUpKwPerS", "maxRampDownKwPerS", "bandEnergyShare",
                "dominantFrequencyHz", "peakDemand30minKw", "rules", "pass");
    }

    @Test
    void theTableListsMetricsThenVerdictsWithMargins() throws IOException {
        Run r = run("gridcode", squareWave(1).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("6,000 samples at 100 ms steps from 2025-08-04T09:00:00+09:00")
                .containsPattern("Largest ramp up over 1 s +40\\.000  MW/s")
                .containsPattern("maxRampUpMwPerS +40\\.000 +10\\.000 +-30\\.000  MW/s +FAIL")
                .contains("FAIL: 5 of 6 rules fail");
    }

    @Test
    void unitAndRulesOptions() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "ramp: {upPerSecond: 50 MW}\n");
        Run r = run("gridcode", squareWave(0.001).toString(), "--unit", "MW", "--rules", rules.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("maxRampUpKwPerS").asDouble()).isEqualTo(40_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("rules")).hasSize(1);
        assertThat(j.get("pass").asBoolean()).isTrue();
    }

    @Test
    void badRulesAndBadTracesExitWithTwo() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "ramp:\n  upPerSecond: fast\n");
        Run r = run("gridcode", squareWave(1).toString(), "--rules", rules.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(rules + ":2:16: ramp.upPerSecond: \"fast\" is not a power").doesNotContain("\tat ");

        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, "timestamp,kw\n2025-08-04T00:00:00Z,1\n2025-08-04T00:00:01Z,x\n");
        r = run("gridcode", trace.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("chikuden: " + trace + ":3: column \"kw\" value \"x\" is not a finite number\n");

        assertThat(run("gridcode", trace.toString(), "--unit", "GW").exit()).isEqualTo(2);
    }
}
