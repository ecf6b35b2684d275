package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {
    /** Two days: night 10.03, day 14.34 yen/kWh (Kansai AS-TOU); a lossless 100 kW / 200 kWh battery. */
    static final String SITE = """
            name: Two days
            timeZone: Asia/Tokyo
            grid: {contract: 500 kW, voltage: high}
            loads: [{type: profile, base: 400 kW}]
            batteries: [{energy: 200 kWh, power: 100 kW, roundTripEfficiency: 100 %, auxiliaryLoad: 0 kW,
                         soc: {min: 0 %, max: 100 %, initial: 0 %}}]
            study: {start: 2025-10-07, duration: 2 d, step: 30 min}
            strategy: {type: idle}
            tariff: {preset: kansai-high-voltage-as-tou, powerFactor: 100 %, marketPriceAdjustment: off}
            """;

    @TempDir
    Path dir;

    @Test
    void jsonHasTheObjectiveItsPartsAndTheMpsModelsObjective() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Path mps = dir.resolve("model.mps");
        Run r = run(
                "optimize",
                dir.resolve("site.yaml").toString(),
                "--json",
                "--export-mps",
                mps.toString(),
                "--solver",
                "clp");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double parts = j.get("energyCostYen").asDouble()
                + j.get("basicChargeYen").asDouble()
                + j.get("excessChargeYen").asDouble()
                + j.get("degradationCostYen").asDouble()
                - j.get("reserveRevenueYen").asDouble()
                - j.get("exportRevenueYen").asDouble();
        assertThat(j.get("objectiveYen").asDouble()).isCloseTo(parts, within(1e-6));
        assertThat(j.get("solver").asText()).isEqualTo("clp");
        assertThat(j.get("periods").asInt()).isEqualTo(96);
        // Each day the battery fills at night (10.03) and empties by day (14.34): 200 kWh x 4.31 yen, plus
        // the levy and adjustments which are the same both ways. Two days, ending empty as it started.
        assertThat(j.get("lp").get("savingYen").asDouble()).isCloseTo(2 * 200 * (14.34 - 10.03), within(1e-6));
        assertThat(Files.readString(mps)).contains("ROWS").contains("COLUMNS");
        // A lossless battery does what the LP says: the bills differ by the rounding of their lines.
        JsonNode d = j.get("delivered");
        assertThat(d.get("savingYen").asDouble())
                .isCloseTo(j.get("lp").get("savingYen").asDouble(), within(5.0));
        assertThat(d.get("billYen").asLong())
                .isEqualTo(j.get("withoutBattery").get("billYen").asLong()
                        - Math.round(d.get("billSavingYen").asDouble()));
        assertThat(d.get("monthlyPeakKw")).hasSize(1);
        assertThat(j.get("plannedMonthlyPeakKw")).hasSize(1);
        assertThat(d.get("monthlyPeakKw").get(0).asDouble())
                .isCloseTo(j.get("plannedMonthlyPeakKw").get(0).asDouble(), within(1e-6));
    }

    @Test
    void theBillWithoutBatteryIsPlansToTheYen() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE.replace("contract: 500 kW", "contract: auto"));
        Run optimize = run("optimize", dir.resolve("site.yaml").toString(), "--json", "--no-check");
        Run plan = run("plan", dir.resolve("site.yaml").toString(), "--json");
        assertThat(optimize.exit()).as(optimize.err()).isZero();
        assertThat(plan.exit()).as(plan.err()).isZero();
        long planned = new ObjectMapper()
                .readTree(plan.out())
                .get("withoutBattery")
                .get("billYen")
                .asLong();
        assertThat(new ObjectMapper()
                        .readTree(optimize.out())
                        .get("withoutBattery")
                        .get("billYen")
                        .asLong())
                .isEqualTo(planned);
    }

    @Test
    void theTableLeadsWithTheDeliveredSavingAndShowsTheLpBoundBesideIt() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Run r = run("optimize", dir.resolve("site.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[2]).startsWith("Saving delivered").contains("(100.0 % of the LP's bound of 1,724 yen)");
        assertThat(r.out())
                .containsPattern("LP bound\\s+delivered")
                .containsPattern("Monthly 30-min peak\\s+planned kW")
                .contains("2025-10");
    }

    /**
     * A grid battery over three August days whose LP loses money (its MPC's replans lose more): no
     * share of a loss is given, which read as delivery beating the bound (115 %).
     */
    @Test
    void noShareOfTheLpsBoundIsGivenWhenTheBoundIsALoss() throws IOException {
        String site = Repository.examples().resolve("kansai-grid-battery.yaml").toString();
        String[] set = {
            "--set", "batteries[0].energy=100 MWh", "--set", "study.start=2025-08-04", "--set", "study.duration=3 d"
        };
        Run json = run(concat(new String[] {"optimize", site, "--json"}, set));
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(json.out());
        assertThat(f.at("/lp/savingYen").asDouble()).isNegative();
        assertThat(f.at("/delivered/shareOfLp").isNull())
                .as(f.at("/delivered").toString())
                .isTrue();
        Run table = run(concat(new String[] {"optimize", site}, set));
        assertThat(table.out())
                .containsPattern("Saving delivered +-[0-9,]+ yen \\(the LP's bound is -[0-9,]+ yen, no saving");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void withAnOutageSectionItSaysHowLongTheBatteryCarriesTheCriticalLoad() throws IOException {
        // 100 kW critical load from a battery that fills to 200 kWh at night and empties by day.
        Files.writeString(dir.resolve("site.yaml"), SITE + "outage: {criticalLoad: 100 kW, durations: [1 h, 2 h]}\n");
        Run r = run("optimize", dir.resolve("site.yaml").toString(), "--json", "--no-check");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode outage = new ObjectMapper().readTree(r.out()).get("outage");
        assertThat(outage).isNotNull();
        Run text = run("optimize", dir.resolve("site.yaml").toString(), "--no-check");
        assertThat(text.out())
                .contains("Outage, the site's battery: 0.1 MW critical load")
                .contains("Carried through");
    }

    @Test
    void planPutsTheSizingMapIntoTheReportWhenTheSiteAsksForASweep() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE + """
                finance: {capexYenPerKwh: 60000, capexYenPerKw: 20000, discountRate: 5 %, years: 15}
                sizing: {power: [50 kW, 100 kW], energy: [100 kWh, 200 kWh, 400 kWh]}
                """);
        Run r = run(
                "plan",
                dir.resolve("site.yaml").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("out").resolve("report.html"));
        assertThat(html).contains("\"sizing\":{\"powerKw\":[50.0,100.0],\"energyKwh\":[100.0,200.0,400.0]");
    }

    @Test
    void aFixedContractTheBatteryCannotHoldIsBadInputNamingIt() throws IOException {
        // 400 kW all day: a 100 kW / 200 kWh battery holds 350 kW for 4 hours, not two days
        Files.writeString(dir.resolve("site.yaml"), SITE.replace("contract: 500 kW", "contract: 350 kW"));
        Run r = run("optimize", dir.resolve("site.yaml").toString(), "--no-check");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err())
                .contains("cannot hold every month's 30-minute demand at the contract of 350 kW")
                .contains("exceedance: penalty")
                .doesNotContain("Exception");
        Files.writeString(
                dir.resolve("site.yaml"), SITE.replace("contract: 500 kW", "contract: 350 kW, exceedance: penalty"));
        Run priced = run("optimize", dir.resolve("site.yaml").toString(), "--no-check", "--json");
        assertThat(priced.exit()).as(priced.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(priced.out())
                        .get("excessChargeYen")
                        .asDouble())
                .isPositive();
    }

    @Test
    void aStepThatIsNotAnLpPeriodIsBadInput() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Run r = run("optimize", dir.resolve("site.yaml").toString(), "--step", "20min");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--step: \"20min\" is not an LP period; use 30min or 15min");
    }

    @Test
    void anUnknownSolverIsBadInput() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Run r = run("optimize", dir.resolve("site.yaml").toString(), "--solver", "gurobi");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--solver: \"gurobi\" is not one of highs, clp, cbc, glop");
    }

    @Test
    void theScheduleFileHasOneRowPerPeriod() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        Path csv = dir.resolve("schedule.csv");
        Run r = run(
                "optimize",
                dir.resolve("site.yaml").toString(),
                "--schedule",
                csv.toString(),
                "--step",
                "15min",
                "--no-check");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(csv))
                .hasSize(1 + 192)
                .first()
                .isEqualTo("timestamp,battery_kw,stored_kwh,grid_kw");
        assertThat(r.out()).contains("192 periods of 15 min").contains("Saving");
    }
}
