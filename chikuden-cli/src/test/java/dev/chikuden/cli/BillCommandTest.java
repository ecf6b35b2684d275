package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillCommandTest {
    static final String SITE = """
            name: Bill site
            grid: {contract: 500 kW}
            loads: [{type: profile, base: 400 kW}]
            study: {start: 2025-08-01, duration: 1 d, step: 1 h}
            tariff: {preset: kansai-high-voltage-as, powerFactor: 100 %, marketPriceAdjustment: off}
            """;

    @TempDir
    Path dir;

    /** Two hours at 5-minute steps on 1 August 2025: 600 kW for 1 h, 400 kW for 45 min, export for 15 min. */
    Path grid() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,grid_kw\n");
        for (int i = 0; i < 24; i++) {
            double kw = i < 12 ? 600 : i < 21 ? 400 : -200;
            sb.append(String.format("2025-08-01T%02d:%02d:00+09:00,%s%n", i / 12, (i % 12) * 5, kw));
        }
        Path f = dir.resolve("grid.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void billsAGridSeriesToTheYen() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", grid().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        // import 600 kW x 1 h + 400 kW x 45 min = 900 kWh, export 200 kW x 15 min = 50 kWh; peak demand 600 kW
        // over a 500 kW contract. Basic 500 x 1,911.80 x 0.85 x 2 h / 744 h = 2,184.18; excess
        // 100 x 1,911.80 x 1.5 x 0.85 = 243,754.5; energy 900 x 14.17 = 12,753; levy 900 x 3.98 = 3,582
        JsonNode items = j.get("lineItems");
        assertThat(items.get("basicChargeYen").asLong()).isEqualTo(2_184);
        assertThat(items.get("excessDemandChargeYen").asLong()).isEqualTo(243_754);
        assertThat(items.get("energyChargeSummerYen").asLong()).isEqualTo(12_753);
        assertThat(items.get("renewableLevyYen").asLong()).isEqualTo(3_582);
        assertThat(j.get("totalYen").asLong()).isEqualTo(2_184 + 243_754 + 12_753 + 3_582);
        JsonNode month = j.get("months").get(0);
        assertThat(month.get("importKwh").asDouble()).isEqualTo(900.0);
        assertThat(month.get("exportKwh").asDouble()).isEqualTo(50.0);
        assertThat(month.get("maxDemandKw").asDouble()).isEqualTo(600.0);
    }

    @Test
    void theTableListsMonthsAndLineItems() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", grid().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "2025-08",
                        "(0.3 % of the month)",
                        "Excess demand charge",
                        "243,754",
                        "Bill total                   yen            262,273\n");
    }

    @Test
    void aSiteWithoutTariffIsBadInput() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE.replace("tariff:", "# tariff:"));
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", grid().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("site.yaml: has no tariff section");
    }

    /**
     * plan's own result files billed by {@code bill} give what plan printed, for both cases: one
     * bill function and one contract rule, whichever command asks.
     */
    @Test
    void plansResultFilesBillAsPlanPrintedThem() throws IOException {
        Files.writeString(dir.resolve("shaved.yaml"), """
                name: Shaved
                grid: {contract: auto}
                loads:
                  - {type: profile, base: 1 MW, daily: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.8, 1, 1.2, 1.3, 1.4, 1.4,
                                                        1.4, 1.4, 1.3, 1.2, 1.1, 1, 0.9, 0.8, 0.7, 0.6, 0.6, 0.6]}
                batteries:
                  - {preset: lfp-container, energy: 2 MWh, power: 500 kW}
                study: {start: 2025-08-04, duration: 2 d, step: 1 min}
                strategy: {type: peak-shaving, dischargeAbove: 1.2 MW, chargeBelow: 900 kW}
                tariff: {preset: kansai-high-voltage-as, powerFactor: 100 %, marketPriceAdjustment: off}
                """);
        Path out = dir.resolve("out");
        Run plan = run("plan", dir.resolve("shaved.yaml").toString(), "--out", out.toString(), "--json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(plan.out());
        for (String c : new String[] {"without-battery", "with-battery"}) {
            Run r = run(
                    "bill",
                    dir.resolve("shaved.yaml").toString(),
                    "--grid",
                    out.resolve(c + ".csv").toString(),
                    "--column",
                    "gridKw",
                    "--case",
                    c,
                    "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode b = new ObjectMapper().readTree(r.out());
            JsonNode printed = p.get(c.equals("with-battery") ? "withBattery" : "withoutBattery");
            assertThat(b.get("totalYen").asLong())
                    .as(c)
                    .isEqualTo(printed.get("billYen").asLong());
            assertThat(b.get("contractKw").asDouble())
                    .as(c)
                    .isEqualTo(printed.get("contractKw").asDouble());
        }
        assertThat(p.get("withBattery").get("contractKw").asDouble())
                .isLessThan(p.get("withoutBattery").get("contractKw").asDouble());
    }

    /** One hour at 5-minute steps of plan's result-file columns: a 1,000 kW load, 400 kW from the battery. */
    private Path resultFile(String... columns) throws IOException {
        StringBuilder sb = new StringBuilder("timestamp," + String.join(",", columns) + "\n");
        for (int i = 0; i < 12; i++) {
            sb.append(String.format("2025-08-01T00:%02d:00+09:00", i * 5));
            for (String c : columns) {
                sb.append(',')
                        .append(
                                switch (c) {
                                    case "loadKw" -> "1000";
                                    case "batteryKw" -> "400";
                                    case "gridKw", "gridMinKw", "gridMaxKw" -> "600";
                                    case "soc" -> "0.5";
                                    default -> "0";
                                });
            }
            sb.append('\n');
        }
        Path f = dir.resolve("with-battery.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void ofAPlanResultFileTheMeterSeriesGridKwIsBilledAndNamed() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Path f = resultFile("loadKw", "pvKw", "batteryKw", "gridKw", "gridMinKw", "gridMaxKw", "soc");
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("column").asText()).isEqualTo("gridKw");
        assertThat(j.get("months").get(0).get("importKwh").asDouble()).isEqualTo(600.0);

        r = run("bill", dir.resolve("site.yaml").toString(), "--grid", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Bill site\n" + f + ": power, UTF-8;").contains("values \"gridKw\" in kW");
    }

    @Test
    void ofSeveralColumnsWithoutGridKwOneMustBeNamed() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Path f = resultFile("loadKw", "batteryKw");
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("chikuden: " + f + ":1: 2 value columns [loadKw, batteryKw]; name the one to read with "
                        + "the column option (column: NAME, --column NAME)\n");
    }

    @Test
    void aGridSeriesInMegawattsIsBilledInKilowatts() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Path f = dir.resolve("grid-mw.csv");
        Files.writeString(f, "timestamp,Grid (MW)\n2025-08-01T00:00:00+09:00,0.6\n2025-08-01T00:30:00+09:00,0.6\n");
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("unit").asText()).isEqualTo("MW");
        assertThat(j.get("months").get(0).get("importKwh").asDouble()).isEqualTo(600.0);
    }

    /** The presets ship no fuel-cost table (it changes monthly): the bill says the line is left out, table and JSON. */
    @Test
    void aTariffWithoutFuelCostTableIsSaidUnderTheBill() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        String warning = "no fuelCostAdjustment table: the fuel-cost adjustment line is left out, 0 yen";
        Run r = run("bill", dir.resolve("site.yaml").toString(), "--grid", grid().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Bill warning: " + warning + "\n");
        r = run("bill", dir.resolve("site.yaml").toString(), "--grid", grid().toString(), "--json");
        assertThat(new ObjectMapper().readTree(r.out()).get("warnings"))
                .extracting(JsonNode::asText)
                .containsExactly(warning);
    }

    /**
     * A home on 従量電灯A: June 2025 at 0.6 kW, 432 kWh across all three tiers. Energy 522.58 + 105 x 20.21
     * + 180 x 25.61 + 132 x 28.59 = 11,028.31; fuel 432 x 1.50 = 648; discount -55; levy 432 x 3.98 = 1,719.36.
     */
    @Test
    void aHomeOnATieredMenu() throws IOException {
        Files.writeString(dir.resolve("home.yaml"), """
                name: Home
                grid: {voltage: low}
                loads: [{type: profile, base: 600 W}]
                study: {start: 2025-06-01, duration: 30 d, step: 30 min}
                tariff: {preset: kansai-dento-a, fuelCostAdjustment: {2025-06: 1.50}}
                """);
        StringBuilder sb = new StringBuilder("timestamp,grid_kw\n");
        for (int i = 0; i < 30 * 48; i++) {
            sb.append(String.format("2025-06-%02dT%02d:%02d:00+09:00,0.6%n", 1 + i / 48, i % 48 / 2, i % 2 * 30));
        }
        Path f = Files.writeString(dir.resolve("meter.csv"), sb);
        Run r = run("bill", dir.resolve("home.yaml").toString(), "--grid", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode items = new ObjectMapper().readTree(r.out()).get("lineItems");
        assertThat(items.get("energyChargeYen").asLong()).isEqualTo(11_028);
        assertThat(items.get("fuelCostAdjustmentYen").asLong()).isEqualTo(648);
        assertThat(items.get("accountTransferDiscountYen").asLong()).isEqualTo(-55);
        assertThat(items.get("renewableLevyYen").asLong()).isEqualTo(1_719);
        assertThat(items.has("excessDemandChargeYen")).isFalse();
        assertThat(new ObjectMapper().readTree(r.out()).get("totalYen").asLong())
                .isEqualTo(13_340);
    }
}
