package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.cli.report.ReportBrowser;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/sakai-factory-pv.yaml}, a factory on high voltage under 500 kW, through {@code plan}
 * (its result files and its report) and {@code bill} ({@link OptimizeExamplesTest},
 * {@link BaselineAgreementTest} and {@link SizeExamplesTest} run {@code optimize} and {@code size}
 * on it): the production schedule as the result files show it, and the 12-month ratchet worked by
 * hand, month by month, from the plan's monthly peaks to every contract and basic charge.
 */
class SakaiFactoryTest {
    static final Path EXAMPLE = Repository.examples().resolve("sakai-factory-pv.yaml");

    /** The preset's basic charge (kansai-high-voltage-as, tax included) and the example's power factor. */
    static final double BASIC_YEN_PER_KW_MONTH = 1911.80;

    static final double POWER_FACTOR_SCALE = (185 - 95) / 100.0;

    @TempDir
    static Path dir;

    static JsonNode plan;
    static Map<String, double[]> loadByDay;

    @BeforeAll
    static void planTheExample() throws IOException {
        Run r = PlanCommandTest.run("plan", EXAMPLE.toString(), "--out", dir.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        plan = new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
        loadByDay = new LinkedHashMap<>();
        for (String[] row : rows(dir.resolve("without-battery.csv"))) {
            loadByDay.computeIfAbsent(row[0].substring(0, 10), d -> new double[48])[slot(row[0])] =
                    Double.parseDouble(row[1]);
        }
    }

    /**
     * The shifts as the example writes them, at its month's factor, within the 2 % noise (10 % is
     * five of its standard deviations); the 15-minute ramps are left out, every slot checked is flat.
     */
    @Test
    void theLoadRunsTheShiftsAndClosesOnSundaysHolidaysAndCompanyHolidays() {
        double base = 45;
        // Monday 9 June 2025 (June 1.04): 一直 at 310 kW, the lunch break at 190, the afternoon at 320
        assertLevel("2025-06-09", 20, 24, 310 * 1.04);
        assertLevel("2025-06-09", 25, 26, 190 * 1.04);
        assertLevel("2025-06-09", 27, 34, 320 * 1.04);
        assertLevel("2025-06-09", 35, 48, 240 * 1.04); // 二直
        assertLevel("2025-06-10", 0, 2, 240 * 1.04); // until 01:00 the next day
        assertLevel("2025-06-10", 3, 16, base * 1.04);
        assertLevel("2025-06-07", 17, 24, 230 * 1.04); // Saturday, half a day
        assertLevel("2025-06-07", 25, 48, base * 1.04);
        assertLevel("2025-06-08", 0, 48, base * 1.04); // Sunday
        assertLevel("2025-09-15", 0, 48, base * 1.10); // 敬老の日, a Monday, runs as a Sunday
        assertLevel("2025-05-02", 0, 48, base * 0.96); // GW, a Friday
        assertLevel("2025-08-13", 0, 2, 240 * 1.18); // お盆: Tuesday's 二直 ends its night
        assertLevel("2025-08-13", 3, 48, base * 1.18);
        assertLevel("2025-08-14", 0, 48, base * 1.18);
        assertLevel("2026-01-02", 0, 48, base * 1.03); // 年末年始
        assertLevel("2026-01-05", 20, 24, 310 * 1.03); // back to work
    }

    /**
     * The ratchet by hand from the monthly 30-minute peaks of the plan's bills (themselves checked
     * against the result files): each month's contract is the largest peak of it and the 11 months
     * before, those before April 2025 being the same calendar months of the year without battery
     * (the bill's history, previousPeak 0); the case with battery takes its own months in the study
     * and that history in its first year, its own months throughout in the later years. The basic
     * charge is contract x 1,911.80 yen x (185 - 95) / 100, a whole month, fractions of a yen dropped.
     */
    @Test
    void theRatchetWorkedByHandMonthByMonth() throws IOException {
        double[] without = peaks(plan.get("withoutBattery"));
        double[] with = peaks(plan.get("withBattery"));
        double[][] fromFiles = {peaksOf(dir.resolve("without-battery.csv")), peaksOf(dir.resolve("with-battery.csv"))};
        JsonNode ratchet = plan.get("ratchetByMonth");
        assertThat(ratchet).hasSize(12);
        long firstYear = 0;
        long laterYears = 0;
        long basicWith = 0;
        long basicSteady = 0;
        double steadyContract = 0;
        for (int m = 0; m < 12; m++) {
            assertThat(fromFiles[0][m]).as("month %d without, from the file", m).isCloseTo(without[m], offset(5e-4));
            assertThat(fromFiles[1][m]).as("month %d with, from the file", m).isCloseTo(with[m], offset(5e-4));
            double cWithout = 0;
            double cWith = 0;
            double cSteady = 0;
            for (int k = 0; k < 12; k++) {
                int i = m - k;
                cWithout = Math.max(cWithout, i >= 0 ? without[i] : without[i + 12]);
                cWith = Math.max(cWith, i >= 0 ? with[i] : without[i + 12]);
                cSteady = Math.max(cSteady, i >= 0 ? with[i] : with[i + 12]);
            }
            JsonNode row = ratchet.get(m);
            JsonNode billWithout =
                    plan.get("withoutBattery").get("bill").get("months").get(m);
            JsonNode billWith =
                    plan.get("withBattery").get("bill").get("months").get(m);
            assertThat(billWithout.get("coveredFraction").asDouble()).isEqualTo(1.0);
            assertThat(row.get("peakWithoutBatteryKw").asDouble()).isEqualTo(without[m]);
            assertThat(row.get("peakWithBatteryKw").asDouble()).isEqualTo(with[m]);
            assertThat(row.get("contractWithoutBatteryKw").asDouble()).isEqualTo(cWithout);
            assertThat(row.get("contractWithBatteryKw").asDouble()).isEqualTo(cWith);
            assertThat(row.get("contractWithBatterySteadyStateKw").asDouble()).isEqualTo(cSteady);
            assertThat(billWithout.get("contractKw").asDouble()).isEqualTo(cWithout);
            assertThat(billWith.get("contractKw").asDouble()).isEqualTo(cWith);
            assertThat(basic(billWithout))
                    .as("month %d's basic charge without", m)
                    .isEqualTo(basic(cWithout));
            assertThat(basic(billWith)).as("month %d's basic charge with", m).isEqualTo(basic(cWith));
            assertThat(row.get("basicChargeSavingYen").asLong()).isEqualTo(basic(cWithout) - basic(cWith));
            assertThat(row.get("basicChargeSavingSteadyStateYen").asLong()).isEqualTo(basic(cWithout) - basic(cSteady));
            firstYear += row.get("basicChargeSavingYen").asLong();
            laterYears += row.get("basicChargeSavingSteadyStateYen").asLong();
            basicWith += basic(cWith);
            basicSteady += basic(cSteady);
            steadyContract = Math.max(steadyContract, cSteady);
        }
        assertThat(firstYear)
                .as("the months sum to the bill saving's basic-charge line")
                .isEqualTo(plan.get("billSavingByLine").get("basicChargeYen").asLong());
        // the later years' bill: the same energy lines, the basic charge at the battery's own contracts
        JsonNode steady = plan.get("withBatterySteadyState");
        assertThat(steady.get("billYen").asLong())
                .isEqualTo(plan.get("withBattery").get("billYen").asLong() - basicWith + basicSteady);
        assertThat(steady.get("contractKw").asDouble()).isEqualTo(steadyContract);
        assertThat(plan.get("withoutBattery")
                                .get("bill")
                                .get("lineItems")
                                .get("basicChargeYen")
                                .asLong()
                        - basicSteady)
                .isEqualTo(laterYears);
        // the example's story: one August sets the year's contract, and the battery's first year
        // saves a third of its later years' basic charge
        assertThat(without[4]).as("August's peak").isEqualTo(max(without));
        assertThat(plan.get("withoutBattery").get("contractKw").asDouble()).isEqualTo(without[4]);
        assertThat((double) firstYear / laterYears).isBetween(0.2, 0.5);
        assertThat(plan.get("withBattery").get("contractBasis").asText()).isEqualTo("ratchet");
    }

    /**
     * {@code bill} bills a series on its own: the with-battery result file, its history its own, is
     * the ratchet's later years, to the yen but for the file's rounding to 1 W: at most a yen a line a
     * month (five lines), and a yen a month on the basic charge.
     */
    @Test
    void billOnTheResultFileGivesTheLaterYears() throws IOException {
        Run r = PlanCommandTest.run(
                "bill",
                EXAMPLE.toString(),
                "--grid",
                dir.resolve("with-battery.csv").toString(),
                "--column",
                "gridKw",
                "--case",
                "with-battery",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode bill = new ObjectMapper().readTree(r.out());
        assertThat(bill.get("totalYen").asDouble())
                .isCloseTo(plan.get("withBatterySteadyState").get("billYen").asDouble(), within(12.0 * 5));
        long laterYears = 0;
        for (JsonNode m : plan.get("ratchetByMonth")) {
            laterYears += m.get("basicChargeSavingSteadyStateYen").asLong();
        }
        assertThat(plan.get("withoutBattery")
                                .get("bill")
                                .get("lineItems")
                                .get("basicChargeYen")
                                .asLong()
                        - bill.get("lineItems").get("basicChargeYen").asLong())
                .isCloseTo(laterYears, within(12L));
    }

    /** The report carries the ratchet as plan prints it and draws it as a table, in both languages. */
    @Test
    void theReportShowsTheRatchetMonthByMonth() throws Exception {
        JsonNode figures = ExampleReportTest.figures(Files.readString(dir.resolve("report.html")));
        assertThat(figures.get("plan").get("ratchetByMonth")).isEqualTo(plan.get("ratchetByMonth"));
        try (ReportBrowser browser = ReportBrowser.start()) {
            browser.open(dir.resolve("report.html"));
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.js("return document.getElementById('ratchet').hidden;"))
                    .isEqualTo(false);
            assertThat(browser.js("return document.querySelectorAll('#ratchet tbody tr').length;"))
                    .isEqualTo(13L);
            long firstYear = plan.get("billSavingByLine").get("basicChargeYen").asLong();
            assertThat(browser.js("return document.querySelector('#ratchet tbody tr:last-child').textContent;"))
                    .asString()
                    .contains(String.format("%,d yen", firstYear));
            assertThat(browser.js("return window.report.charts['monthly-peaks'].getOption().series.length;"))
                    .as("each case's bars and its contract line")
                    .isEqualTo(4L);
            browser.click(".lang button[data-lang=ja]");
            assertThat(browser.js("return document.getElementById('ratchet-title').textContent;"))
                    .isEqualTo("実量制（過去1年間の最大需要電力）");
            assertThat(browser.js("return document.querySelectorAll('#ratchet thead td').length;"))
                    .asInstanceOf(InstanceOfAssertFactories.LONG)
                    .isEqualTo(8L);
            assertThat(browser.errors()).isEmpty();
        }
    }

    private static void assertLevel(String day, int fromSlot, int toSlot, double kw) {
        double[] slots = loadByDay.get(day);
        for (int s = fromSlot; s < toSlot; s++) {
            assertThat(slots[s]).as("%s slot %d", day, s).isCloseTo(kw, within(0.10 * kw));
        }
    }

    private static long basic(double contractKw) {
        return (long) Math.floor(contractKw * BASIC_YEN_PER_KW_MONTH * POWER_FACTOR_SCALE + 1e-6);
    }

    private static long basic(JsonNode month) {
        return month.get("lineItems").get("basicChargeYen").asLong();
    }

    private static double[] peaks(JsonNode caseFigures) {
        JsonNode months = caseFigures.get("bill").get("months");
        assertThat(months).hasSize(12);
        double[] p = new double[12];
        for (int m = 0; m < 12; m++) {
            p[m] = months.get(m).get("maxDemandKw").asDouble();
        }
        return p;
    }

    /** Each month's largest import of a 30-minute row (the study's step is the demand slot), April 2025 first. */
    private static double[] peaksOf(Path csv) throws IOException {
        Map<String, Double> byMonth = new LinkedHashMap<>();
        for (String[] row : rows(csv)) {
            byMonth.merge(row[0].substring(0, 7), Math.max(0, Double.parseDouble(row[4])), Math::max);
        }
        assertThat(byMonth.keySet()).hasSize(12).startsWith("2025-04").endsWith("2026-03");
        return byMonth.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** timestamp, loadKw, pvKw, batteryKw, gridKw, ... per row, the header left out. */
    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("timestamp,loadKw,pvKw,batteryKw,gridKw");
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split(","));
        }
        return out;
    }

    /** The half hour of the local day a row's timestamp (local, with its offset) starts. */
    private static int slot(String timestamp) {
        int hour = Integer.parseInt(timestamp.substring(11, 13));
        int minute = Integer.parseInt(timestamp.substring(14, 16));
        return hour * 2 + minute / 30;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
