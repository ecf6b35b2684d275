package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * For any prices, in every period of every block: the upward capacity offered in all products plus
 * the planned discharge (less charge) stays within the rating, and the energy stored at the start
 * and end of the period covers every offered product for its duration above the floor. Generated
 * days: energy prices that may go negative, a 3-hour product and a 30-minute one with random prices,
 * expected activations and caps, a lossy battery starting anywhere in its window.
 */
class MarketOffersPropertiesTest {
    private static final double TOL = 1e-6;

    @Property(tries = 150)
    void offersNeverExceedTheRatingOrTheStoredEnergy(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 48 * (1 + rnd.nextInt(2));
        double[] price = new double[n];
        double[] slow = new double[n];
        double[] fast = new double[n];
        double[] upward = new double[n];
        for (int t = 0; t < n; t++) {
            price[t] = -5 + rnd.nextDouble() * 60;
            slow[t] = rnd.nextDouble() * 20;
            fast[t] = rnd.nextDouble() * 40;
            upward[t] = rnd.nextDouble() * 50;
        }
        double kw = 200 + rnd.nextDouble() * 2000;
        double kwh = kw * (0.5 + rnd.nextDouble() * 6);
        double eta = 0.85 + rnd.nextDouble() * 0.15;
        double floor = kwh * rnd.nextDouble() * 0.2;
        double initial = floor + (kwh - floor) * rnd.nextDouble();
        Storage s = new Storage(kw, kw, eta, eta, floor, kwh, initial, floor, rnd.nextDouble() * 3);
        ReserveMarket threeHour = new ReserveMarket(
                "tertiary-1", "balancing", slow, 3, 6, Problems.constant(n, kw * rnd.nextDouble()), 0, new double[n]);
        ReserveMarket halfHour = new ReserveMarket(
                "tertiary-2", "balancing", fast, 0.5, 1, Problems.constant(n, 2 * kw), rnd.nextDouble() * 0.3, upward);
        DispatchSolution sol = MarketCoOptimisationTest.solve(
                MarketCoOptimisationTest.gridBattery(price, s, List.of(threeHour, halfHour), null));
        for (int t = 0; t < n; t++) {
            double offered = sol.offerKw()[0][t] + sol.offerKw()[1][t];
            assertThat(sol.dischargeKw()[t] - sol.chargeKw()[t] + offered)
                    .as("headroom in period %d", t)
                    .isLessThanOrEqualTo(kw + TOL);
            double needed = floor + (sol.offerKw()[0][t] * 3 + sol.offerKw()[1][t] * 0.5) / eta;
            double before = t == 0 ? initial : sol.storedKwh()[t - 1];
            assertThat(before).as("stored at the start of period %d", t).isGreaterThanOrEqualTo(needed - TOL);
            assertThat(sol.storedKwh()[t])
                    .as("stored at the end of period %d", t)
                    .isGreaterThanOrEqualTo(needed - TOL);
            assertThat(sol.storedKwh()[t]).as("window in period %d", t).isBetween(floor - TOL, kwh + TOL);
            assertThat(sol.offerKw()[0][t]).as("one offer per block").isEqualTo(sol.offerKw()[0][t - t % 6]);
        }
    }
}
