package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.cli.report.ReportBrowser;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/osaka-home-pv-battery.yaml} through {@code plan}: the household's figures are
 * recomputed from the result files step by step (PV use, exports, no battery energy leaving the
 * house), the saving split sums to the bill saving, and the table shows a home's rows, not an AI
 * campus's.
 */
class HouseholdExampleTest {
    static final Path EXAMPLE = Repository.examples().resolve("osaka-home-pv-battery.yaml");

    @TempDir
    static Path dir;

    static JsonNode plan;
    static String table;

    @BeforeAll
    static void planTheExample() throws IOException {
        Run r = PlanCommandTest.run("plan", EXAMPLE.toString(), "--out", dir.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        table = r.out();
        plan = new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
    }

    /** Sums of a result file's columns: pv, load, min(pv, load), export, battery export. */
    private static double[] sums(String file) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        List<String> header = List.of(lines.get(0).split(","));
        int load = header.indexOf("loadKw");
        int pv = header.indexOf("pvKw");
        int battery = header.indexOf("batteryKw");
        int grid = header.indexOf("gridKw");
        double[] s = new double[6];
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            double l = Double.parseDouble(v[load]);
            double p = Double.parseDouble(v[pv]);
            double b = Double.parseDouble(v[battery]);
            double g = Double.parseDouble(v[grid]);
            double export = Math.max(0, -g);
            s[0] += p * 0.5;
            s[1] += l * 0.5;
            s[2] += Math.min(p, l) * 0.5;
            s[3] += export * 0.5;
            s[4] += Math.min(Math.max(0, b), export) * 0.5;
            s[5] += Math.max(0, g) * 0.5;
        }
        return s;
    }

    @Test
    void pvUseWithoutBatteryIsWhatTheResultFileSays() throws IOException {
        double[] s = sums("without-battery.csv");
        JsonNode without = plan.get("withoutBattery");
        // without a battery: PV not exported was used on site, and that is the load PV met
        assertThat(without.get("selfConsumption").asDouble()).isCloseTo((s[0] - s[3]) / s[0], within(1e-3));
        assertThat(without.get("selfSufficiency").asDouble()).isCloseTo(s[2] / s[1], within(1e-3));
        assertThat(without.get("pvKwh").asDouble()).isCloseTo(s[0], within(0.5));
    }

    @Test
    void theBatteryNeverExportsAndThePvBalances() throws IOException {
        double[] s = sums("with-battery.csv");
        JsonNode with = plan.get("withBattery");
        assertThat(s[4])
                .as("battery energy exported (the buy-back takes PV only)")
                .isLessThan(0.05);
        assertThat(with.get("batteryExportedKwh").asDouble()).isLessThan(1e-9);
        assertThat(with.get("pvExportedKwh").asDouble()).isCloseTo(s[3], within(0.5));
        // every kWh of PV went to the load, through the battery, out, or was lost in the battery
        double balance = with.get("pvToLoadKwh").asDouble()
                + with.get("pvViaBatteryKwh").asDouble()
                + with.get("pvExportedKwh").asDouble()
                + with.get("pvLostInBatteryKwh").asDouble();
        assertThat(balance).isCloseTo(with.get("pvKwh").asDouble(), within(1e-6));
        // the load met on site is the load less what the grid supplied to it (imports less what the
        // battery took from the grid); PV's part of it is at most that
        double selfSupplied = s[1] - s[5] + with.get("batteryGridChargedKwh").asDouble();
        assertThat(with.get("selfSufficiency").asDouble() * s[1]).isLessThanOrEqualTo(selfSupplied + 0.5);
        assertThat(with.get("selfConsumption").asDouble())
                .isGreaterThan(plan.get("withoutBattery").get("selfConsumption").asDouble());
        // charging at night is grid energy: it must not count as PV
        assertThat(with.get("batteryGridChargedKwh").asDouble()).isPositive();
    }

    @Test
    void theSavingSplitSumsToTheBillSaving() {
        JsonNode h = plan.get("household");
        long sum = 0;
        for (String k : List.of("selfConsumptionYen", "lostExportYen", "touShiftYen")) {
            sum += h.get("savingSplit").get(k).asLong();
        }
        assertThat(sum)
                .isEqualTo(plan.get("billSavingYen").asLong())
                .isEqualTo(h.get("billSavingYen").asLong());
        assertThat(h.get("savingSplit").get("lostExportYen").asLong()).isNegative();
        // the counterfactual's bill sits between the two cases' by the split's parts
        assertThat(plan.get("withoutBattery").get("billYen").asLong()
                        - h.get("savingSplit").get("selfConsumptionYen").asLong()
                        - h.get("savingSplit").get("lostExportYen").asLong())
                .isEqualTo(h.get("pvOnlyBillYen").asLong());
        // payback: the installed cost (149,000 yen/kWh x 6.5 kWh) over the yearly saving
        assertThat(h.get("payback").get("capexYen").asDouble()).isCloseTo(149_000 * 6.5, within(1e-6));
        assertThat(h.get("capexOverSavingYears").asDouble())
                .isCloseTo(149_000 * 6.5 / plan.get("billSavingYen").asDouble(), within(0.01));
        // the backup reserve keeps 0.3 kW x 6 h / 0.95 above the floor; the home unit's converter
        // returns it at a little under 95 %, so every start rides at least 90 % of 6 h through
        assertThat(h.get("outage").get("minHours").asDouble()).isGreaterThan(6 * 0.9);
        assertThat(h.get("outage").get("rideThrough").get("3 h").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theHouseholdReportHasNoGridCodeSectionAndShowsTheSplit() throws Exception {
        try (ReportBrowser browser = ReportBrowser.start()) {
            browser.open(dir.resolve("report.html"));
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.js("return document.getElementById('section-grid-code').hidden;"))
                    .isEqualTo(true);
            assertThat(browser.js("return document.getElementById('verdict').textContent;"))
                    .asString()
                    .doesNotContain("Grid code");
            assertThat(browser.js("return document.getElementById('saving').textContent;"))
                    .asString()
                    .contains("self-consumption gain", "lost export revenue", "time-of-use shift", "Outage hours");
            assertThat(browser.blankCharts()).isEmpty();
        }
    }

    @Test
    void aHomeIsShownItsOwnRowsNotAnAiCampusOnes() {
        assertThat(plan.get("siteClass").asText()).isEqualTo("household");
        assertThat(plan.has("gridCodePass")).isFalse();
        assertThat(table)
                .contains("Site class: household (given)", "Self-consumption of PV", "Self-sufficiency")
                .contains("self-consumption gain", "lost export revenue", "time-of-use shift", "Payback")
                .contains("Outage hours covered")
                .doesNotContain("Grid-code rules", "Load drops", "Largest ramp", "Contract ", "Steady state");
    }
}
