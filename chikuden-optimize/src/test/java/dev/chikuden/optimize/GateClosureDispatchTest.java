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

    @Test
    void withPerfectForesightTheDaysCaptureNearlyAllOfTheYearsLp() {
        GateClosureDispatch g = GateClosureDispatch.of(threeWeeks(7), PriceForecast.PERFECT, Solver.HIGHS);
        assertThat(g.perfectValueYen()).isPositive();
        assertThat(g.captureRatio()).isBetween(0.97, 1 + 1e-9);
    }

    @Test
    void forecastsCaptureLessThanForesightAndStillEarn() {
        DispatchProblem p = threeWeeks(11);
        GateClosureDispatch naive = GateClosureDispatch.of(p, PriceForecast.SEASONAL_NAIVE, Solver.HIGHS);
        GateClosureDispatch mean = GateClosureDispatch.of(p, PriceForecast.MEAN_OF_FOUR_WEEKS, Solver.HIGHS);
        for (GateClosureDispatch g : List.of(naive, mean)) {
            assertThat(g.captureRatio()).as(g.forecast().id()).isBetween(0.3, 1 + 1e-9);
            for (int t = 0; t < p.periods(); t++) {
                double sold = g.soldKw()[0][t];
                assertThat(sold).isBetween(-1e-6, 500 + 1e-6);
                assertThat(g.storedKwh()[t]).isGreaterThanOrEqualTo(100 + sold * 0.5 / 0.94 - 1e-6);
            }
        }
    }
}
