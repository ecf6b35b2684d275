package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code optimize --json} on every bundled example with a tariff: the plan delivers what the LP
 * promises, and more than the LP of before (rated efficiencies, no tapers, no HVAC, the standby in
 * the net load) delivered on the same site.
 *
 * <p>The "before" figures were measured once, before the LP modelled the battery, by playing that
 * LP's plan through the same delivery (limiter at its monthly peaks, plan follower, billed by the
 * same rule against the same bill without battery): a fixed bar, so that no later change closes
 * the gap between bound and delivery with a timid LP.
 */
class OptimizeExamplesTest {
    /** Yen the old LP's plan delivered, per example (see the class comment). */
    static final Map<String, Double> BEFORE = Map.of(
            "sakai-ai-campus.yaml", 1_447_508.0,
            // re-based 2026-12-06 when studies gained the control chain: the MPC example's 1-s EMS cycle
            // sees each 10-s step's load one cycle late, which costs 1.9 % (9,429,571 yen without latency)
            "sakai-mpc.yaml", 9_247_897.0,
            "sakai-sizing.yaml", 122_340_350.0,
            "sakai-year-1s.yaml", -94_928_462.0,
            "taper-heavy.yaml", 354_553.0);

    /**
     * The examples with a tariff whose plan holds no balancing reserve: the delivery simulates no
     * reserve, so where the plan holds it neither its activation energy nor the peaks it moves can be
     * delivered as planned ({@link KansaiGridBatteryTest} checks that example's markets).
     */
    static Stream<Path> examplesWithATariff() throws IOException {
        return ExamplesCommandTest.repoExamples().stream().filter(p -> {
            try {
                List<String> lines = Files.readAllLines(p);
                return lines.stream().anyMatch(l -> l.startsWith("tariff:"))
                        && SiteConfigReader.read(p)
                                .planning()
                                .markets()
                                .balancing()
                                .isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("examplesWithATariff")
    void theDeliveredSavingHoldsWhatTheLpPromises(Path example) throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("optimize", example.toString(), "--json", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double lp = j.get("lp").get("savingYen").asDouble();
        JsonNode d = j.get("delivered");
        double delivered = d.get("savingYen").asDouble();
        double bill = j.get("withoutBattery").get("billYen").asDouble();
        String name = example.getFileName().toString();
        if (Math.abs(lp) < 0.0005 * bill) {
            assertThat(delivered)
                    .as(name + ": a small saving, within 0.05 % of the bill")
                    .isCloseTo(lp, org.assertj.core.api.Assertions.within(0.0005 * bill));
        } else {
            assertThat(delivered).as(name + ": at least 95 % of the LP's").isGreaterThanOrEqualTo(0.95 * lp);
            assertThat(Math.signum(delivered)).as(name + ": of the LP's sign").isEqualTo(Math.signum(lp));
        }
        assertThat(BEFORE).as("a figure of before for " + name).containsKey(name);
        assertThat(delivered).as(name + ": no less than the old LP delivered").isGreaterThanOrEqualTo(BEFORE.get(name));
        JsonNode planned = j.get("plannedMonthlyPeakKw");
        JsonNode peaks = d.get("monthlyPeakKw");
        assertThat(peaks).hasSize(planned.size());
        for (int m = 0; m < planned.size(); m++) {
            assertThat(peaks.get(m).asDouble())
                    .as(name + ": month " + m + "'s peak within 1 % of the plan")
                    .isCloseTo(planned.get(m).asDouble(), org.assertj.core.api.Assertions.withinPercentage(1));
        }
    }

    @org.junit.jupiter.api.Test
    void everyExampleWithATariffHasAFigureOfBefore() throws IOException {
        List<String> names =
                examplesWithATariff().map(p -> p.getFileName().toString()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(BEFORE.keySet());
    }
}
