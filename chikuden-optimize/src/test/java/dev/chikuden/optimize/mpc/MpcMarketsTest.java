package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.fixtures.JepxCsv;
import dev.chikuden.fixtures.TwoPriceSite;
import dev.chikuden.market.ReserveSales;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MPC trading energy and the balancing market as the gates allow, simulated: a 1 MW / 4 MWh grid
 * battery in Kansai, six days from Monday 2026-04-06, selling tertiary-2 in 30-minute blocks at the
 * day-ahead gate (14:00) and JEPX energy, whose prices it forecasts (seasonal naive) beyond the day
 * JEPX has cleared.
 */
class MpcMarketsTest {
    static final int DAY = 48;
    static final int DAYS = 6;
    /** The unforeseen night: JEPX at 60 yen/kWh from 00:00 to 03:00 on 2026-04-09 (day 3, from 0). */
    static final int SPIKE_DAY = 3;

    @TempDir
    Path dir;

    /** A day of 8 yen/kWh at night, 14 by day, 20 in the evening; the spike on {@link #SPIKE_DAY}. */
    static double jepx(int day, int slot) {
        if (day == SPIKE_DAY && slot < 6) {
            return 60;
        }
        return slot < 14 ? 8 : slot < 34 ? 14 : 20;
    }

    SiteConfig site(String mpc) throws IOException {
        StringBuilder csv = new StringBuilder(JepxCsv.HEADER).append('\n');
        for (int d = 0; d < DAYS + 2; d++) {
            LocalDate date = LocalDate.of(2026, 4, 6).plusDays(d);
            for (int s = 0; s < DAY; s++) {
                double p = jepx(d, s);
                csv.append(date.toString().replace('-', '/'))
                        .append(',')
                        .append(s + 1)
                        .append(",0,0,0,");
                for (int c = 0; c < 10; c++) {
                    csv.append(p).append(',');
                }
                csv.append("0,0,0,0\n");
            }
        }
        Files.writeString(dir.resolve("jepx.csv"), csv);
        return TwoPriceSite.write(dir, """
                name: MPC market test
                grid: {contract: auto}
                loads: []
                batteries:
                  - name: b
                    energy: 4 MWh
                    power: 1 MW
                    roundTripEfficiency: 90 %%
                    soc: {min: 5 %%, max: 95 %%, initial: 50 %%}
                study: {start: 2026-04-06, duration: %d d, step: 30 min}
                strategy:
                  type: stack
                  controllers:
                    - %s
                tariff: {preset: grid-battery-jepx}
                prices: {file: jepx.csv, area: kansai}
                markets:
                  balancing:
                    - product: tertiary-2
                      blockPrices: [6, 6, 6, 6, 6, 6, 6, 6]
                      max: 400 kW
                      activation: 5 %%
                      activationPrice: 25
                """.formatted(DAYS, mpc));
    }

    /** One plan: where it started, its offers and the battery's power per period, and what was sold before it. */
    record Plan(int first, double[] offerKw, double[] batteryKw, double[] soldBefore) {}

    static RollingHorizonController controller(SiteConfig site) {
        StrategySpec.Mpc spec = (StrategySpec.Mpc)
                ((StrategySpec.Stack) site.strategy()).layers().get(0);
        return (RollingHorizonController) new RollingHorizonProvider().create(site, spec);
    }

    static ReserveSales simulate(SiteConfig site, RollingHorizonController mpc) {
        TimeGrid grid = SiteModels.timeGrid(site);
        ControllerStack stack = new ControllerStack(List.of(mpc), Double.POSITIVE_INFINITY);
        new SimulationEngine(
                        grid,
                        SiteModels.load(site, grid),
                        SiteModels.pv(site, grid),
                        SiteModels.battery(site),
                        stack,
                        60)
                .run(List.of());
        return stack.reserveSales();
    }

    @Test
    void theMpcKeepsTheOffersSoldAtTheGateAndReDecidesEnergyAroundThem() throws IOException {
        SiteConfig site = site("{type: mpc, horizon: 48 h, every: 1 d, forecast: perfect, prices: seasonal-naive}");
        RollingHorizonController mpc = controller(site);
        List<Plan> plans = new ArrayList<>();
        mpc.onPlan((first, plan) -> plans.add(new Plan(
                first,
                plan.offerKw()[0].clone(),
                java.util.stream.IntStream.range(0, plan.storedKwh().length)
                        .mapToDouble(plan::batteryKw)
                        .toArray(),
                java.util.Arrays.copyOf(mpc.soldKw()[0], mpc.soldKw()[0].length))));
        ReserveSales sales = simulate(site, mpc);
        double[] sold = mpc.soldKw()[0];

        // a plan at midnight and one at the 14:00 gate, every day
        assertThat(plans).extracting(Plan::first).contains(0, 28, 48, 76, 96, 124);
        for (int t = 0; t < DAYS * DAY; t++) {
            assertThat(sold[t]).as("period " + t + " sold").isBetween(0.0, 400.0);
        }
        for (Plan p : plans) {
            for (int i = 0; i < p.offerKw().length && p.first() + i < DAYS * DAY; i++) {
                int t = p.first() + i;
                if (!Double.isNaN(p.soldBefore()[t])) {
                    assertThat(p.offerKw()[i])
                            .as("plan at %d keeps period %d as sold", p.first(), t)
                            .isCloseTo(p.soldBefore()[t], within(1e-6));
                    assertThat(sold[t]).as("period %d never resold", t).isEqualTo(p.soldBefore()[t]);
                }
            }
        }
        // Day 2's offers are sold at 14:00 on day 1, on a forecast of day 3 without its spike; at 14:00
        // on day 2 JEPX has cleared day 3, and the plan keeps energy through day 2's evening, which it
        // had sold at 20 yen/kWh, for the spike, around the offers it may no longer change.
        Plan before = plan(plans, DAY + 28);
        Plan after = plan(plans, 2 * DAY + 28);
        double movedKwh = 0;
        for (int t = after.first(); t < SPIKE_DAY * DAY; t++) {
            assertThat(before.soldBefore()[t]).isNaN();
            assertThat(after.soldBefore()[t]).as("sold at the gate before").isNotNaN();
            movedKwh += Math.abs(after.batteryKw()[t - after.first()] - before.batteryKw()[t - before.first()]) * 0.5;
        }
        assertThat(movedKwh).as("energy re-decided once the spike is known").isGreaterThan(500);
        double spikeKwh = 0;
        for (int t = SPIKE_DAY * DAY; t < SPIKE_DAY * DAY + 6; t++) {
            spikeKwh += after.batteryKw()[t - after.first()] * 0.5;
            assertThat(before.batteryKw()[t - before.first()])
                    .as("not foreseen")
                    .isLessThan(1);
        }
        assertThat(spikeKwh).as("the plan discharges into the spike").isGreaterThan(1000);

        // the ledger: what was sold, at the prices it cleared, all of it honoured by a battery kept in its plan
        DispatchProblem truth = SiteDispatch.problem(site, 0);
        ReserveMarket r = truth.reserves().get(0);
        double soldKwH = 0;
        double capacityYen = 0;
        for (int t = 0; t < DAYS * DAY; t++) {
            soldKwH += sold[t] * 0.5;
            capacityYen += sold[t] * 0.5 * r.priceYenPerKwH()[t];
        }
        ReserveSales.Product p = sales.products().get(0);
        assertThat(p.soldKwH()).isCloseTo(soldKwH, within(1e-6));
        assertThat(p.honouredKwH() / p.soldKwH()).isGreaterThan(0.999);
        assertThat(p.capacityYen()).isCloseTo(capacityYen * p.honouredKwH() / p.soldKwH(), within(1.0));
        assertThat(p.activationKwh()).isCloseTo(0.05 * soldKwH, within(1e-6));
        assertThat(p.activationYen()).isCloseTo(25 * 0.05 * soldKwH, within(1e-3));
    }

    private static Plan plan(List<Plan> plans, int first) {
        return plans.stream().filter(p -> p.first() == first).findFirst().orElseThrow();
    }

    /** Offers for a day close at 14:00 the day before: a plan then must see 34 h ahead. */
    @Test
    void aHorizonThatCannotSeeTheEndOfWhatItSellsIsRefusedWithTheHorizonNeeded() throws IOException {
        SiteConfig site = site("{type: mpc, horizon: 24 h, every: 1 d, forecast: perfect}");
        assertThatThrownBy(() -> controller(site))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("strategy: mpc: horizon 24 h")
                .hasMessageContaining("use horizon: 34 h or more");
    }

    @Test
    void pricesNotYetPublishedAreForecastSeasonalNaiveUnlessSaid() throws IOException {
        SiteConfig site = site("{type: mpc, horizon: 36 h, every: 1 d, forecast: perfect}");
        assertThat(((StrategySpec.Mpc)
                                ((StrategySpec.Stack) site.strategy()).layers().get(0))
                        .prices())
                .isEqualTo(StrategySpec.Mpc.Prices.SEASONAL_NAIVE);
    }
}
