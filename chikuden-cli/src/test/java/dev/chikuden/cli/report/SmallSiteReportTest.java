package dev.chikuden.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.PlanStudy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of small sites: what is drawn where the study has the data, and nothing where it has not. */
class SmallSiteReportTest {
    /** Two days at one-minute steps: a 1 MW load with a daily shape and a 500 kW / 1 MWh battery, billed, in Japanese. */
    static final String SITE = resource("small-site.yaml");

    @TempDir
    Path dir;

    static String resource(String name) {
        try (var in = SmallSiteReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Plans a site and writes its report, with a sizing map when one is given. */
    static Path report(Path dir, String yaml, SizingMap sizing) throws IOException {
        SiteConfig site = SiteConfigReader.read(write(dir, yaml));
        ReportRecorders recorders = new ReportRecorders(PlanStudy.SinkFactory.NONE, site);
        PlanStudy.Result r = PlanStudy.run(site, recorders);
        return HtmlReport.write(
                dir,
                ReportFigures.of(
                        r, PlanFigures.of(r, java.util.List.of()), recorders, sizing, ReportInputs.of(site, "test")));
    }

    static JsonNode figures(Path report) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"figures\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(report));
        assertThat(m.find()).isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    /** A synthetic sweep: NPV peaks at 500 kW / 1.5 MWh. */
    static SizingMap sweep() {
        double[] power = {250, 500, 750};
        double[] energy = {500, 1000, 1500, 2000};
        double[][] npv = new double[power.length][energy.length];
        for (int p = 0; p < power.length; p++) {
            for (int e = 0; e < energy.length; e++) {
                npv[p][e] = 40e6 - 9e6 * Math.abs(p - 1) - 6e6 * Math.abs(e - 2);
            }
        }
        npv[2][0] = Double.NaN; // a size the sweep left out
        return new SizingMap(power, energy, npv, 1, 2);
    }

    @Test
    void theSizingMapIsDrawnWithTheChosenSizeMarked() throws Exception {
        Path report = report(dir, SITE, sweep());
        JsonNode sizing = figures(report).get("sizing");
        assertThat(sizing.get("cells")).hasSize(11);
        assertThat(sizing.get("best").toString()).isEqualTo("[1,2]");
        try (ReportBrowser browser = ReportBrowser.start()) {
            browser.open(report);
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("ja");
            assertThat(browser.js("return Object.keys(window.report.charts);"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactly(
                            "power", "worst-day", "monthly-peaks", "duration-curve", "monthly-bill", "soh", "sizing");
            assertThat(browser.js("return JSON.stringify(window.report.charts.sizing.getOption().series[1].data);"))
                    .isEqualTo("[[1,2,40000000]]");
            browser.screenshot(Path.of("target", "report-small-site-ja.png"));
            assertThat(browser.blankCharts()).isEmpty();
        }
    }

    @Test
    void aNameWithDollarsBackslashesAndMarkupReachesThePageAsText() throws Exception {
        String name = "Plant $1 \\ {{css}} <b>&</b>";
        Path report = report(dir, SITE.replace("name: Small site", "name: '" + name + "'"), null);
        String html = Files.readString(report);
        String shown = "Plant $1 \\ {{css}} &lt;b&gt;&amp;&lt;/b&gt;";
        assertThat(html).contains("<title>" + shown + " · Chikuden</title>", "<h1 id=\"site\">" + shown + "</h1>");
        assertThat(figures(report).get("plan").get("site").asText()).isEqualTo("Plant $1 \\ {{css}} <b>&</b>");
    }

    @Test
    void aSiteWithoutBatteryOrTariffShowsWhatItHas() throws Exception {
        String plain = SITE.substring(0, SITE.indexOf("batteries:")).replace("base: 800 kW", "base: 300 kW")
                + SITE.substring(SITE.indexOf("study:"), SITE.indexOf("strategy:"));
        Path report = report(dir, plain, null);
        JsonNode f = figures(report);
        assertThat(f.get("plan").get("withBattery").isNull()).isTrue();
        assertThat(f.get("verdict").get("savingYenPerYear").isNull()).isTrue();
        assertThat(f.get("unit").asText()).isEqualTo("kW");
        assertThat(f.get("period").has("socPercent")).isFalse();
        try (ReportBrowser browser = ReportBrowser.start()) {
            browser.open(report);
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.js("return Object.keys(window.report.charts);"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactly("power", "worst-day", "monthly-peaks", "duration-curve");
            // a 1 MW high-voltage site is industrial: the shipped grid-code rules, written for AI loads, are not its
            // own
            for (String hidden : List.of("section-bill", "section-soh", "section-sizing", "section-grid-code")) {
                assertThat(browser.js("return document.getElementById(arguments[0]).hidden;", hidden))
                        .as(hidden)
                        .isEqualTo(true);
            }
            assertThat(browser.blankCharts()).isEmpty();
        }
    }

    /**
     * A grid battery without load: its site has no day of peak demand to draw (the section is hidden),
     * and no shipped grid-code rule judges it, which the verdict says.
     */
    @Test
    void aSiteWithoutLoadDrawsNoPeakDayAndJudgesNoRule() throws Exception {
        Path report = report(dir, """
                name: Grid battery
                loads: []
                batteries:
                  - {preset: lfp-container, energy: 4 MWh, power: 1 MW}
                study: {start: 2025-08-04, duration: 2 d, step: 30 min}
                strategy: {type: peak-shaving, dischargeAbove: 5 MW, chargeBelow: 800 kW}
                tariff: {preset: kansai-high-voltage-as, marketPriceAdjustment: off}
                """, null);
        JsonNode f = figures(report);
        assertThat(f.get("worstDay").get("points").asInt()).isZero();
        assertThat(f.get("verdict").get("rules").asInt()).isZero();
        assertThat(f.get("plan").get("withoutBattery").get("contractKw").asDouble())
                .isZero();
        try (ReportBrowser browser = ReportBrowser.start()) {
            browser.open(report);
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.js("return document.getElementById('section-worst-day').hidden;"))
                    .isEqualTo(true);
            assertThat(browser.js("return document.getElementById('verdict').textContent;"))
                    .asString()
                    .contains("No rule judged")
                    .doesNotContain("Pass (0");
            assertThat(browser.blankCharts()).isEmpty();
        }
    }

    /**
     * A short study's saving is extended month by month (the excess-demand charge once a month),
     * and a finance section turns it into the payback.
     */
    @Test
    void aFinanceSectionGivesThePaybackOfTheYearlySaving() throws IOException {
        String financed = SITE.replace("energy: 1 MWh", "energy: 2 MWh")
                        .replace("dischargeAbove: 900 kW", "dischargeAbove: 880 kW")
                        .replace("contract: 1 MW", "contract: {withoutBattery: 1 MW, withBattery: 900 kW}")
                + """
                finance:
                  capexYenPerKwh: 10000
                  capexYenPerKw: 10000
                  fixedOmYenPerKwYear: 1000
                  discountRate: 5 %
                  years: 15
                """;
        JsonNode f = figures(report(dir, financed, null));
        JsonNode without =
                f.get("plan").get("withoutBattery").get("bill").get("months").get(0);
        JsonNode with =
                f.get("plan").get("withBattery").get("bill").get("months").get(0);
        double excess = without.get("lineItems").get("excessDemandChargeYen").asDouble()
                - with.get("lineItems").get("excessDemandChargeYen").asDouble();
        assertThat(excess).as("the battery avoids the excess-demand charge").isPositive();
        double rest = f.get("plan").get("billSavingYen").asDouble() - excess;
        double perYear = 12 * (rest / (2.0 / 31) + excess);
        JsonNode v = f.get("verdict");
        assertThat(v.get("savingYenPerYear").asDouble()).isCloseTo(perYear, offset(1e-6));
        JsonNode finance = v.get("finance");
        double capex = 10_000 * 2000 + 10_000 * 500;
        assertThat(finance.get("capexYen").asDouble()).isEqualTo(capex);
        assertThat(finance.get("simplePaybackYears").asDouble())
                .isCloseTo(capex / (perYear - 1000 * 500), offset(1e-9));
        assertThat(finance.get("npvYen").asDouble()).isPositive();
    }
}
