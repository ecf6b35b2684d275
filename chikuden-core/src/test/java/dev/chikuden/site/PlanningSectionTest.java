package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningSectionTest {
    /** {@code %s}: top-level planning sections, starting on line 4. */
    private static final String SITE = """
            name: Planning site
            grid: {contract: 1 MW}
            loads: [{type: profile, base: 500 kW}]
            %s
            study: {start: 2025-01-06, duration: 1 d, step: 1 min}
            """;

    @TempDir
    Path dir;

    @Test
    void absentSectionsGiveTheDefaults() throws IOException {
        PlanningSpec p = read("");
        assertThat(p.optimize()).isEqualTo(PlanningSpec.OptimizeSpec.DEFAULT);
        assertThat(p.finance()).isNull();
        assertThat(p.sizing()).isNull();
        assertThat(p.outage()).isNull();
        assertThat(p.markets()).isEqualTo(MarketsSpec.NONE);
    }

    @Test
    void marketProblemsAreReportedWithTheirPlace() throws IOException {
        assertThat(problems("markets: {balancing: [{product: tertiary-3, price: 1}]}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.balancing[0].product", "tertiary-3");
        assertThat(problems("markets: {balancing: [{product: primary, blockPrices: [1, 2, 3, 4, 5, 6, 7, 8, 9]}]}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.balancing[0].blockPrices", "has 9 prices; give 8");
        assertThat(problems("markets: {balancing: [{product: primary, price: 1}, {product: primary, price: 2}]}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.balancing[1].product", "offered twice");
        assertThat(problems("markets: {capacity: {price: 7638, contracted: 5 kWh, tightDays: [2025-08-01]}}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.capacity.contracted", "or auto");
        assertThat(problems("markets: {capacity: {price: 7638}}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.capacity", "tightDays");
    }

    @Test
    void readsEverySectionInHumanUnits() throws IOException {
        PlanningSpec p = read("""
                optimize: {step: 15 min, solver: clp, terminalSoc: 40 %, degradationCost: 2.5}
                markets:
                  balancing:
                    - {product: primary, price: 0.6, max: 20 MW}
                    - {product: tertiary-1, blockPrices: [1, 2, 3, 4, 5, 6, 7, 7.21], activation: 5 %,
                       activationPrice: 18, duration: 1 h}
                  capacity: {price: 7638, contracted: 12 MW, tightDayShare: 2 %, window: "18:00"}
                  longTermAuction: {price: 40000}
                finance: {capexYenPerKwh: 60000, capexYenPerKw: 20000, fixedOmYenPerKwYear: 800, discountRate: 5 %,
                          years: 15}
                sizing: {power: [10 MW, 20 MW], energy: {from: 20 MWh, to: 80 MWh, steps: 4}}
                outage: {criticalLoad: 60 MW, durations: [1 h, 4 h]}""");
        PlanningSpec.OptimizeSpec o = p.optimize();
        assertThat(o.periodMs()).isEqualTo(900_000);
        assertThat(o.solver()).isEqualTo("clp");
        assertThat(o.terminalSoc()).isEqualTo(0.4);
        assertThat(o.degradationYenPerKwh()).isEqualTo(2.5);
        MarketsSpec m = p.markets();
        assertThat(m.balancing()).hasSize(2);
        assertThat(m.balancing().get(0).product().name()).isEqualTo("primary");
        assertThat(m.balancing().get(0).halfHourPricesPerDay()).hasSize(48).containsOnly(0.6);
        assertThat(m.balancing().get(0).maxKw()).isEqualTo(20_000);
        assertThat(m.balancing().get(0).durationHours())
                .as("the product's, by period")
                .isNaN();
        MarketsSpec.BalancingOffer t1 = m.balancing().get(1);
        assertThat(t1.halfHourPricesPerDay()[5])
                .as("00:00-03:00 is the first block")
                .isEqualTo(1);
        assertThat(t1.halfHourPricesPerDay()[6]).isEqualTo(2);
        assertThat(t1.halfHourPricesPerDay()[47]).isEqualTo(7.21);
        assertThat(t1.activationShare()).isEqualTo(0.05);
        assertThat(t1.activationYenPerKwh()).isEqualTo(18);
        assertThat(t1.durationHours()).isEqualTo(1);
        assertThat(m.capacity().contractedKw()).isEqualTo(12_000);
        assertThat(m.capacity().tightDayShare()).isEqualTo(0.02);
        assertThat(m.capacity().windowStart()).hasToString("18:00");
        assertThat(m.longTerm().returnShare()).as("the default").isEqualTo(0.9);
        assertThat(p.finance().replacementYenPerKwh())
                .as("defaults to the capex per kWh")
                .isEqualTo(60_000);
        assertThat(p.finance().years()).isEqualTo(15);
        assertThat(p.sizing().powerKw()).containsExactly(10_000, 20_000);
        assertThat(p.sizing().energyKwh()).containsExactly(20_000, 40_000, 60_000, 80_000);
        assertThat(p.outage().hours()).containsExactly(1, 4);
    }

    @Test
    void badValuesAreReportedWithTheirPlace() throws IOException {
        assertThat(problems("optimize: {step: 20 min, solver: gurobi}"))
                .containsExactly(
                        "t.yaml:4:18: optimize.step: \"20 min\" is not an LP period; use 30 min or 15 min",
                        "t.yaml:4:34: optimize.solver: \"gurobi\" is not one of highs, clp, cbc, glop");
        assertThat(problems("sizing: {power: [10 MW, 0 MW], energy: {from: 80 MWh, to: 20 MWh, steps: 4}}"))
                .containsExactly(
                        "t.yaml:4:25: sizing.power[1]: \"0 MW\" must be greater than 0",
                        "t.yaml:4:59: sizing.energy.to: must not be below from");
        assertThat(problems("finance: {capexYenPerKw: 1}"))
                .containsExactly("t.yaml:4:10: finance.capexYenPerKwh: is required: a value");
    }

    @Test
    void balancingPricesComeFromAnEprxResultsFileBesideTheSiteFile() throws IOException {
        try (var in = getClass().getResourceAsStream("/dev/chikuden/market/eprx-8-blocks-final.csv")) {
            Files.copy(in, dir.resolve("eprx.csv"));
        }
        MarketsSpec.BalancingOffer o = read("markets: {balancing: [{product: primary, prices: {file: eprx.csv, area: "
                        + "kansai}}]}")
                .markets()
                .balancing()
                .get(0);
        assertThat(o.results().product()).isEqualTo(dev.chikuden.market.EprxProduct.PRIMARY);
        assertThat(o.yenPerKwPer30min(java.time.LocalDateTime.of(2025, 3, 1, 2, 30)))
                .as("block B01 of 8, Kansai's column")
                .isEqualTo(3.10);
        assertThat(o.yenPerKwPer30min(java.time.LocalDateTime.of(2025, 4, 1, 0, 0)))
                .as("outside the file")
                .isNaN();
        assertThat(problems("markets: {balancing: [{product: primary, prices: {file: none.csv, area: kansai}}]}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.balancing[0].prices.file", "does not exist");
        Files.writeString(dir.resolve("bad.csv"), "H,x\nP,確報値,202503,一次調整力,7\n");
        assertThat(problems("markets: {balancing: [{product: primary, prices: {file: bad.csv, area: kansai}}]}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("markets.balancing[0].prices.file", "bad.csv", "line 2");
    }

    private PlanningSpec read(String sections) throws IOException {
        return SiteConfigReader.read(write(sections)).planning();
    }

    private Path write(String sections) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, SITE.formatted(sections));
        return f;
    }

    private List<String> problems(String sections) throws IOException {
        try {
            read(sections);
        } catch (ConfigException e) {
            return e.problems().stream()
                    .map(p -> "t.yaml:" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message())
                    .toList();
        }
        throw new AssertionError("expected problems, the site was accepted with " + sections);
    }
}
