package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.report.ReportBrowser;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the bundled example: its numbers against {@code plan --json}, and the page in headless Chromium. */
class ExampleReportTest {
    static final Pattern FIGURES =
            Pattern.compile("<script type=\"application/json\" id=\"figures\">(.*?)</script>", Pattern.DOTALL);
    static final List<String> CHARTS = List.of(
            "power",
            "worst-day",
            "monthly-peaks",
            "duration-curve",
            "ramp-histogram",
            "spectrum",
            "monthly-bill",
            "soh");

    @TempDir
    static Path dir;

    static JsonNode json;
    static JsonNode figures;
    static String html;

    @BeforeAll
    static void planTheExample() throws IOException {
        PlanCommandTest.Run r = run(
                "plan",
                Repository.examples().resolve("sakai-ai-campus.yaml").toString(),
                "--out",
                dir.toString(),
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        json = new ObjectMapper().readTree(r.out());
        html = Files.readString(dir.resolve("report.html"));
        figures = figures(html);
    }

    static JsonNode figures(String html) throws IOException {
        Matcher m = FIGURES.matcher(html);
        assertThat(m.find()).as("the report's figures block").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void theReportIsOneFileThatLoadsNothing() {
        assertThat(html)
                .doesNotContainPattern("<script[^>]+src=")
                .doesNotContainPattern("<link[^>]+href=")
                .contains("Apache ECharts");
        assertThat(figures.get("inputs").get("siteFile").asText()).isEqualTo("sakai-ai-campus.yaml");
        assertThat(figures.get("inputs").get("siteText").asText()).contains("name: Sakai AI campus");
        assertThat(figures.get("inputs").get("commandLine").asText())
                .startsWith("chikuden plan ")
                .endsWith("--json");
        assertThat(figures.get("language").asText()).isEqualTo("en");
    }

    @Test
    void itHoldsThePlanExactlyAsJsonPrintsIt() {
        assertThat(figures.get("plan")).isEqualTo(json);
    }

    @Test
    void theVerdictIsThePlansSavingScaledToAYearAndItsGridCode() {
        JsonNode v = figures.get("verdict");
        assertThat(v.get("periodDays").asDouble()).isEqualTo(7);
        assertThat(v.get("savingYen").asDouble())
                .isEqualTo(json.get("billSavingYen").asDouble());
        // August studied for 7 of its 31 days, without excess-demand charges: extended to the month, times 12
        assertThat(v.get("savingYenPerYear").asDouble())
                .isCloseTo(json.get("billSavingYen").asDouble() * 31 / 7 * 12, offset(1e-6));
        assertThat(v.get("rules").asInt())
                .isEqualTo(
                        json.get("withoutBattery").get("gridCode").get("rules").size());
        assertThat(v.get("rulesFailedWithoutBattery").asInt())
                .isEqualTo(json.get("withoutBattery").get("gridCodeFailures").size());
        assertThat(v.get("rulesFailedWithBattery").asInt())
                .isEqualTo(json.get("withBattery").get("gridCodeFailures").size());
        assertThat(v.get("finance").isNull())
                .as("the example has no finance section")
                .isTrue();
    }

    /** The decimation is honest: the envelopes and the day of the peak hold the plan's extremes. */
    @Test
    void theChartsHoldThePlansPeaks() {
        JsonNode without = json.get("withoutBattery");
        JsonNode with = json.get("withBattery");
        JsonNode period = figures.get("period");
        assertThat(figures.get("unit").asText()).isEqualTo("MW");
        assertThat(max(period.get("grid").get("max")))
                .isCloseTo(with.get("peakGridKw").asDouble() / 1000, offset(6e-4));
        assertThat(max(period.get("gridWithoutBattery").get("max")))
                .isCloseTo(without.get("peakGridKw").asDouble() / 1000, offset(6e-4));
        assertThat(min(period.get("socPercent").get("min")))
                .isCloseTo(100 * with.get("socMin").asDouble(), offset(0.005));
        assertThat(max(period.get("socPercent").get("max")))
                .isCloseTo(100 * with.get("socMax").asDouble(), offset(0.005));
        assertThat(period.get("points").asInt()).isBetween(3000, 4000);

        JsonNode day = figures.get("worstDay");
        assertThat(day.get("peakDemandWithoutBatteryKw").asDouble())
                .isEqualTo(without.get("peakDemand30minKw").asDouble());
        assertThat(without.get("peakDemand30minSlot").asText())
                .startsWith(day.get("date").asText());
        assertThat(day.get("points").asInt()).isEqualTo(86_400);
        assertThat(day.get("load").has("min")).as("every step, no buckets").isFalse();

        JsonNode demand = figures.get("demand");
        JsonNode month = demand.get("monthly").get(0);
        assertThat(demand.get("monthly")).hasSize(1);
        assertThat(month.get("withoutBatteryKw").asDouble())
                .isEqualTo(without.get("peakDemand30minKw").asDouble());
        assertThat(month.get("withBatteryKw").asDouble())
                .isEqualTo(with.get("peakDemand30minKw").asDouble());
        assertThat(month.get("contractWithBatteryKw").asDouble())
                .as("grid.contract: auto, its own peak")
                .isEqualTo(Math.ceil(with.get("peakDemand30minKw").asDouble() - 0.01));
        JsonNode duration = demand.get("duration");
        assertThat(duration.get("withBattery")).hasSize(7 * 48);
        assertThat(duration.get("withBattery").get(0).asDouble())
                .isCloseTo(with.get("peakDemand30minKw").asDouble() / 1000, offset(6e-4));
        assertThat(duration.get("withoutBattery").get(0).asDouble())
                .isCloseTo(without.get("peakDemand30minKw").asDouble() / 1000, offset(6e-4));

        for (String side : List.of("withoutBattery", "withBattery")) {
            JsonNode h = figures.get("gridCode").get(side).get("rampHistogram");
            long total = 0;
            for (JsonNode c : h.get("counts")) {
                total += c.asLong();
            }
            assertThat(total).as(side).isEqualTo(json.get("steps").asLong() - 1);
            double top = h.get("firstEdgeKwPerS").asDouble()
                    + h.get("counts").size() * h.get("binKwPerS").asDouble();
            assertThat(top)
                    .as(side)
                    .isGreaterThan(json.get(side).get("maxRampUpKwPerS").asDouble())
                    .isLessThanOrEqualTo(json.get(side).get("maxRampUpKwPerS").asDouble()
                            + h.get("binKwPerS").asDouble());
        }
    }

    @Test
    void inHeadlessChromiumEveryChartDrawsWithoutErrorsAndTheLanguageToggles() throws Exception {
        try (ReportBrowser browser = ReportBrowser.start()) {
            browser.open(dir.resolve("report.html"));
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.js("return Object.keys(window.report.charts);"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactlyElementsOf(CHARTS);
            assertThat(zoomedIn(browser, "worst-day"))
                    .as("432 s of the day: every second, no band")
                    .containsExactly(433L, 0L);
            List<Long> week = zoomedIn(browser, "power");
            assertThat(week.get(1))
                    .as("0.5 % of the week: its 2.5-min buckets, each with its band")
                    .isEqualTo(week.get(0))
                    .isBetween(20L, 22L);
            assertThat(browser.blankCharts()).isEmpty();
            assertThat(browser.js("return document.getElementById('section-sizing').hidden;"))
                    .isEqualTo(true);
            long perYear =
                    Math.round(figures.get("verdict").get("savingYenPerYear").asDouble());
            assertThat(browser.js("return document.querySelector('#verdict .value').textContent;"))
                    .isEqualTo(String.format(Locale.ROOT, "%,d yen", perYear));
            assertThat(browser.js("return document.querySelector('#section-power h2').textContent;"))
                    .isEqualTo("Power over the study period");

            browser.click(".lang button[data-lang=ja]");
            assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("ja");
            assertThat(browser.js("return document.querySelector('#section-power h2').textContent;"))
                    .isEqualTo("検討期間全体の電力推移");
            assertThat(browser.js("return window.report.charts.power.getOption().legend[0].data[0];"))
                    .isEqualTo("負荷");
            assertThat(browser.js("return document.querySelector('#verdict .value').textContent;"))
                    .isEqualTo(String.format(Locale.ROOT, "%,d 円", perYear));
            browser.screenshot(Path.of("target", "report-screenshot-ja.png"));
            browser.click(".lang button[data-lang=en]");
            assertThat(browser.js("return window.report.charts.power.getOption().legend[0].data[0];"))
                    .isEqualTo("Load");
            browser.screenshot(Path.of("target", "report-screenshot.png"));
            assertThat(browser.errors()).isEmpty();
        }
    }

    /** Zooms a chart of power over time into its first 0.5 %; returns how many points its grid line and band then draw. */
    @SuppressWarnings("unchecked")
    static List<Long> zoomedIn(ReportBrowser browser, String chart) {
        return (List<Long>) browser.js("""
                const chart = window.report.charts[arguments[0]];
                chart.dispatchAction({ type: 'dataZoom', start: 0, end: 0.5 });
                return new Promise(resolve => setTimeout(() => {
                  const series = chart.getOption().series;
                  resolve([series.find(s => s.id === 'grid').data.length, series.find(s => s.id === 'grid-band').data.length]);
                }, 100));""", chart);
    }

    private static double max(JsonNode values) {
        double m = Double.NEGATIVE_INFINITY;
        for (JsonNode v : values) {
            m = Math.max(m, v.asDouble());
        }
        return m;
    }

    private static double min(JsonNode values) {
        double m = Double.POSITIVE_INFINITY;
        for (JsonNode v : values) {
            m = Math.min(m, v.asDouble());
        }
        return m;
    }
}
