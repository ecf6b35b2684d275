package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.market.Gate;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Offers fixed at gate closure, energy re-decided after it, against the hindsight of one LP. */
class GateClosureDispatchTest {
    static final int DAY = MarketCoOptimisationTest.DAY;
    static final Gate DAY_AHEAD = Gate.parse("day-ahead 14:00");
    static final Gate WEEKLY = Gate.parse("weekly 14:00");

    /** When each product's offers close, per period: the problems' days are UTC from epoch day 0, a Thursday. */
    static long[][] gates(DispatchProblem p, Gate... perProduct) {
        long[][] out = new long[perProduct.length][p.periods()];
        for (int k = 0; k < perProduct.length; k++) {
            for (int t = 0; t < p.periods(); t++) {
                LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(p.startEpochMs() + t * p.periodMs(), 86_400_000L));
                out[k][t] =
                        perProduct[k].closesFor(day).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
        return out;
    }

    /** Every product closing at 14:00 the day before. */
    static long[][] dayAhead(DispatchProblem p) {
        return gates(p, p.reserves().stream().map(r -> DAY_AHEAD).toArray(Gate[]::new));
    }

    static GateClosureDispatch dispatch(DispatchProblem p, PriceForecast forecast) {
        return GateClosureDispatch.of(p, dayAhead(p), null, forecast, Solver.HIGHS);
    }

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
        GateClosureDispatch g = dispatch(threeWeeks(7), PriceForecast.PERFECT);
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
        GateClosureDispatch naive = dispatch(p, PriceForecast.SEASONAL_NAIVE);
        GateClosureDispatch mean = dispatch(p, PriceForecast.MEAN_OF_FOUR_WEEKS);
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
        GateClosureDispatch g = dispatch(p, PriceForecast.SEASONAL_NAIVE);
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
        GateClosureDispatch a = dispatch(calm, PriceForecast.SEASONAL_NAIVE);
        GateClosureDispatch b = dispatch(spiked, PriceForecast.SEASONAL_NAIVE);
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
        GateClosureDispatch g = GateClosureDispatch.of(p, dayAhead(p), id, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
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
        GateClosureDispatch g =
                GateClosureDispatch.of(p, dayAhead(p), intraday(p, 29, 0), PriceForecast.PERFECT, Solver.HIGHS);
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
        GateClosureDispatch g =
                GateClosureDispatch.of(p, dayAhead(p), same, PriceForecast.MEAN_OF_FOUR_WEEKS, Solver.HIGHS);
        double moved = 0;
        for (int t = 0; t < p.periods(); t++) {
            moved += Math.abs(g.gridKw()[t] - g.positionKw()[t]);
        }
        assertThat(moved).as("the day's energy re-decided").isGreaterThan(1000);
        assertThat(g.value().intradayYen()).isCloseTo(0, within(1e-9));
        assertConsistent(g, p);
    }

    @Test
    void aWeeklyProductsWeekIsSoldAtItsTuesdayGateWhileADayAheadOneIsDecidedDayByDay() {
        // Epoch day 0 is a Thursday. A weekly product in 3-h blocks earns 10 yen/kW·h, except in the
        // week of Saturday day 9 to Friday day 15, where it earns 2; a day-ahead one earns 5 every day.
        // The battery cannot charge: its 1000 kW go to one or the other. Days 0-8 close before the
        // study, no price seen yet: nothing weekly is sold. At day 5's gate (Tuesday) seasonal naive
        // forecasts 10 for days 9-15, so that week is sold whole though the day-ahead product would
        // have earned more there; at day 12's it sees the 2 and sells none of days 16-19. The
        // day-ahead product takes the power day by day wherever the weekly one left it, from day 1
        // (day 0's gate closed before the study).
        int n = 20 * DAY;
        double[] weeklyPrice = Problems.constant(n, 10);
        for (int t = 9 * DAY; t < 16 * DAY; t++) {
            weeklyPrice[t] = 2;
        }
        ReserveMarket weekly = new ReserveMarket(
                "primary", "balancing", weeklyPrice, 0.5, 6, Problems.constant(n, 1000), 0.01, new double[n]);
        ReserveMarket daily = new ReserveMarket(
                "tertiary-2",
                "balancing",
                Problems.constant(n, 5),
                0.5,
                1,
                Problems.constant(n, 1000),
                0.01,
                new double[n]);
        Storage s = new Storage(0, 1000, 0.95, 0.95, 0, 20_000, 10_000, 0, 1);
        DispatchProblem p = MarketCoOptimisationTest.gridBattery(new double[n], s, List.of(weekly, daily), null);
        GateClosureDispatch g = GateClosureDispatch.of(
                p, gates(p, WEEKLY, DAY_AHEAD), null, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        for (int t = 0; t < n; t++) {
            int day = t / DAY;
            double w = day >= 9 && day <= 15 ? 1000 : 0;
            double a = day == 0 ? 0 : 1000 - w;
            assertThat(g.soldKw()[0][t]).as("weekly, period " + t).isCloseTo(w, within(1e-6));
            assertThat(g.soldKw()[1][t]).as("day-ahead, period " + t).isCloseTo(a, within(1e-6));
        }
        // each kW·h offered earns its price less the activations' wear, 0.01 x 1 yen
        double kwh = 1000 * 24;
        double sold = kwh * (7 * (2 - 0.01) + 12 * (5 - 0.01));
        double hindsight = kwh * (13 * (10 - 0.01) + 7 * (5 - 0.01));
        assertThat(g.valueYen()).isCloseTo(sold, within(1e-6 * sold));
        assertThat(g.value().reserveYen()).isCloseTo(sold, within(1e-6 * sold));
        assertThat(g.perfectValueYen()).isCloseTo(hindsight, within(1e-6 * hindsight));
        assertThat(g.captureRatio()).isLessThan(1);
    }

    /**
     * {@link #threeWeeks}'s energy and day-ahead product, with a weekly one in 3-h blocks whose price
     * wanders by the week, both on {@code reserveNoise} from {@code noisyFrom}: the battery's power
     * shared between them.
     */
    static DispatchProblem weeklyAndDaily(long seed, int noisyFrom, double reserveNoise, double energyNoise) {
        DispatchProblem base = threeWeeks(seed);
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        int n = base.periods();
        double[] energy = base.importYenPerKwh().clone();
        double[] daily = base.reserves().get(0).priceYenPerKwH().clone();
        double[] weekly = new double[n];
        for (int t = 0; t < n; t++) {
            int slot = t % DAY;
            weekly[t] = Math.max(0, 6 + 3 * Math.sin(t * Math.PI / (5 * DAY)) + (slot >= 36 ? 4 : 0));
            if (t >= noisyFrom) {
                energy[t] += energyNoise * rnd.nextGaussian();
                daily[t] = Math.max(0, daily[t] + reserveNoise * rnd.nextGaussian());
                weekly[t] = Math.max(0, weekly[t] + reserveNoise * rnd.nextGaussian());
            }
        }
        ReserveMarket w = new ReserveMarket(
                "primary", "balancing", weekly, 0.5, 6, Problems.constant(n, 400), 0.02, Problems.constant(n, 20));
        ReserveMarket d = new ReserveMarket(
                "tertiary-2", "balancing", daily, 0.5, 1, Problems.constant(n, 500), 0.05, Problems.constant(n, 20));
        return MarketCoOptimisationTest.gridBattery(energy, base.storage(), List.of(w, d), null);
    }

    static GateClosureDispatch weeklyDispatch(DispatchProblem p, PriceForecast forecast) {
        return GateClosureDispatch.of(p, gates(p, WEEKLY, DAY_AHEAD), null, forecast, Solver.HIGHS);
    }

    @Test
    void withPerfectForesightWeeklyGatesStillCaptureAllOfTheHindsightLp() {
        DispatchProblem p = weeklyAndDaily(31, 0, 0, 0);
        GateClosureDispatch g = weeklyDispatch(p, PriceForecast.PERFECT);
        assertThat(g.perfectValueYen()).isPositive();
        assertThat(g.captureRatio()).isCloseTo(1, within(1e-6));
        assertThat(g.reserveCaptureRatio()).isCloseTo(1, within(1e-5));
    }

    @Test
    void aWeeksOffersDependOnNothingPublishedAfterItsTuesdayGate() {
        // Prices published after day 5's 14:00 gate (reserve from day 6, energy from day 7: day 6's
        // cleared at 10:00) change: the weekly offers for days 0-15, all sold by then, stay as they
        // were, and so does everything decided at that gate; the day-ahead product's later offers,
        // decided day by day, see the change.
        int from = 6 * DAY;
        DispatchProblem calm = weeklyAndDaily(37, Integer.MAX_VALUE, 0, 0);
        DispatchProblem noisy = weeklyAndDaily(37, from, 4, 0);
        DispatchProblem energy = weeklyAndDaily(37, from + DAY, 0, 5);
        for (PriceForecast f : List.of(PriceForecast.SEASONAL_NAIVE, PriceForecast.MEAN_OF_FOUR_WEEKS)) {
            GateClosureDispatch a = weeklyDispatch(calm, f);
            for (DispatchProblem changed : List.of(noisy, energy)) {
                GateClosureDispatch b = weeklyDispatch(changed, f);
                for (int t = 0; t < 16 * DAY; t++) {
                    assertThat(b.soldKw()[0][t])
                            .as(f.id() + " weekly, period " + t)
                            .isCloseTo(a.soldKw()[0][t], within(1e-4));
                }
                for (int t = 0; t < 7 * DAY; t++) {
                    assertThat(b.soldKw()[1][t])
                            .as(f.id() + " day-ahead, period " + t)
                            .isCloseTo(a.soldKw()[1][t], within(1e-4));
                }
                double moved = 0;
                for (int t = 7 * DAY; t < calm.periods(); t++) {
                    moved += Math.abs(b.soldKw()[1][t] - a.soldKw()[1][t]);
                }
                assertThat(moved)
                        .as(f.id() + ": the day-ahead offers after the gate")
                        .isGreaterThan(100);
                assertThat(b.captureRatio()).isLessThanOrEqualTo(1 + 1e-7);
            }
            assertThat(java.util.Arrays.stream(a.soldKw()[0]).max().orElseThrow())
                    .as("the weekly product is sold")
                    .isGreaterThan(1);
            assertThat(a.captureRatio()).isLessThanOrEqualTo(1 + 1e-7);
        }
    }
}
