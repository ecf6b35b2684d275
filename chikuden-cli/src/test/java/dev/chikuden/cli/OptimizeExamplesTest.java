package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.site.MarketsSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code optimize --json} on every bundled example with a tariff: the plan delivers what the LP
 * promises, and more than the LP of before (rated efficiencies, no tapers, no HVAC, the standby in
 * the net load) delivered on the same site; where the site sells into markets, the revenue by
 * market, product and month is recomputed from the offers file and the site file.
 *
 * <p>The "before" figures were measured once, before the LP modelled the battery, by playing that
 * LP's plan through the same delivery (limiter at its monthly peaks, plan follower, billed by the
 * same rule against the same bill without battery): a fixed bar, so that no later change closes
 * the gap between bound and delivery with a timid LP. That LP sold into no market, so a site that
 * does has no such figure.
 */
class OptimizeExamplesTest {
    /** Yen the old LP's plan delivered, per example without markets (see the class comment). */
    static final Map<String, Double> BEFORE = Map.of(
            "sakai-ai-campus.yaml", 1_447_508.0,
            // re-based 2026-12-06 when studies gained the control chain: the MPC example's 1-s EMS cycle
            // sees each 10-s step's load one cycle late, which costs 1.9 % (9,429,571 yen without latency)
            "sakai-mpc.yaml", 9_247_897.0,
            "sakai-sizing.yaml", 122_340_350.0,
            "sakai-year-1s.yaml", -94_928_462.0,
            "taper-heavy.yaml", 354_553.0);

    /** Examples written after the old LP was gone: there is no figure of before to measure for them. */
    static final Set<String> AFTER_THE_OLD_LP = Set.of("sakai-factory-pv.yaml", "osaka-home-pv-battery.yaml");

    @TempDir
    static Path dir;

    static Stream<Path> examplesWithATariff() throws IOException {
        return ExamplesCommandTest.repoExamples().stream().filter(p -> {
            try {
                return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("tariff:"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static Stream<Path> examplesWithMarkets() throws IOException {
        return examplesWithATariff().filter(p -> markets(p).any());
    }

    private static MarketsSpec markets(Path example) {
        return SiteConfigReader.read(example).planning().markets();
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
                    .isCloseTo(lp, within(0.0005 * bill));
        } else {
            // within 5 % of the LP's magnitude below it: a negative bound (a home battery that does not
            // earn its standby) is held as a positive one is
            assertThat(delivered)
                    .as(name + ": at least the LP's less 5 % of its size")
                    .isGreaterThanOrEqualTo(lp - 0.05 * Math.abs(lp));
            assertThat(Math.signum(delivered)).as(name + ": of the LP's sign").isEqualTo(Math.signum(lp));
        }
        boolean reserve = !markets(example).balancing().isEmpty();
        if (!markets(example).any() && !AFTER_THE_OLD_LP.contains(name)) {
            assertThat(BEFORE).as("a figure of before for " + name).containsKey(name);
            assertThat(delivered)
                    .as(name + ": no less than the old LP delivered")
                    .isGreaterThanOrEqualTo(BEFORE.get(name));
        }
        JsonNode planned = j.get("plannedMonthlyPeakKw");
        JsonNode peaks = d.get("monthlyPeakKw");
        assertThat(peaks).hasSize(planned.size());
        for (int m = 0; m < planned.size(); m++) {
            double plan = planned.get(m).asDouble();
            if (reserve) {
                // the activations are played at their expectation, so a month may peak below its plan, never above
                assertThat(peaks.get(m).asDouble())
                        .as(name + ": month " + m + "'s peak no more than 1 % above the plan")
                        .isLessThanOrEqualTo(1.01 * plan);
            } else {
                assertThat(peaks.get(m).asDouble())
                        .as(name + ": month " + m + "'s peak within 1 % of the plan")
                        .isCloseTo(plan, withinPercentage(1));
            }
        }
    }

    /**
     * The revenue by market, recomputed: each balancing product from the offers file's kW and the site
     * file's prices (offer kW x each half hour's price of the block, plus the expected activation at
     * the site file's share and price), within the file's rounding of the offer to a whole kW where
     * the offer is not the product's max; the capacity payment as the contracted kW (as given, or min(power, usable energy x discharge
     * efficiency / 3 h)) x yen/kW-year x the study's share of a year, to the yen; the products sum to
     * the balancing market and each market's months to its year, to the yen.
     */
    @ParameterizedTest
    @MethodSource("examplesWithMarkets")
    void theRevenueByMarketIsWhatTheOffersAndTheContractEarn(Path example) throws IOException {
        String name = example.getFileName().toString();
        Path offers = dir.resolve(name + ".offers.csv");
        PlanCommandTest.Run r = PlanCommandTest.run(
                "optimize", example.toString(), "--json", "--quiet", "--no-check", "--offers", offers.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode byMarket = j.get("revenueByMarket");
        JsonNode byProduct = j.get("revenueByProduct");
        SiteConfig site = SiteConfigReader.read(example);
        MarketsSpec markets = site.planning().markets();

        Map<String, double[]> fromOffers = new LinkedHashMap<>(); // product: yen, tolerance
        for (MarketsSpec.BalancingOffer o : markets.balancing()) {
            fromOffers.put(o.product().name(), new double[2]);
        }
        List<String> lines = Files.readAllLines(offers);
        assertThat(lines.get(0))
                .isEqualTo(
                        "block_start,block_end,product,offer_kw,below_minimum,price_yen_per_kw_per_30min,expected_yen");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            MarketsSpec.BalancingOffer o = markets.balancing().stream()
                    .filter(b -> b.product().name().equals(f[2]))
                    .findFirst()
                    .orElseThrow();
            double kw = Double.parseDouble(f[3]);
            double yenPerKw = 0; // the block's half hours at the site file's prices
            double prices = 0;
            int halfHours = 0;
            LocalDateTime end = OffsetDateTime.parse(f[1]).toLocalDateTime();
            for (LocalDateTime t = OffsetDateTime.parse(f[0]).toLocalDateTime();
                    t.isBefore(end);
                    t = t.plusMinutes(30)) {
                double price = o.yenPerKwPer30min(t);
                yenPerKw += (2 * price + o.activationShare() * o.activationYenPerKwh()) * 0.5;
                prices += price;
                halfHours++;
            }
            assertThat(Double.parseDouble(f[5])).as(line).isCloseTo(prices / halfHours, within(0.005 + 1e-9));
            double[] sum = fromOffers.get(f[2]);
            sum[0] += kw * yenPerKw;
            // an offer at the product's max sits on the LP's bound; any other was rounded to a whole kW
            sum[1] += kw == o.maxKw() ? 1e-6 * kw * yenPerKw : 0.5 * yenPerKw;
        }
        double balancing = 0;
        for (Map.Entry<String, double[]> e : fromOffers.entrySet()) {
            assertThat(byProduct.get(e.getKey()).asDouble())
                    .as(name + ": " + e.getKey() + " from the offers file")
                    .isCloseTo(e.getValue()[0], within(e.getValue()[1] + 1));
            balancing += byProduct.get(e.getKey()).asDouble();
        }
        assertThat(names(byProduct)).containsExactlyElementsOf(fromOffers.keySet());
        if (!markets.balancing().isEmpty()) {
            assertThat(byMarket.get("balancing").asDouble())
                    .as(name + ": the products sum to the balancing market")
                    .isCloseTo(balancing, within(1.0));
            assertThat(j.get("reserveRevenueYen").asDouble()).isCloseTo(balancing, within(1.0));
        }

        double years = j.get("periods").asDouble() * j.get("periodMinutes").asDouble() / 60 / 8760;
        MarketsSpec.CapacityContract c = markets.capacity();
        double paidKw = c != null && !Double.isNaN(c.contractedKw())
                ? c.contractedKw()
                : site.batteries().stream()
                        .mapToDouble(b -> c == null
                                ? Math.min(b.dischargePowerKw(), b.limits().maxDischargeCRate() * b.energyKwh())
                                : KansaiGridBatteryTest.sustainedKw(b, b.dischargePowerKw(), b.energyKwh()))
                        .sum();
        if (markets.longTerm() == null) {
            if (c != null) {
                assertThat(byMarket.get("capacity").asDouble())
                        .as(name + ": the contracted kW at the capacity price")
                        .isCloseTo(paidKw * c.yenPerKwYear() * years, within(1.0));
            }
        } else {
            double others = byMarket.get("energy").asDouble() + balancing;
            assertThat(byMarket.get("longTermAuction").asDouble())
                    .as(name + ": the auction's payment less the share it takes back")
                    .isCloseTo(
                            paidKw * markets.longTerm().yenPerKwYear() * years
                                    - markets.longTerm().returnShare() * others,
                            within(1.0));
        }

        JsonNode byMonth = j.get("revenueByMonth");
        for (String market : names(byMarket)) {
            double months = 0;
            for (JsonNode m : byMonth) {
                months += m.path(market).asDouble();
            }
            assertThat(months)
                    .as(name + ": " + market + "'s months sum to its year")
                    .isCloseTo(byMarket.get(market).asDouble(), within(1.0));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @org.junit.jupiter.api.Test
    void everyExampleWithATariffAndNoMarketHasAFigureOfBefore() throws IOException {
        List<String> names = examplesWithATariff()
                .filter(p -> !markets(p).any())
                .map(p -> p.getFileName().toString())
                .filter(name -> !AFTER_THE_OLD_LP.contains(name))
                .toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(BEFORE.keySet());
        assertThat(examplesWithMarkets())
                .as("the markets are recomputed on an example")
                .isNotEmpty();
    }
}
