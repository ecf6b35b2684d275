package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The co-optimisation of energy and reserve products on hand-worked days: a standalone battery (no
 * load) that buys and sells energy at one price per period, 1 MW / 2 MWh, lossless unless said.
 */
class MarketCoOptimisationTest {
    static final int DAY = 48;
    static final double H = 0.5;

    /** 10 yen/kWh until noon, 20 after. */
    static double[] cheapThenDear() {
        double[] p = new double[DAY];
        for (int t = 0; t < DAY; t++) {
            p[t] = t < 24 ? 10 : 20;
        }
        return p;
    }

    static DispatchProblem gridBattery(double[] price, Storage s, List<ReserveMarket> reserves, double[] held) {
        int n = price.length;
        double[] unlimited = new double[n];
        Arrays.fill(unlimited, Double.POSITIVE_INFINITY);
        return new DispatchProblem(
                0,
                Problems.HALF_HOUR,
                new double[n],
                price,
                price,
                unlimited,
                Double.POSITIVE_INFINITY,
                s,
                null,
                reserves,
                new double[n],
                held,
                Double.POSITIVE_INFINITY);
    }

    static Storage lossless(double initialKwh) {
        return new Storage(1000, 1000, 1, 1, 0, 2000, initialKwh, initialKwh, 0);
    }

    static ReserveMarket tertiary(double yenPerKwH, double maxKw) {
        return new ReserveMarket("tertiary-1", Problems.constant(DAY, yenPerKwH), 0.5, 1, maxKw);
    }

    static DispatchSolution solve(DispatchProblem p) {
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            return m.solve();
        }
    }

    /** Energy bought and sold: what the trades earn, yen. */
    static double energyYen(DispatchSolution s) {
        return s.costs().exportRevenueYen() - s.costs().energyCostYen();
    }

    @Test
    void whereReservePaysMoreThanTheSpreadTheBatteryHoldsItAllDay() {
        // 30 yen per kW-hour against a spread of 10 yen/kWh: a kW held earns 720 yen over the day, a kWh
        // moved earns 10 once. From 1,000 kWh stored, every half-hour holds 1,000 kW (0.5 h of it needs
        // 500 kWh) and nothing is traded: 1,000 kW x 24 h x 30 = 720,000 yen.
        DispatchSolution s = solve(gridBattery(cheapThenDear(), lossless(1000), List.of(tertiary(30, 1000)), null));
        for (int t = 0; t < DAY; t++) {
            assertThat(s.offerKw()[0][t]).isCloseTo(1000, within(1e-6));
            assertThat(s.dischargeKw()[t] - s.chargeKw()[t]).isLessThanOrEqualTo(1e-6);
        }
        assertThat(s.costs().reserveRevenueYen()).isCloseTo(720_000, within(1e-3));
        assertThat(energyYen(s)).isCloseTo(0, within(1e-3));
    }

    @Test
    void theConnectionsExportLimitCapsBothTheExportAndTheReserveThatWouldAddToIt() {
        // a 600 kW connection on a 1 MW battery: at most 600 kW sold into the 20 yen/kWh afternoon,
        // and at most 600 kW of upward reserve beyond the net export (stopping a charge counts too)
        DispatchProblem free = gridBattery(cheapThenDear(), lossless(1000), List.of(tertiary(2, 1000)), null);
        DispatchProblem capped = new DispatchProblem(
                free.startEpochMs(),
                free.periodMs(),
                free.netLoadKw(),
                free.importYenPerKwh(),
                free.exportYenPerKwh(),
                free.exportLimitKw(),
                free.importLimitKw(),
                free.storage(),
                null,
                free.reserves(),
                free.auxiliaryKw(),
                null,
                600);
        DispatchSolution s = solve(capped);
        for (int t = 0; t < DAY; t++) {
            assertThat(s.exportKw()[t]).as("export in " + t).isLessThanOrEqualTo(600 + 1e-6);
            assertThat(s.exportKw()[t] - s.importKw()[t] + s.offerKw()[0][t])
                    .as("net export and reserve in " + t + " (a charge the reserve would stop counts)")
                    .isLessThanOrEqualTo(600 + 1e-6);
        }
        assertThat(solve(free).offerKw()[0][10]).as("without the limit").isGreaterThan(600);
    }

    @Test
    void whereTheSpreadPaysMoreTheTradeIsKeptAndReserveFillsOnlyIdleHeadroom() {
        // At 1 yen per kW-hour, 1,000 kW held in a dear half-hour earns 500 yen while 1,000 kW sold
        // earns 20 x 500 = 10,000 yen: the trade of 2,000 kWh from 10 to 20 yen/kWh (20,000 yen) stays
        // whole. Reserve takes the headroom the trade leaves: all of it while charging in the morning
        // (stopping a charge is upward power too), none while discharging at full power.
        Storage empty = lossless(0);
        DispatchSolution without = solve(gridBattery(cheapThenDear(), empty, List.of(), null));
        DispatchSolution with = solve(gridBattery(cheapThenDear(), empty, List.of(tertiary(1, 1000)), null));
        assertThat(energyYen(without)).isCloseTo(20_000, within(1e-3));
        assertThat(energyYen(with)).isCloseTo(20_000, within(1e-3));
        double full = 0;
        for (int t = 0; t < DAY; t++) {
            double r = with.offerKw()[0][t];
            assertThat(with.dischargeKw()[t] - with.chargeKw()[t] + r)
                    .as("no kW serves twice, period " + t)
                    .isLessThanOrEqualTo(1000 + 1e-6);
            if (with.dischargeKw()[t] > 999) {
                assertThat(r).as("period " + t).isCloseTo(0, within(1e-6));
                full++;
            }
        }
        assertThat(full).as("half-hours selling at full power").isEqualTo(4);
        assertThat(with.costs().reserveRevenueYen()).isPositive();
    }

    @Test
    void twoProductsShareOneBlockUpToTheRating() {
        // The dearer product is capped at 400 kW by its max; the other takes the rest of the rating. At a
        // flat energy price with losses the battery does not trade, so the rating is all headroom (a
        // lossless one could charge in one half-hour to offer 1,400 kW and discharge in the next for
        // 600, the same revenue: a degenerate optimum).
        ReserveMarket secondary = new ReserveMarket("secondary-2", Problems.constant(DAY, 5), 0.5, 1, 400);
        ReserveMarket tertiary = tertiary(4, 1000);
        Storage lossy = new Storage(1000, 1000, 0.95, 0.95, 0, 2000, 1500, 1500, 0);
        DispatchSolution s = solve(gridBattery(Problems.constant(DAY, 15), lossy, List.of(secondary, tertiary), null));
        for (int t = 0; t < DAY; t++) {
            assertThat(s.offerKw()[0][t]).as("secondary-2 in " + t).isCloseTo(400, within(1e-6));
            assertThat(s.offerKw()[1][t]).as("tertiary-1 in " + t).isCloseTo(600, within(1e-6));
            assertThat(s.storedKwh()[t])
                    .as("the energy of both offers, each for its 0.5 h")
                    .isGreaterThanOrEqualTo((400 + 600) * 0.5 / 0.95 - 1e-6);
        }
        assertThat(s.costs().reserveRevenueYen()).isCloseTo(24 * (400 * 5 + 600 * 4), within(1e-3));

        DispatchProblem p = gridBattery(Problems.constant(DAY, 15), lossy, List.of(secondary, tertiary), null);
        MarketRevenue r = MarketRevenue.of(
                p, s, solve(p.withoutBattery()), dev.chikuden.site.MarketsSpec.NONE, java.time.ZoneOffset.UTC);
        assertThat(r.byProduct().get("secondary-2")).isCloseTo(24 * 400 * 5, within(1e-3));
        assertThat(r.byProduct().get("tertiary-1")).isCloseTo(24 * 600 * 4, within(1e-3));
        assertThat(r.byMarket().get("balancing")).isCloseTo(s.costs().reserveRevenueYen(), within(1e-3));
        assertThat(r.byMarket().get(MarketRevenue.ENERGY)).isCloseTo(energyYen(s), within(1e-3));
        assertThat(r.byMonth().get(java.time.YearMonth.of(1970, 1)).get("balancing"))
                .isCloseTo(r.byMarket().get("balancing"), within(1e-6));
    }

    @Test
    void aCapacityWindowKeepsItsEnergyForTheEveningInsteadOfTheAfternoonPeak() {
        // Prices peak 14:00-17:00 (periods 28-33); a contract of 500 kW is due 17:00-20:00 on this tight
        // day, so 1,500 kWh are in store at 17:00 and only 500 kWh of the 2,000 may be sold into the
        // afternoon peak instead of all of it. Through the window the store covers the rest of it.
        double[] price = Problems.constant(DAY, 10);
        for (int t = 28; t < 34; t++) {
            price[t] = 50;
        }
        var contract = new dev.chikuden.site.MarketsSpec.CapacityContract(
                7638, 500, List.of(java.time.LocalDate.of(1970, 1, 1)), 0, java.time.LocalTime.of(17, 0));
        var markets = new dev.chikuden.site.MarketsSpec(List.of(), contract, null);
        Storage full = lossless(2000);
        double[] held = MarketOffers.heldKwh(markets, full, java.time.ZoneOffset.UTC, 0, Problems.HALF_HOUR, price);
        for (int t = 0; t < DAY; t++) {
            double expected = t >= 33 && t < 39 ? 500 * (3 - (t - 33) * 0.5) : 0;
            assertThat(held[t]).as("held at the end of period " + t).isCloseTo(expected, within(1e-9));
        }
        DispatchSolution free = solve(gridBattery(price, full, List.of(), null));
        DispatchSolution duty = solve(gridBattery(price, full, List.of(), held));
        double soldFree = 0;
        double soldDuty = 0;
        for (int t = 28; t < 34; t++) {
            soldFree += free.batteryKw(t) * H;
            soldDuty += duty.batteryKw(t) * H;
        }
        assertThat(soldFree).isCloseTo(2000, within(1e-3));
        assertThat(soldDuty).isCloseTo(500, within(1e-3));
        for (int t = 33; t < 39; t++) {
            assertThat(duty.storedKwh()[t]).as("end of period " + t).isGreaterThanOrEqualTo(held[t] - 1e-6);
        }
    }

    @Test
    void activationEnergyLeavesTheStoreAndIsPaidAtTheUpwardPrice() {
        // 10 % of each offer is delivered; the store loses it through the discharge efficiency, and the
        // revenue is capacity plus that energy at 25 yen/kWh. Both recomputed from the plan.
        double[] capacity = Problems.constant(DAY, 3);
        double[] upward = Problems.constant(DAY, 25);
        double[] max = Problems.constant(DAY, 800);
        ReserveMarket r = new ReserveMarket("tertiary-2", "balancing", capacity, 0.5, 2, max, 0.1, upward);
        Storage s = new Storage(1000, 1000, 0.95, 0.95, 100, 2000, 1500, 800, 0);
        DispatchSolution sol = solve(gridBattery(cheapThenDear(), s, List.of(r), null));
        double stored = 1500;
        double revenue = 0;
        for (int t = 0; t < DAY; t++) {
            double offer = sol.offerKw()[0][t];
            stored += sol.chargeKw()[t] * 0.95 * H - (sol.dischargeKw()[t] + 0.1 * offer) / 0.95 * H;
            assertThat(sol.storedKwh()[t]).as("period " + t).isCloseTo(stored, within(1e-6));
            revenue += offer * (3 + 0.1 * 25) * H;
        }
        assertThat(sol.costs().reserveRevenueYen()).isCloseTo(revenue, within(1e-6));
        assertThat(revenue).isPositive();
    }
}
