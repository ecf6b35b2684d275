package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.TwoPriceSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * size on {@link TwoPriceSite#WEEK}, a flat 1 MW load under two prices (30 yen/kWh 08:00-20:00, 10 yen
 * otherwise), a lossless battery: a year saves 365 x 20 yen per kWh of battery, whatever its power.
 */
class SizeCommandTest {
    @TempDir
    Path dir;

    private Path site(String yaml) throws IOException {
        return Files.writeString(dir.resolve("site.yaml"), yaml);
    }

    @Test
    void theGridTheBestAndItsOutageFigures() throws IOException {
        PlanCommandTest.Run r =
                PlanCommandTest.run("size", site(TwoPriceSite.WEEK).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out)
                .contains("Two-price week: 4 sizes (2 powers x 2 energies)")
                .contains("NPV delivered over 10 years at 5 %, M yen (* the best)")
                .contains("NPV by the LP's bound, M yen")
                .contains("4 sizes played through the battery model")
                .contains("The study covers 7 d: its money and energy are scaled to a year (x 52.14)")
                .containsPattern("MW \\\\ MWh\\s+0.4\\s+0.8")
                .containsPattern("0.1\\s+[0-9.,-]+\\s+\\*[0-9.,]+")
                .contains("Best: 0.1 MW / 0.8 MWh (8 h), by its delivered NPV")
                .containsPattern("Annual saving\\s+5.8 M yen delivered, 5.8 M yen the LP's bound")
                .contains("Outage, best size: 0.05 MW critical load")
                .contains("2025-04")
                .contains("Assumptions:");
        // NPV = 365 x 20 x 800 x annuity(5 %, 10 y) - 17 M yen
        double npv = 365 * 20 * 800 * (1 - Math.pow(1.05, -10)) / 0.05 - 17e6;
        assertThat(out)
                .containsPattern("NPV\\s+"
                        + String.format(java.util.Locale.ROOT, "%,.1f", npv / 1e6)
                                .replace(".", "\\.") + " M yen delivered");
    }

    @Test
    void jsonHasTheBestEveryCandidateTheBaselineAndTheOutage() throws IOException {
        PlanCommandTest.Run r =
                PlanCommandTest.run("size", site(TwoPriceSite.WEEK).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("best").get("powerKw").asDouble()).isEqualTo(100);
        assertThat(j.get("best").get("energyKwh").asDouble()).isEqualTo(800);
        assertThat(j.get("best").get("lp").get("annualSavingYen").asDouble()).isCloseTo(365 * 20 * 800, within(1e-3));
        // a lossless battery delivers the LP's saving but for the bill's rounding to whole yen
        assertThat(j.get("best").get("delivered").get("annualSavingYen").asDouble())
                .isCloseTo(365 * 20 * 800, within(365 / 7.0 * 2));
        assertThat(j.get("rankedBy").asText()).isEqualTo("delivered NPV");
        assertThat(j.get("candidates")).hasSize(4);
        for (JsonNode c : j.get("candidates")) {
            assertThat(c.get("lpNpvYen").isNumber()).isTrue();
            assertThat(c.get("deliveredNpvYen").asDouble())
                    .isEqualTo(c.get("npvYen").asDouble());
        }
        assertThat(j.get("candidates").get(1).get("npvYen").asDouble())
                .isEqualTo(j.get("best").get("npvYen").asDouble());
        for (String k : new String[] {
            "irr",
            "paybackYears",
            "discountedPaybackYears",
            "lcosYenPerKwh",
            "capexYen",
            "sohAfterFirstYear",
            "solveSeconds"
        }) {
            assertThat(j.get("best").get(k).isNumber()).as(k).isTrue();
        }
        assertThat(j.get("best").get("yearsToEndOfLife").isNull()).isTrue(); // no aging model: never
        assertThat(j.get("withoutBattery").get("billYen").asLong()).isEqualTo(7 * 12 * 1000 * (30 + 10));
        assertThat(j.get("wallSeconds").asDouble()).isPositive();
        assertThat(j.get("solver").asText()).isEqualTo("clp");
        JsonNode outage = j.get("outage");
        assertThat(outage.get("criticalLoadKw").asDouble()).isEqualTo(50);
        assertThat(outage.get("survival")).hasSize(3);
        assertThat(outage.get("survival").get(2).get("probability").asDouble()).isZero();
        assertThat(outage.get("months").get(0).get("month").asText()).isEqualTo("2025-04");
    }

    @Test
    void withoutFinanceItIsBadInputNamingTheSectionWithAnExample() throws IOException {
        String noFinance = TwoPriceSite.WEEK.replaceAll("(?s)finance:.*?years: 10\n", "");
        PlanCommandTest.Run r = PlanCommandTest.run("size", site(noFinance).toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err())
                .contains("finance:")
                .contains("capexYenPerKwh: 60000")
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownSolverIsBadInput() throws IOException {
        PlanCommandTest.Run r =
                PlanCommandTest.run("size", site(TwoPriceSite.WEEK).toString(), "--solver", "gurobi");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--solver gurobi").contains("highs, clp, cbc, glop");
    }

    @Test
    void withoutASizingSectionTheDefaultGridIsSaid() throws IOException {
        String noGrid = TwoPriceSite.WEEK.replaceAll("(?s)sizing:.*?energy: \\[400 kWh, 800 kWh\\]\n", "");
        PlanCommandTest.Run r = PlanCommandTest.run("size", site(noGrid).toString(), "--solver", "HiGHS");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("25 sizes (5 powers x 5 energies)")
                .contains("No sizing section")
                .contains("by the LP (highs)");
    }
}
