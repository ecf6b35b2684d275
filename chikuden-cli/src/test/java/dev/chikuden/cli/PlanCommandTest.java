package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @TempDir
    static Path dir;

    static Run example;
    static JsonNode json;

    @BeforeAll
    static void planTheBundledExample() throws IOException {
        example = run(
                "plan",
                Repository.examples().resolve("sakai-ai-campus.yaml").toString(),
                "--out",
                dir.toString(),
                "--json");
        json = new ObjectMapper().readTree(example.out());
    }

    @Test
    void theExampleRunsAndPrintsEveryDocumentedKey() {
        assertThat(example.exit()).as(example.err()).isZero();
        assertThat(json.get("site").asText()).isEqualTo("Sakai AI campus");
        assertThat(json.get("steps").asLong()).isEqualTo(7 * 86400);
        for (String k : List.of("wallSeconds", "stepsPerSecond")) {
            assertThat(json.get(k).asDouble()).isPositive();
        }
        for (String side : List.of("withoutBattery", "withBattery")) {
            for (String k : List.of("energyImportedKwh", "peakDemand30minKw", "peakGridKw", "maxRampKwPerS")) {
                assertThat(json.get(side).get(k).isNumber()).as(side + "." + k).isTrue();
            }
        }
        JsonNode with = json.get("withBattery");
        for (String k :
                List.of("batteryThroughputKwh", "equivalentFullCycles", "socMin", "socMax", "batteryLossesKwh")) {
            assertThat(with.get(k).isNumber()).as(k).isTrue();
        }
    }

    /** Each bill's line items sum to its total; the saving is the difference of the totals. */
    @Test
    void theBillsOfBothCasesAndTheSaving() {
        long[] totals = new long[2];
        int i = 0;
        for (String side : List.of("withoutBattery", "withBattery")) {
            JsonNode bill = json.get(side).get("bill");
            long sum = 0;
            for (JsonNode v : bill.get("lineItems")) {
                sum += v.asLong();
            }
            assertThat(sum)
                    .as(side)
                    .isEqualTo(bill.get("totalYen").asLong())
                    .isEqualTo(json.get(side).get("billYen").asLong());
            assertThat(bill.get("months")).hasSize(1);
            assertThat(bill.get("months").get(0).get("month").asText()).isEqualTo("2025-08");
            assertThat(bill.get("warnings")).isEmpty();
            totals[i++] = sum;
        }
        assertThat(json.get("billSavingYen").asLong()).isEqualTo(totals[0] - totals[1]);
        // the energy charge moves with the energy imported, at the summer rate 14.17 yen/kWh of the template
        double extraKwh = json.get("withBattery").get("energyImportedKwh").asDouble()
                - json.get("withoutBattery").get("energyImportedKwh").asDouble();
        long extraYen = json.get("withBattery")
                        .get("bill")
                        .get("lineItems")
                        .get("energyChargeSummerYen")
                        .asLong()
                - json.get("withoutBattery")
                        .get("bill")
                        .get("lineItems")
                        .get("energyChargeSummerYen")
                        .asLong();
        assertThat((double) extraYen).isCloseTo(extraKwh * 14.17, offset(1.0));
    }

    @Test
    void theBatteryShavesThePeakAndItsFiguresAgree() {
        JsonNode without = json.get("withoutBattery");
        JsonNode with = json.get("withBattery");
        assertThat(with.get("peakDemand30minKw").asDouble())
                .isLessThan(without.get("peakDemand30minKw").asDouble());
        assertThat(with.get("peakGridKw").asDouble())
                .isLessThan(without.get("peakGridKw").asDouble());
        assertThat(with.get("socMin").asDouble()).isGreaterThanOrEqualTo(0.05 - 1e-12);
        assertThat(with.get("socMax").asDouble()).isLessThanOrEqualTo(0.95 + 1e-12);
        // the extra energy imported is exactly what the battery took net (losses + fade + stored)
        double extra = with.get("energyImportedKwh").asDouble()
                - without.get("energyImportedKwh").asDouble();
        double intake = with.get("batteryLossesKwh").asDouble()
                + with.get("batteryFadeKwh").asDouble()
                + with.get("storedEnergyChangeKwh").asDouble();
        assertThat(extra)
                .isCloseTo(
                        intake, offset(1e-6 * without.get("energyImportedKwh").asDouble()));
        assertThat(with.get("equivalentFullCycles").asDouble()).isPositive();
    }

    /** Issue 5's acceptance: at 1 s the campus fails the default grid-code rules, the battery's stack passes them. */
    @Test
    void withoutBatteryTheGridCodeFailsAndTheStackMakesItPass() {
        assertThat(json.get("withoutBattery").get("gridCodePass").asBoolean()).isFalse();
        assertThat(json.get("withoutBattery").get("gridCodeFailures")).hasSize(6);
        assertThat(json.get("withBattery").get("gridCodePass").asBoolean())
                .as(json.get("withBattery").get("gridCodeFailures").toString())
                .isTrue();
        JsonNode share = json.get("withBattery").get("bindingShare");
        double sum = 0;
        for (var e : share.properties()) {
            sum += e.getValue().asDouble();
        }
        assertThat(sum).isCloseTo(1, offset(1e-9));
        assertThat(share.get("grid-code-smoothing").asDouble()).isPositive();
        assertThat(share.get("demand-limiter").asDouble()).isPositive();
        // the limiter acts on a reading 10 ms old through a 20 ms converter: it may end a slot under 1 kW over
        assertThat(json.get("withBattery").get("peakDemand30minKw").asDouble()).isLessThanOrEqualTo(112_001);
    }

    /** The example also runs the site without battery, the GPUs smoothing themselves (floor 90 % of TDP). */
    @Test
    void gpuSideSmoothingIsComparedWithItsExtraEnergy() {
        JsonNode gpu = json.get("withGpuSmoothing");
        double plain = json.get("withoutBattery").get("energyImportedKwh").asDouble();
        double extra = gpu.get("extraEnergyKwh").asDouble();
        assertThat(extra).isEqualTo(gpu.get("energyImportedKwh").asDouble() - plain, offset(1e-6));
        assertThat(extra / plain).isBetween(0.05, 0.15); // the floor burns about 10 % more (DESIGN.md)
        double batteryExtra = json.get("withBattery").get("energyImportedKwh").asDouble() - plain;
        assertThat(batteryExtra).isLessThan(extra / 10);
        assertThat(gpu.get("gridCodePass").asBoolean()).isFalse();
        assertThat(gpu.get("maxRampKwPerS").asDouble())
                .isLessThan(json.get("withoutBattery").get("maxRampKwPerS").asDouble());
    }

    /** The example signs 115 MW with the battery instead of 140 MW: the basic charge scales with it. */
    @Test
    void theSavingRecomputedFromTheResultFilesIsWhatPlanPrints() throws IOException {
        // the site file's tariff: the template's rates, power factor 100 %, August 2025 fuel -0.50, levy FY2025 3.98
        double basicPerKw = 1911.80 * (185 - 100) / 100.0 * 7 / 31;
        long[] without = billFromResultFile(dir.resolve("without-battery.csv"), basicPerKw);
        long[] with = billFromResultFile(dir.resolve("with-battery.csv"), basicPerKw);
        assertThat(json.get("withoutBattery").get("contractKw").asDouble()).isEqualTo(without[0]);
        assertThat(json.get("withBattery").get("contractKw").asDouble()).isEqualTo(with[0]);
        assertThat(json.get("withoutBattery").get("billYen").asLong()).isEqualTo(without[1]);
        assertThat(json.get("withBattery").get("billYen").asLong()).isEqualTo(with[1]);
        assertThat(json.get("billSavingYen").asLong()).isEqualTo(without[1] - with[1]);
        long byLine = 0;
        for (JsonNode v : json.get("billSavingByLine")) {
            byLine += v.asLong();
        }
        assertThat(byLine).isEqualTo(json.get("billSavingYen").asLong());
        long byItem = 0;
        for (JsonNode v : json.get("netSavingByItem")) {
            byItem += v.asLong();
        }
        assertThat(byItem).isEqualTo(json.get("netSavingYen").asLong());
    }

    /**
     * Contract kW and bill total of a result file, worked out here from its gridKw column alone:
     * 30-minute slots of the 1-s rows, the contract at the largest slot's mean import rounded up to
     * a whole kW, and each line item truncated to whole yen.
     */
    private static long[] billFromResultFile(Path csv, double basicPerKw) throws IOException {
        double[] slotKwh = new double[7 * 48];
        double importKwh = 0;
        try (var lines = Files.lines(csv)) {
            var it = lines.skip(1).iterator();
            for (int row = 0; it.hasNext(); row++) {
                String[] f = it.next().split(",");
                double kwh = Math.max(0, Double.parseDouble(f[4])) / 3600;
                slotKwh[row / 1800] += kwh;
                importKwh += kwh;
            }
        }
        double peakKw = 0;
        for (double kwh : slotKwh) {
            peakKw = Math.max(peakKw, kwh * 2);
        }
        long contractKw = (long) Math.ceil(peakKw - 0.01);
        long total = (long) Math.floor(contractKw * basicPerKw + 1e-6)
                + (long) Math.floor(importKwh * 14.17 + 1e-6)
                + (long) Math.ceil(importKwh * -0.50 - 1e-6)
                + (long) Math.floor(importKwh * 3.98 + 1e-6);
        return new long[] {contractKw, total};
    }

    @Test
    void writesCsvAndParquetWithOneRowPerStep() throws IOException, SQLException {
        Path csv = dir.resolve("with-battery.csv");
        try (var lines = Files.lines(csv)) {
            assertThat(lines.count()).isEqualTo(7 * 86400 + 1);
        }
        assertThat(Files.readAllLines(csv).get(0))
                .isEqualTo("timestamp,loadKw,pvKw,batteryKw,gridKw,gridMinKw,gridMaxKw,soc");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*), max(gridKw), " + "sum(gridKw) / 3600 FROM read_parquet('"
                                + dir.resolve("with-battery.parquet") + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(7 * 86400);
            assertThat(rs.getDouble(2))
                    .isCloseTo(json.get("withBattery").get("peakGridKw").asDouble(), offset(1e-6));
            assertThat(rs.getDouble(3))
                    .isCloseTo(json.get("withBattery").get("energyImportedKwh").asDouble(), offset(1e-3));
        }
        JsonNode saved = new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
        assertThat(saved).isEqualTo(json);
    }

    @Test
    void theTableShowsBothCasesAndTheClosingLine() {
        Run r = run(
                "plan", Repository.examples().resolve("sakai-ai-campus.yaml").toString(), "--no-files");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "without battery",
                        "with battery",
                        "Peak 30-min demand",
                        "Largest ramp (1 s)",
                        "Equivalent full cycles",
                        "SOC range",
                        "Energy lost in the battery",
                        "Bill total",
                        "Bill saving",
                        "Net saving",
                        "Simulated 2,419,200 steps in", // both cases, the GPU smoothing and the ideal chain
                        "Instead of the battery, GPU-side smoothing");
    }

    @Test
    void aBadSiteFileExitsWithTwoAndListsItsProblemsWithoutAStackTrace() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(Repository.examples().resolve("sakai-ai-campus.yaml"))
                        .replace("energy: 200 MWh", "energy: 200 MW")
                        .replace("step: 1 s\n\ncontrol", "step: 11 s\n\ncontrol"));
        Run r = run("plan", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("chikuden: 2 problems in the configuration:")
                .contains(bad + ":54:13: batteries[0].energy: \"200 MW\" has unit \"MW\"")
                .contains("study.step: \"11 s\" does not divide the study period of 7 d into whole steps")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingFileIsBadInput() {
        Run r = run("plan", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml: no such file");
    }

    @Test
    void anUnknownOptionIsBadInput() {
        Run r = run("plan", "x.yaml", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void helpExplainsEveryOption() {
        Run top = run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("plan", "Exit codes:", "2", "bad input");
        Run plan = run("plan", "--help");
        List<String> missing = new ArrayList<>();
        for (String opt : List.of("--out", "--json", "--no-files", "--png", "SITE.yaml")) {
            if (!plan.out().contains(opt)) {
                missing.add(opt);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void versionNamesTheProject() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("chikuden 0.");
    }
}
