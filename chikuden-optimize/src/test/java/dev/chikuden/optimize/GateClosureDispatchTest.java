package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Offers fixed at gate closure, energy re-decided after it, against the hindsight of one LP. */
class GateClosureDispatchTest {
    static final int DAY = MarketCoOptimisationTest.DAY;

    @Test
    void aReplanKeepsTheOffersSoldAtGateClosureAndMovesOnlyEnergy() {
        // Offers decided on a flat 15 yen/kWh day; then a spike of 60 yen/kWh at 18:00-19:00 appears
        // after gate closure. The re-plan sells into the spike with the headroom the sold offers leave,
        // and keeps every offer exactly as sold.
        Storage s = new Storage(1000, 1000, 0.95, 0.95, 0, 2000, 1500, 1500, 0);
        ReserveMarket open = MarketCoOptimisationTest.tertiary(3, 600);
        DispatchSolution atGate = MarketCoOptimisationTest.solve(
                MarketCoOptimisationTest.gridBattery(Problems.constant(DAY, 15), s, List.of(open), null));
        double[] sold = atGate.offerKw()[0].clone();
        double[] spike = Problems.constant(DAY, 15);
        for (int t = 36; t < 38; t++) {
            spike[t] = 60;
        }
        ReserveMarket fixed = new ReserveMarket(
                "tertiary-1",
                "balancing",
                Problems.constant(DAY, 0), // the price no longer matters: it is sold
                0.5,
                1,
                Problems.constant(DAY, 600),
                0,
                new double[DAY],
                sold);
        DispatchSolution replan =
                MarketCoOptimisationTest.solve(MarketCoOptimisationTest.gridBattery(spike, s, List.of(fixed), null));
        for (int t = 0; t < DAY; t++) {
            assertThat(replan.offerKw()[0][t]).as("period " + t).isCloseTo(sold[t], within(1e-6));
        }
        assertThat(sold[36]).as("sold before the spike was known").isCloseTo(600, within(1e-6));
        for (int t = 36; t < 38; t++) {
            assertThat(atGate.batteryKw(t)).isCloseTo(0, within(1e-6));
            assertThat(replan.batteryKw(t))
                    .as("sells into the spike up to the headroom left")
                    .isCloseTo(400, within(1e-6));
        }
    }

    /** Three weeks of a daily price cycle with noise, a 30-minute product whose price wanders. */
    static DispatchProblem threeWeeks(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 21 * DAY;
        double[] energy = new double[n];
        double[] reserve = new double[n];
        for (int t = 0; t < n; t++) {
            int slot = t % DAY;
            energy[t] = 12 + 8 * Math.sin((slot - 14) * Math.PI / 24) + 3 * rnd.nextGaussian();
            reserve[t] = Math.max(0, (slot >= 34 && slot < 42 ? 14 : 4) + 2 * rnd.nextGaussian());
        }
        ReserveMarket r = new ReserveMarket(
                "tertiary-2", "balancing", reserve, 0.5, 1, Problems.constant(n, 500), 0.05, Problems.constant(n, 20));
        Storage s = new Storage(1000, 1000, 0.94, 0.94, 100, 2000, 1000, 1000, 1.5);
        return MarketCoOptimisationTest.gridBattery(energy, s, List.of(r), null);
    }

    /** The same problem with other energy prices (both ways). */
    static DispatchProblem withEnergy(DispatchProblem p, double[] price) {
        return MarketCoOptimisationTest.gridBattery(price, p.storage(), p.reserves(), null);
    }

    /** A wandering intraday price around the day-ahead one, none traded in slots where {@code k % gap == 0}. */
    static IntradayPrices intraday(DispatchProblem p, long seed, int gap) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = p.periods();
        double[] id = new double[n];
        for (int t = 0; t < n; t++) {
            id[t] = gap > 0 && t % gap == 0 ? Double.NaN : p.importYenPerKwh()[t] + 2 * rnd.nextGaussian();
        }
        return new IntradayPrices(p.importYenPerKwh().clone(), id);
    }

    static void assertConsistent(GateClosureDispatch g, DispatchProblem p) {
        assertThat(g.value().dayAheadYen() + g.value().intradayYen() + g.value().reserveYen())
                .isCloseTo(g.valueYen(), within(1e-6 * Math.abs(g.valueYen())));
        assertThat(g.perfect().energyYen() + g.perfect().reserveYen())
                .isCloseTo(g.perfectValueYen(), within(1e-6 * g.perfectValueYen()));
        assertThat(g.captureRatio()).as(g.forecast().id()).isLessThanOrEqualTo(1 + 1e-7);
        for (int t = 0; t < p.periods(); t++) {
            double sold = g.soldKw()[0][t];
            assertThat(sold).isBetween(-1e-6, 500 + 1e-6);
            assertThat(g.storedKwh()[t]).isGreaterThanOrEqualTo(100 + sold * 0.5 / 0.94 - 1e-6);
        }
    }

    @Test
    void withPerfectForesightTheDaysCaptureAllOfTheHindsightLp() {
        GateClosureDispatch g = GateClosureDispatch.of(threeWeeks(7), PriceForecast.PERFECT, Solver.HIGHS);
        assertThat(g.perfectValueYen()).isPositive();
        assertThat(g.captureRatio()).isCloseTo(1, within(1e-6));
        assertThat(g.energyCaptureRatio()).isCloseTo(1, within(1e-5));
        assertThat(g.reserveCaptureRatio()).isCloseTo(1, within(1e-5));
        assertThat(g.value().intradayYen()).isZero();
        assertConsistent(g, threeWeeks(7));
    }

    @Test
    void forecastsCaptureLessThanForesightAndStillEarn() {
        DispatchProblem p = threeWeeks(11);
        GateClosureDispatch naive = GateClosureDispatch.of(p, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        GateClosureDispatch mean = GateClosureDispatch.of(p, PriceForecast.MEAN_OF_FOUR_WEEKS, Solver.HIGHS);
        for (GateClosureDispatch g : List.of(naive, mean)) {
            assertThat(g.captureRatio()).as(g.forecast().id()).isBetween(0.3, 1.0);
            assertThat(g.energyCaptureRatio())
                    .as("energy on forecast loses more than reserve, its prices unknown at its gate")
                    .isLessThan(g.reserveCaptureRatio());
            assertConsistent(g, p);
        }
    }

    @Test
    void withoutIntradayTheBatteryHoldsItsDayAheadPosition() {
        DispatchProblem p = threeWeeks(3);
        GateClosureDispatch g = GateClosureDispatch.of(p, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        for (int t = 0; t < p.periods(); t++) {
            assertThat(g.gridKw()[t]).as("period " + t).isCloseTo(g.positionKw()[t], within(1e-5));
        }
        assertThat(g.intraday()).isFalse();
    }

    @Test
    void theDayAheadPositionIsSoldBeforeItsDaysPricesAreKnown() {
        // A spike on day 16 that no earlier day had: the position sold for day 16 is the same with and
        // without it; only the settlement differs. (Fixing energy at the start of the day, as before,
        // knowing the day's prices, would sell into it.)
        DispatchProblem calm = threeWeeks(5);
        double[] price = calm.importYenPerKwh().clone();
        int spike = 15 * DAY + 36;
        price[spike] += 100;
        price[spike + 1] += 100;
        DispatchProblem spiked = withEnergy(calm, price);
        GateClosureDispatch a = GateClosureDispatch.of(calm, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        GateClosureDispatch b = GateClosureDispatch.of(spiked, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        for (int t = 0; t < 16 * DAY; t++) {
            assertThat(b.positionKw()[t]).as("period " + t).isCloseTo(a.positionKw()[t], within(1e-4));
        }
        // settled at the spike: the held position's worth there, and nothing else, changes
        double h = 0.5;
        double atSpike = -(b.gridKw()[spike] + b.gridKw()[spike + 1]) * 100 * h;
        double before = 0;
        for (int t = 0; t < 16 * DAY; t++) {
            before += (a.gridKw()[t] - b.gridKw()[t]) * calm.importYenPerKwh()[t];
        }
        assertThat(before).isCloseTo(0, within(1e-3));
        assertThat(b.perfectValueYen() - a.perfectValueYen())
                .as("hindsight sells into the spike")
                .isGreaterThan(atSpike + 1000);
    }

    @Test
    void intradayDeviationsSettleAtTheSpreadAndUntradedSlotsHoldThePosition() {
        DispatchProblem p = threeWeeks(13);
        IntradayPrices id = intraday(p, 17, 3);
        GateClosureDispatch g = GateClosureDispatch.of(p, id, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        assertThat(g.intraday()).isTrue();
        double earned = 0;
        boolean deviated = false;
        for (int t = 0; t < p.periods(); t++) {
            if (t % 3 == 0) {
                assertThat(g.gridKw()[t]).as("untraded slot " + t).isCloseTo(g.positionKw()[t], within(1e-5));
            } else {
                earned -= id.spreadYenPerKwh(t) * (g.gridKw()[t] - g.positionKw()[t]) * 0.5;
                deviated |= Math.abs(g.gridKw()[t] - g.positionKw()[t]) > 1;
            }
        }
        assertThat(deviated)
                .as("re-decides energy once the day's prices are known")
                .isTrue();
        assertThat(g.value().intradayYen()).isNotZero().isCloseTo(earned, within(1e-6));
        assertConsistent(g, p);
    }

    @Test
    void aPerfectForecastDeviatesByNothingAndStillCapturesAll() {
        // its position is already the hindsight's plan at day-ahead prices, the intraday forecast
        DispatchProblem p = threeWeeks(23);
        GateClosureDispatch g = GateClosureDispatch.of(p, intraday(p, 29, 0), PriceForecast.PERFECT, Solver.HIGHS);
        assertThat(g.captureRatio()).isCloseTo(1, within(1e-6));
        for (int t = 0; t < p.periods(); t++) {
            assertThat(g.gridKw()[t]).as("period " + t).isCloseTo(g.positionKw()[t], within(1e-4));
        }
        assertConsistent(g, p);
    }

    @Test
    void anIntradayPriceEqualToTheDayAheadOneEarnsNothingFromTheDeviations() {
        DispatchProblem p = threeWeeks(19);
        IntradayPrices same = new IntradayPrices(
                p.importYenPerKwh().clone(), p.importYenPerKwh().clone());
        GateClosureDispatch g = GateClosureDispatch.of(p, same, PriceForecast.MEAN_OF_FOUR_WEEKS, Solver.HIGHS);
        double moved = 0;
        for (int t = 0; t < p.periods(); t++) {
            moved += Math.abs(g.gridKw()[t] - g.positionKw()[t]);
        }
        assertThat(moved).as("the day's energy re-decided").isGreaterThan(1000);
        assertThat(g.value().intradayYen()).isCloseTo(0, within(1e-9));
        assertConsistent(g, p);
    }
}
