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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridcodeCommandTest {
    @TempDir
    Path dir;

    /** Ten minutes at 100 ms of a training load: 100 +- 20 MW (in kW) with a 2 s period. */
    private Path squareWave(double scale) throws IOException {
        return squareWave(scale, "gridKw");
    }

    private Path squareWave(double scale, String header) throws IOException {
        StringBuilder sb = new StringBuilder("# synthetic training load\ntimestamp," + header + "\n");
        Instant t0 = Instant.parse("2025-08-04T00:00:00Z");
        for (int i = 0; i < 6000; i++) {
            double kw = (i / 10) % 2 == 0 ? 120_000 : 80_000;
            sb.append(t0.plusMillis(100L * i).atZone(ZoneId.of("Asia/Tokyo")).toOffsetDateTime())
                    .append(',')
                    .append(kw * scale)
                    .append('\n');
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
        assertThat(j.get("rules"))
                .extracting(v -> v.get("rule").asText())
                .containsExactly(
                        "maxRampUpMwPerS",
                        "maxRampDownMwPerS",
                        "maxRampMwPerMin",
                        "dynamicRangeMw",
                        "bandEnergyShare",
                        "loadDropEvents");
        JsonNode up = j.get("rules").get(0);
        assertThat(up.get("value").asDouble()).isEqualTo(40);
        assertThat(up.get("limit").asDouble()).isEqualTo(10);
        assertThat(up.get("margin").asDouble()).isEqualTo(-30);
        assertThat(up.get("pass").asBoolean()).isFalse();
        assertThat(j.fieldNames())
                .toIterable()
                .contains(
                        "maxRampUpKwPerS",
                        "maxRampDownKwPerS",
                        "bandEnergyShare",
                        "dominantFrequencyHz",
                        "peakDemand30minKw",
                        "rules",
                        "pass");
    }

    @Test
    void theTableListsMetricsThenVerdictsWithMargins() throws IOException {
        Run r = run("gridcode", squareWave(1).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Analysed: 6,000 steps of 100 ms from 2025-08-04T09:00:00+09:00")
                .containsPattern("Largest ramp up over 1 s +40\\.000  MW/s")
                .containsPattern("maxRampUpMwPerS +40\\.000 +10\\.000 +-30\\.000  MW/s +FAIL")
                .contains("FAIL: 5 of 6 rules fail");
    }

    @Test
    void unitAndRulesOptions() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "ramp: {upPerSecond: 50 MW}\n");
        Run r = run(
                "gridcode",
                squareWave(0.001, "power").toString(),
                "--unit",
                "MW",
                "--rules",
                rules.toString(),
                "--json");
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
        assertThat(r.err())
                .contains(rules + ":2:16: ramp.upPerSecond: \"fast\" is not a power")
                .doesNotContain("\tat ");

        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, "timestamp,kw\n2025-08-04T00:00:00Z,1\n2025-08-04T00:00:01Z,x\n");
        r = run("gridcode", trace.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("chikuden: " + trace + ":3: \"kw\" value \"x\" is not a number\n");

        assertThat(run("gridcode", trace.toString(), "--unit", "TW").exit()).isEqualTo(2);
    }

    /**
     * A training load of 100 +- 20 MW with a 1.6 s period, in the unit the header names: read as
     * power it breaks every default rule (ramps of 40 MW within a second and across a minute, which
     * holds 37.5 periods; a 20 MW swing; all its energy at 0.625 Hz; drops of 40 MW).
     */
    private Path megawattTrace(String header, double unitsPerMw) throws IOException {
        StringBuilder sb = new StringBuilder("timestamp," + header + "\n");
        Instant t0 = Instant.parse("2025-08-04T00:00:00Z");
        for (int i = 0; i < 6000; i++) {
            double mw = (i / 8) % 2 == 0 ? 120 : 80;
            sb.append(t0.plusMillis(100L * i))
                    .append(',')
                    .append(mw * unitsPerMw)
                    .append('\n');
        }
        Path f = dir.resolve("mw-trace.csv");
        Files.writeString(f, sb);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Power (MW) | 1",
                "power_mw | 1",
                "MW | 1",
                "Power [MW] | 1",
                "campusMW | 1",
                "power [kW] | 1000",
                "power_kw | 1000",
                "W | 1e6",
                "power.draw [W] | 1e6",
                "GW | 0.001",
                "Power (GW) | 0.001",
                "load_gw | 0.001"
            })
    void readsThePowerInTheUnitItsHeaderNames(String header, double unitsPerMw) throws IOException {
        Run r = run("gridcode", megawattTrace(header, unitsPerMw).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("peakKw").asDouble()).isCloseTo(120_000, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(j.get("column").asText()).isEqualTo(header);
        assertThat(j.get("rules"))
                .allSatisfy(v ->
                        assertThat(v.get("pass").asBoolean()).as(v.toString()).isFalse());
        assertThat(j.get("pass").asBoolean()).isFalse();
    }

    @Test
    void aTraceInMegawattsFailsEveryRuleItBreaks() throws IOException {
        Run r = run("gridcode", megawattTrace("Power (MW)", 1).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("values \"Power (MW)\" in MW (header)").contains("FAIL: 6 of 6 rules fail");
    }

    @Test
    void aHeaderNamingNoUnitIsReadAsKilowattsAndTheNoticeSaysSo() throws IOException {
        Path f = megawattTrace("power", 1000);
        Run r = run("gridcode", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("input").get("notes").get(0).asText())
                .isEqualTo("column \"power\" names no unit; read as kW (give the unit to say otherwise)");
        assertThat(j.get("input").get("unitFrom").asText()).isEqualTo("default");
        assertThat(j.get("unit").asText()).isEqualTo("kW");
        assertThat(j.get("peakKw").asDouble()).isEqualTo(120_000);

        r = run("gridcode", megawattTrace("power", 1).toString(), "--unit", "MW", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(r.out()).get("peakKw").asDouble())
                .isEqualTo(120_000);
    }

    @Test
    void aUnitOptionThatContradictsTheHeaderIsBadInput() throws IOException {
        Path f = megawattTrace("power_mw", 1);
        Run r = run("gridcode", f.toString(), "--unit", "kW");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("chikuden: " + f + ":1: unit kW contradicts column \"power_mw\", which names MW; "
                        + "leave the unit out to read the header's, or correct it\n");
    }

    /** Plan's result file: the meter's series, gridKw, is read, not the first column (the load). */
    private Path resultFile(String... columns) throws IOException {
        StringBuilder sb = new StringBuilder("timestamp," + String.join(",", columns) + "\n");
        Instant t0 = Instant.parse("2025-08-04T00:00:00Z");
        for (int i = 0; i < 600; i++) {
            sb.append(t0.plusSeconds(i));
            for (int c = 0; c < columns.length; c++) {
                sb.append(',').append(columns[c].equals("gridKw") ? 50_000 + 100 * (i % 2) : 90_000 + 30_000 * (i % 2));
            }
            sb.append('\n');
        }
        Path f = dir.resolve("with-battery.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void ofSeveralColumnsTheMeterSeriesGridKwIsReadAndNamed() throws IOException {
        Path f = resultFile("loadKw", "pvKw", "batteryKw", "gridKw", "gridMinKw", "gridMaxKw", "soc");
        Run r = run("gridcode", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("column").asText()).isEqualTo("gridKw");
        assertThat(j.get("peakKw").asDouble()).isEqualTo(50_100);

        r = run("gridcode", f.toString());
        assertThat(r.out()).startsWith(f + ": power, UTF-8;").contains("values \"gridKw\" in kW (header); 600 rows");
    }

    @Test
    void ofSeveralColumnsWithoutGridKwOneMustBeNamed() throws IOException {
        Path f = resultFile("loadKw", "pvKw");
        Run r = run("gridcode", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("chikuden: " + f + ":1: 2 value columns [loadKw, pvKw]; name the one to read with the "
                        + "column option (column: NAME, --column NAME)\n");
        r = run("gridcode", f.toString(), "--column", "pvKw", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("column").asText()).isEqualTo("pvKw");
    }
}
