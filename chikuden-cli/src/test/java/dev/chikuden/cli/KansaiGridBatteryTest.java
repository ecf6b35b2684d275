package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.fixtures.JepxCsv;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/kansai-grid-battery.yaml}, a 50 MW / 200 MWh grid battery with no load, through
 * {@code plan} (and its report), {@code optimize --json} and {@code size --json}: the revenue by
 * market, product and month adds up, each market earns, and a site without load prints no peak,
 * contract or grid-code verdict it does not have. Once more on JEPX's real FY2025 file when the
 * shared data is there.
 */
class KansaiGridBatteryTest {
    static final Path EXAMPLE = Repository.examples().resolve("kansai-grid-battery.yaml");
    static final List<String> MARKETS = List.of("energy", "balancing", "capacity");
    static final List<String> PRODUCTS = List.of("tertiary-2", "tertiary-1", "primary");

    @TempDir
    static Path dir;

    static JsonNode optimized;

    @BeforeAll
    static void optimizeTheExample() throws IOException {
        optimized = json(PlanCommandTest.run("optimize", EXAMPLE.toString(), "--json", "--quiet"));
    }

    static JsonNode json(Run r) throws IOException {
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyMarketEarnsAndTheRevenueAddsUpByProductAndByMonth() {
        assertRevenueAddsUp(optimized);
        JsonNode byMarket = optimized.get("revenueByMarket");
        assertThat(byMarket.get("energy").asDouble())
                .as("energy trading pays for the wheeling, the levy and the energy the reserve's activations take")
                .isPositive();
        // the capacity payment, independently: 50 MW sustained for 3 h at 7,638 yen/kW-year, a whole year
        assertThat(byMarket.get("capacity").asDouble()).isCloseTo(50_000 * 7_638.0, within(1.0));
        // no product earns more than its volume in every block at its prices, activation paid on top
        double hours = 8760;
        double[] meanPer30min = {29.5, 5.46375, 11.375};
        double[] maxKw = {1000, 3000, 3000};
        double[] activation = {0.03 * 20, 0.01 * 20, 0};
        for (int k = 0; k < PRODUCTS.size(); k++) {
            double most = maxKw[k] * (2 * meanPer30min[k] + activation[k]) * hours;
            assertThat(optimized.get("revenueByProduct").get(PRODUCTS.get(k)).asDouble())
                    .as(PRODUCTS.get(k))
                    .isPositive()
                    .isLessThanOrEqualTo(most + 1);
        }
    }

    /** The by-product figures sum to the balancing market's; each market's months sum to its year. */
    static void assertRevenueAddsUp(JsonNode j) {
        JsonNode byMarket = j.get("revenueByMarket");
        assertThat(names(byMarket)).containsExactlyElementsOf(MARKETS);
        JsonNode byProduct = j.get("revenueByProduct");
        assertThat(names(byProduct)).containsExactlyElementsOf(PRODUCTS);
        double products = 0;
        for (JsonNode v : byProduct) {
            products += v.asDouble();
        }
        assertThat(products).isCloseTo(byMarket.get("balancing").asDouble(), within(1e-6 * products));
        JsonNode byMonth = j.get("revenueByMonth");
        assertThat(names(byMonth)).hasSize(12).startsWith("2025-04").endsWith("2026-03");
        for (String market : MARKETS) {
            double months = 0;
            for (JsonNode m : byMonth) {
                months += m.get(market).asDouble();
            }
            double year = byMarket.get(market).asDouble();
            assertThat(months).as(market).isCloseTo(year, within(1e-6 * Math.abs(year) + 1e-3));
        }
        assertThat(j.get("reserveRevenueYen").asDouble())
                .isCloseTo(byMarket.get("balancing").asDouble(), within(1e-6 * products));
    }

    /**
     * plan simulates the battery trading every market as the gates allow (the MPC); the case without
     * battery draws nothing and is billed nothing, at a contract of 0 kW; no shipped grid-code rule
     * judges it; the report leaves out the day of the peak demand it has not got. The market revenue
     * is recomputed from its parts, and stays under what the LP of the whole year, knowing every
     * price, sells.
     */
    @Test
    void planTradesTheMarketsAndItsReportOfASiteWithoutLoad() throws IOException {
        Path out = dir.resolve("plan");
        Run run = PlanCommandTest.run("plan", EXAMPLE.toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        JsonNode without = p.get("withoutBattery");
        assertThat(without.get("energyImportedKwh").asDouble()).isZero();
        assertThat(without.get("billYen").asLong()).isZero();
        assertThat(without.get("contractKw").asDouble()).isZero();
        assertThat(without.get("contractBasis").asText()).isEqualTo("own-peak");
        assertThat(p.get("withBattery").get("contractBasis").asText()).isEqualTo("own-peak");
        for (String c : List.of("withoutBattery", "withBattery")) {
            JsonNode k = p.get(c);
            assertThat(k.get("gridCodeFailures")).as(c).isEmpty();
            assertThat(k.get("gridCode").get("rules")).as(c).isEmpty();
            assertThat(k.has("gridCodePass")).as(c + ": no pass without a rule").isFalse();
            assertThat(k.get("gridCodeNotJudged").asText()).as(c).contains("gridCode.rules");
            // the grid power's drops are the battery turning round, not a load dropping
            assertThat(k.get("gridCode").get("loadDropEvents").isNull()).as(c).isTrue();
            assertThat(k.get("gridCode").get("notes").toString()).as(c).contains("no load");
        }
        assertThat(p.get("billSavingYen").asLong())
                .as("the day's trades pay for their wheeling and levy")
                .isPositive();
        assertThat(p.get("withBattery")
                        .get("bill")
                        .get("lineItems")
                        .get("exportSaleYen")
                        .asLong())
                .isNegative();

        JsonNode m = p.get("markets");
        long products = 0;
        for (JsonNode product : m.get("balancing")) {
            assertThat(product.get("honouredShare").asDouble())
                    .as(product.get("product").asText())
                    .isGreaterThan(0.999);
            products += product.get("capacityYen").asLong()
                    + product.get("activationYen").asLong();
        }
        assertThat(m.get("balancingYen").asLong()).isEqualTo(products);
        assertThat(m.get("fixedPaymentsYen").asLong())
                .as("50 MW contracted at 7,638 yen/kW-year for the 365 days")
                .isEqualTo(50_000L * 7_638);
        assertThat(m.get("tightWindowShortHours").asDouble()).isZero();
        assertThat(m.get("tightWindowHours").asDouble())
                .as("7 tight days of 3 h")
                .isEqualTo(21.0);
        assertThat(m.get("marketRevenueYen").asLong())
                .isEqualTo(products
                        + m.get("activationOnBillYen").asLong()
                        + m.get("fixedPaymentsYen").asLong());
        assertThat(p.get("netSavingYen").asLong())
                .isEqualTo(p.get("billSavingYen").asLong()
                        + m.get("marketRevenueYen").asLong()
                        + p.get("netSavingByItem").get("batteryWearYen").asLong());
        double lpBalancing = optimized.get("revenueByMarket").get("balancing").asDouble();
        assertThat((double) products)
                .as("sold at the gates on forecasts: under the LP that knows every price, and near it")
                .isLessThanOrEqualTo(lpBalancing)
                .isGreaterThan(0.9 * lpBalancing);

        // the revenue stack by month: each month's parts add to its total; the months add to the year
        long[] sums = new long[4];
        for (JsonNode month : m.get("byMonth")) {
            long[] parts = {
                month.get("billSavingYen").asLong(),
                month.get("balancingYen").asLong(),
                month.get("activationOnBillYen").asLong(),
                month.get("fixedPaymentsYen").asLong()
            };
            long total = 0;
            for (int i = 0; i < 4; i++) {
                sums[i] += parts[i];
                total += parts[i];
            }
            assertThat(month.get("totalYen").asLong()).isEqualTo(total);
        }
        assertThat(m.get("byMonth")).hasSize(12);
        assertThat(sums[0]).isEqualTo(p.get("billSavingYen").asLong());
        long[] years = {
            m.get("balancingYen").asLong(),
            m.get("activationOnBillYen").asLong(),
            m.get("fixedPaymentsYen").asLong()
        };
        for (int i = 0; i < 3; i++) {
            assertThat(sums[i + 1]).as("rounded month by month").isCloseTo(years[i], within(12L));
        }

        JsonNode figures = reportFigures(out.resolve("report.html"));
        assertThat(figures.get("plan").get("markets"))
                .as("the report draws the revenue stack")
                .isEqualTo(m);
        assertThat(figures.get("worstDay").get("points").asInt()).isZero();
        assertThat(figures.get("verdict").get("rules").asInt()).isZero();
        assertThat(figures.get("unit").asText())
                .as("drawn at the 50 MW battery's scale")
                .isEqualTo("MW");
        assertThat(figures.get("plan").get("withoutBattery").has("gridCodePass"))
                .isFalse();

        assertThat(run.out())
                .containsPattern("Grid-code rules\\s+none judged\\s+none judged\n  no rule judged: the shipped rules")
                .containsPattern("Energy imported\\s+MWh\\s+0\\.0\\s+1\\d,\\d{3}\\.\\d ")
                .containsPattern("capacity payment\\s+yen\\s+381,900,000")
                .as("no load to drop, and no deviation within a minute that a 30-min step could show")
                .doesNotContain("Load drops")
                .doesNotContain("Dynamic range")
                .doesNotContain("ratchet")
                .doesNotContain(" -0 ");
    }

    static JsonNode reportFigures(Path report) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"figures\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(report));
        assertThat(m.find()).isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    /**
     * size: the four sizes, each with every market; the capacity payment of each, recomputed from the
     * battery ({@link #sustainedKw}) at 7,638 yen/kW-year. The assumptions say which markets are in
     * the revenue.
     */
    @Test
    void sizeValuesEverySizeWithItsMarkets() throws IOException {
        JsonNode s = json(PlanCommandTest.run("size", EXAMPLE.toString(), "--json", "--quiet"));
        assertThat(s.get("candidates")).hasSize(4);
        assertThat(s.get("withoutBattery").get("billYen").asLong()).isZero();
        BatteryParameters b = SiteConfigReader.read(EXAMPLE).batteries().get(0);
        List<String> sizes = new ArrayList<>();
        for (JsonNode c : s.get("candidates")) {
            double power = c.get("powerKw").asDouble();
            double energy = c.get("energyKwh").asDouble();
            double kw = sustainedKw(b, power, energy);
            assertThat(c.get("capacityKw").asDouble())
                    .as(power + " / " + energy)
                    .isCloseTo(kw, within(0.01));
            assertThat(c.get("capacityPaymentYen").asDouble()).isCloseTo(kw * 7_638, within(100.0));
            sizes.add(String.format(
                    java.util.Locale.ROOT,
                    "%.0f MW / %.0f MWh %,.0f kW (%,.1f M yen a year)",
                    power / 1000,
                    energy / 1000,
                    kw,
                    kw * 7_638 / 1e6));
        }
        assertThat(s.get("candidates").get(2).get("capacityKw").asDouble())
                .as("50 MW / 100 MWh: held by its energy")
                .isLessThan(49_000);
        String assumptions = s.get("assumptions").toString();
        assertThat(assumptions)
                .contains("balancing, tertiary-2: the LP offers up to 1,000 kW, the same for every size, in each block "
                        + "at the site file's block prices (mean 29.5 yen per ΔkW per 30 min); 3 % of the offer-hours' "
                        + "energy expected activated, paid at 20 yen/kWh")
                .contains("balancing, primary: the LP offers up to 3,000 kW")
                .contains("no activation energy paid")
                .contains("saving = bill without battery - bill with it + reserve revenue + capacity payment;")
                .contains("capacity market: 7,638 yen/kW-year on the kW each size sustains for 3 hours")
                .contains("from 17:00 on the tight days (2 % of the days, those with the highest prices)")
                .doesNotContain("long-term");
        for (String size : sizes) {
            assertThat(assumptions).contains(size);
        }
        String table =
                PlanCommandTest.run("size", EXAMPLE.toString(), "--quiet").out();
        assertThat(table).contains("- capacity market: 7,638 yen/kW-year").contains("- balancing, tertiary-1: ");
        for (JsonNode c : s.get("candidates")) {
            assertThat(c.get("feasible").asBoolean()).isTrue();
            assertThat(c.get("reserveRevenueYen").asDouble())
                    .as("the volumes offered are the same for every size")
                    .isCloseTo(
                            optimized.get("reserveRevenueYen").asDouble(),
                            org.assertj.core.api.Assertions.withinPercentage(1));
        }
    }

    /**
     * The kW a battery of this size (its SOC window, efficiencies and C-rate limit) sustains for 3
     * hours, as the capacity market counts it: min(power, usable energy x discharge efficiency / 3 h),
     * the usable energy its SOC window less the 1 % of it the plan leaves the demand limiter, the
     * efficiency the PCS's at full power times the DC side's.
     */
    static double sustainedKw(BatteryParameters b, double powerKw, double energyKwh) {
        double efficiency =
                b.conversion().pcsEfficiency().at(1.0) * b.conversion().dcDischargeEfficiency();
        double usable = energyKwh * (b.socMax() - b.socMin()) * 0.99;
        return Math.min(Math.min(powerKw, b.limits().maxDischargeCRate() * energyKwh), usable * efficiency / 3);
    }

    /** The same site on JEPX's published FY2025 file: every market still earns and adds up. */
    @Test
    void onTheRealJepxYear() throws IOException {
        Path real = JepxCsv.published("spot_summary_2025.csv"); // skipped with its reason when absent
        String site = Files.readString(EXAMPLE);
        String synthetic = "file: jepx-kansai-fy2025-synthetic.csv";
        assertThat(site).contains(synthetic);
        Path copy = dir.resolve("kansai-grid-battery-real.yaml");
        Files.writeString(copy, site.replace(synthetic, "file: " + real.toAbsolutePath()));
        JsonNode j = json(PlanCommandTest.run("optimize", copy.toString(), "--json", "--quiet"));
        assertRevenueAddsUp(j);
        assertThat(j.get("revenueByMarket").get("energy").asDouble()).isPositive();
        assertThat(j.get("revenueByMarket").get("capacity").asDouble())
                .isEqualTo(optimized.get("revenueByMarket").get("capacity").asDouble());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
