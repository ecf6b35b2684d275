package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.PlanStudy;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read a series read it with one reader, and agree on what they read. */
class TraceInputCommandsTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final DateTimeFormatter SLASH = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS");

    @TempDir
    Path dir;

    /**
     * Five minutes of a training load sampled every 100-120 ms, as a logger writes it: slash dates,
     * a UTF-8 BOM, power in MW. 100 +- 20 MW with a 2 s period and a 30 MW drop after 3 minutes.
     */
    private Path jitteredTrace() throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFtime,site power (MW)\n");
        long t0 = Instant.parse("2025-08-03T15:00:00Z").toEpochMilli(); // 2025-08-04 00:00 in Tokyo
        long ms = 0;
        for (int i = 0; ms < 300_000 + 1000; i++) {
            double mw = ((ms / 1000) % 2 == 0 ? 120 : 80) - (ms > 180_000 ? 30 : 0);
            sb.append(SLASH.format(Instant.ofEpochMilli(t0 + ms).atZone(TOKYO)))
                    .append(',')
                    .append(mw)
                    .append('\n');
            ms += 100 + (i * 7919L % 21);
        }
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void gridcodeAndPlanWithoutBatteryMeasureTheSameTrace() throws IOException {
        Path trace = jitteredTrace();
        Run g = run("gridcode", trace.toString(), "--step", "100 ms", "--json");
        assertThat(g.exit()).as(g.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(g.out());
        JsonNode input = j.get("input");
        assertThat(input.get("format").asText()).isEqualTo("power");
        assertThat(input.get("encoding").asText()).isEqualTo("UTF-8 with BOM");
        assertThat(input.get("unit").asText()).isEqualTo("MW");
        assertThat(input.get("medianStepMs").asLong()).isBetween(105L, 115L);
        assertThat(input.get("p99StepMs").asLong()).isEqualTo(120);
        assertThat(input.get("gaps").asLong()).isZero();

        Files.writeString(dir.resolve("site.yaml"), """
                name: Trace site
                grid: {contract: 200 MW}
                loads: [{type: csv, file: trace.csv}]
                study: {start: "2025-08-04T00:00", duration: 301 s, step: 100 ms}
                """);
        PlanStudy.Result plan =
                PlanStudy.run(SiteConfigReader.read(dir.resolve("site.yaml")), PlanStudy.SinkFactory.NONE);
        GridCodeMetrics m = plan.withoutBatteryGridCode().metrics();
        assertThat(m.samples()).isEqualTo(j.get("samples").asLong()).isEqualTo(3010);
        assertThat(m.maxRampUpKwPerS()).isCloseTo(j.get("maxRampUpKwPerS").asDouble(), offset(1e-6));
        assertThat(m.maxRampDownKwPerS()).isCloseTo(j.get("maxRampDownKwPerS").asDouble(), offset(1e-6));
        assertThat(m.largestDropKw()).isCloseTo(j.get("largestDropKw").asDouble(), offset(1e-6));
        assertThat(m.loadDropEvents()).isEqualTo(j.get("loadDropEvents").asLong());
        assertThat(m.peakKw()).isCloseTo(j.get("peakKw").asDouble(), offset(1e-6));
        assertThat(m.peakDemand30minKw()).isCloseTo(j.get("peakDemand30minKw").asDouble(), offset(1e-6));
    }

    @Test
    void planSaysWhatItReadOfEachTrace() throws IOException {
        jitteredTrace();
        Files.writeString(dir.resolve("site.yaml"), """
                name: Trace site
                grid: {contract: 200 MW}
                loads: [{type: csv, file: trace.csv}]
                study: {start: "2025-08-04T00:00", duration: 1 min, step: 1 s}
                """);
        Run text = run("plan", dir.resolve("site.yaml").toString(), "--no-files", "--quiet");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("Site class: industrial (from high voltage)");
        assertThat(text.out().lines().skip(2).findFirst().orElseThrow())
                .startsWith("Input: " + dir.resolve("trace.csv") + ": power, UTF-8 with BOM;");
        Run json = run("plan", dir.resolve("site.yaml").toString(), "--no-files", "--quiet", "--json");
        JsonNode in = new ObjectMapper().readTree(json.out()).get("inputs").get(0);
        assertThat(in.get("unit").asText()).isEqualTo("MW");
        assertThat(in.get("p99StepMs").asLong()).isEqualTo(120);
    }

    @Test
    void gridcodeSaysWhatItReadInOneLine() throws IOException {
        Run g = run("gridcode", jitteredTrace().toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out().lines().findFirst().orElseThrow())
                .contains(
                        "trace.csv: power, UTF-8 with BOM; time \"time\"",
                        "values \"site power (MW)\" in MW (header)",
                        "step median 1",
                        "p99 120 ms",
                        "0 gaps over");
        assertThat(g.out()).contains("Analysed: 3,010 steps of 100 ms from 2025-08-04T00:00:00+09:00");
        String line = g.out().lines().findFirst().orElseThrow().replace(dir + "/", "");
        assertThat(Files.readString(Path.of("..", "README.md")))
                .as("the README's data section quotes this run's line")
                .contains(line);
    }

    /**
     * The same two hours as a 30-minute meter export (CP932, 日付/時刻, interval ends, kWh) and as
     * a power series: one bill.
     */
    @Test
    void anIntervalEnergyExportBillsAsItsPowerSeries() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), BillCommandTest.SITE);
        double[] kw = {600, 650, 420, 380};
        StringBuilder power = new StringBuilder("timestamp,grid_kw\n");
        StringBuilder energy = new StringBuilder("日付,時刻,使用電力量(kWh)\n");
        for (int i = 0; i < kw.length; i++) {
            power.append(String.format("2025-08-01T%02d:%02d:00+09:00,%s%n", i / 2, (i % 2) * 30, kw[i]));
            energy.append(String.format("2025/8/1,%d:%02d,%s%n", (i + 1) / 2, ((i + 1) % 2) * 30, kw[i] / 2));
        }
        Path p = Files.writeString(dir.resolve("power.csv"), power);
        Path e = dir.resolve("energy.csv");
        Files.write(e, energy.toString().getBytes(Charset.forName("windows-31j")));
        Run byPower = run("bill", dir.resolve("site.yaml").toString(), "--grid", p.toString(), "--json");
        Run byEnergy =
                run("bill", dir.resolve("site.yaml").toString(), "--grid", e.toString(), "--json", "--labels", "end");
        assertThat(byPower.exit()).as(byPower.err()).isZero();
        assertThat(byEnergy.exit()).as(byEnergy.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(byPower.out());
        JsonNode b = new ObjectMapper().readTree(byEnergy.out());
        assertThat(b.get("input").get("format").asText()).isEqualTo("energy");
        assertThat(b.get("input").get("encoding").asText()).isEqualTo("CP932");
        assertThat(b.get("totalYen").asLong())
                .isEqualTo(a.get("totalYen").asLong())
                .isPositive();
        assertThat(b.get("lineItems")).isEqualTo(a.get("lineItems"));
        assertThat(b.get("months").get(0).get("importKwh").asDouble()).isEqualTo(1025.0);
    }

    @Test
    void rainflowReadsItsSeriesWithTheSameReader() throws IOException {
        Path f = Files.writeString(
                dir.resolve("soc.csv"),
                "timestamp;soc\n2025/08/01 0:00;0.5\n2025/08/01 0:01;0.9\n"
                        + "2025/08/01 0:02;0.1\n2025/08/01 0:03;0.5\n");
        Run r = run("rainflow", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("samples").asLong()).isEqualTo(4);
    }
}
