package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.Physics;
import dev.chikuden.optimize.DispatchProblem.Storage;
import org.junit.jupiter.api.Test;

/** What the LP models of the battery beyond a linear store, one rule a test. */
class BatteryPhysicsLpTest {
    /** The lfp-container preset's PCS curve: 96 % at a tenth of its rating, 98 % at full. */
    static final PiecewiseLinear PCS = new PiecewiseLinear(
            new double[] {0, 0.05, 0.1, 0.2, 0.5, 1}, new double[] {0.8, 0.93, 0.96, 0.975, 0.985, 0.98});

    static final PiecewiseLinear FLAT = PiecewiseLinear.constant(1);

    static Physics physics(
            double ratingKw,
            double capacityKwh,
            PiecewiseLinear pcs,
            PiecewiseLinear chargeTaper,
            PiecewiseLinear dischargeTaper,
            double hvacPerHeat) {
        return new Physics(
                pcs, ratingKw, ratingKw, 0.965, 0.965, capacityKwh, chargeTaper, dischargeTaper, hvacPerHeat);
    }

    static Storage battery(double kw, double kwh, double initialKwh, Physics physics) {
        double eta = physics.pcsEfficiency().at(1) * 0.965;
        return new Storage(kw, kw, eta, eta, 0, kwh, initialKwh, initialKwh, 0, physics);
    }

    private static DispatchSolution solve(DispatchProblem p, int solves) {
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            return m.solveAtOperatingPoint(solves);
        }
    }

    /** 10 yen at night, 30 by day, a flat 1 MW load. */
    static double[] twoPrices(int n) {
        double[] price = new double[n];
        for (int t = 0; t < n; t++) {
            price[t] = t % 48 < 16 ? 10 : 30;
        }
        return price;
    }

    @Test
    void eachPeriodStoresWhatThePcsCurveGivesAtItsPower() {
        // a 1 MW converter shaving a 60 kW peak: it runs at 6 % load, where the curve gives 93.6 %, not 98 %;
        // the night's 100 kW of headroom recharges it; a contract kW is worth too little to shave the plateau
        double[] load = Problems.constant(48, 900);
        java.util.Arrays.fill(load, 0, 16, 800);
        load[30] = 960;
        Storage s = battery(1000, 500, 250, physics(1000, 500, PCS, FLAT, FLAT, 0));
        DispatchSolution sol =
                solve(Problems.of(load, Problems.constant(48, 20), s, Problems.optimisedContract(48, 10), null), 3);
        assertThat(sol.dischargeKw()[30]).isCloseTo(60, within(1e-6));
        double drawn = sol.storedKwh()[29] - sol.storedKwh()[30];
        assertThat(drawn).isCloseTo(60 * 0.5 / (PCS.at(0.06) * 0.965), within(1e-6));
    }

    @Test
    void theHvacBuysTheHeatOfTheLossesFromTheGrid() {
        // a third of a kW per kW of DC loss: charging 100 kW at 96.5 % DC (PCS flat) costs 1.17 kW of HVAC
        Storage s = battery(100, 400, 0, physics(100, 400, FLAT, FLAT, FLAT, 1 / 3.0));
        DispatchSolution sol = solve(Problems.of(Problems.constant(96, 1000), twoPrices(96), s, null, null), 3);
        int charging = 0;
        for (int t = 0; t < 96; t++) {
            double hvac = sol.chargeKw()[t] * (1 - 0.965) / 3 + sol.dischargeKw()[t] * (1 / 0.965 - 1) / 3;
            assertThat(sol.auxiliaryKw()[t]).isCloseTo(hvac, within(1e-6));
            assertThat(sol.importKw()[t])
                    .isCloseTo(1000 + sol.chargeKw()[t] - sol.dischargeKw()[t] + hvac, within(1e-6));
            charging += sol.chargeKw()[t] > 1 ? 1 : 0;
        }
        assertThat(charging).isPositive();
    }

    @Test
    void noPlanPassesTheTaperAtItsMeanStoredEnergy() {
        // 200 kW on 400 kWh, whose discharge falls off below 60 % SOC and charge above 40 %; one dear and
        // one cheap half-hour a day: untapered, it empties (and fills) in those half-hours at full power
        PiecewiseLinear charge = new PiecewiseLinear(new double[] {0.4, 1}, new double[] {1, 0.05});
        PiecewiseLinear discharge = new PiecewiseLinear(new double[] {0, 0.6}, new double[] {0.05, 1});
        double[] price = Problems.constant(96, 30);
        for (int t = 0; t < 96; t++) {
            price[t] = t % 48 == 10 ? 60 : t % 48 == 30 ? 5 : 30;
        }
        Storage plain = new Storage(200, 200, 0.965, 0.965, 20, 380, 200, 200, 0);
        Storage tapers = new Storage(
                200, 200, 0.965, 0.965, 20, 380, 200, 200, 0, physics(200, 400, FLAT, charge, discharge, 0));
        DispatchProblem p = Problems.of(Problems.constant(96, 1000), price, tapers, null, null);
        DispatchSolution free = solve(p.withStorage(plain), 1);
        DispatchSolution tapered = solve(p, 4);
        boolean broken = false;
        for (int t = 0; t < 96; t++) {
            double soc = ((t == 0 ? 200 : tapered.storedKwh()[t - 1]) + tapered.storedKwh()[t]) / 2 / 400;
            assertThat(tapered.dischargeKw()[t]).as("t=%d", t).isLessThanOrEqualTo(200 * discharge.at(soc) + 0.2);
            assertThat(tapered.chargeKw()[t]).as("t=%d", t).isLessThanOrEqualTo(200 * charge.at(soc) + 0.2);
            double freeSoc = ((t == 0 ? 200 : free.storedKwh()[t - 1]) + free.storedKwh()[t]) / 2 / 400;
            broken |= free.dischargeKw()[t] > 200 * discharge.at(freeSoc) + 1
                    || free.chargeKw()[t] > 200 * charge.at(freeSoc) + 1;
        }
        assertThat(broken).as("the same battery without tapers breaks them").isTrue();
        assertThat(tapered.costs().objectiveYen()).isGreaterThan(free.costs().objectiveYen());
    }

    @Test
    void taperLinesAreTheConcaveHullOverTheSocWindow() {
        // a dent at 50 % (0.9) under the chord of 40 % (1) and 60 % (1) is bridged; only the ends taper
        PiecewiseLinear dented =
                new PiecewiseLinear(new double[] {0, 0.1, 0.4, 0.5, 0.6}, new double[] {0.3, 1, 1, 0.9, 1});
        Storage s = new Storage(100, 100, 1, 1, 0, 100, 50, 50, 0, physics(100, 100, FLAT, FLAT, dented, 0));
        TaperLines.Line[] lines = TaperLines.discharge(s);
        assertThat(lines).hasSize(1);
        assertThat(lines[0].interceptKw()).isCloseTo(30, within(1e-9)); // 30 % of 100 kW at empty
        assertThat(lines[0].slopeKwPerKwh()).isCloseTo(7, within(1e-9)); // to 100 kW at 10 kWh
        assertThat(TaperLines.charge(s)).isEmpty();
    }

    @Test
    void forbiddenExcessHoldsEveryMonthUnderTheContractTheLpChooses() {
        // two months; the second has one 200 kW half-hour. A penalty lets it pass (1.5 x one month's basic
        // charge is less than two months'); forbidding it raises the contract to 200 kW.
        double[] load = Problems.constant(96, 100);
        load[70] = 200;
        int[] month = new int[96];
        for (int t = 48; t < 96; t++) {
            month[t] = 1;
        }
        DemandCharge penalty = new DemandCharge(
                1,
                month,
                new double[] {1000, 1000},
                new double[] {1500, 1500},
                ContractMode.OPTIMISED,
                0,
                new double[2]);
        DispatchSolution priced = solve(Problems.of(load, Problems.constant(96, 20), null, penalty, null), 1);
        DispatchSolution forbidden =
                solve(Problems.of(load, Problems.constant(96, 20), null, penalty.withForbidExcess(true), null), 1);
        assertThat(priced.contractKw()).isCloseTo(100, within(1e-6));
        assertThat(priced.costs().excessChargeYen()).isCloseTo(100 * 1500, within(1e-6));
        assertThat(forbidden.contractKw()).isCloseTo(200, within(1e-6));
        assertThat(forbidden.costs().excessChargeYen()).isZero();
    }

    @Test
    void aFixedContractOutOfReachIsBadInputNamingIt() {
        double[] load = Problems.constant(4, 100);
        load[1] = 180;
        DemandCharge fixed = new DemandCharge(
                1,
                new int[4],
                new double[] {1000},
                new double[] {1500},
                ContractMode.FIXED,
                150,
                new double[] {0},
                true);
        // a 20 kW battery cannot take 30 kW off the peak
        assertThatThrownBy(() -> solve(
                        Problems.of(load, Problems.constant(4, 20), Problems.battery(20, 100, 1, 100), fixed, null), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot hold every month's 30-minute demand at the contract of 150 kW");
        DispatchSolution held =
                solve(Problems.of(load, Problems.constant(4, 20), Problems.battery(40, 100, 1, 100), fixed, null), 1);
        assertThat(held.monthPeakKw()[0]).isLessThanOrEqualTo(150 + 1e-6);
    }

    @Test
    void theSiteWithoutBatteryHasNeitherItsStoreNorItsAuxiliaries() {
        double[] net = {105, 95, -5};
        DispatchProblem p = new DispatchProblem(
                0,
                Problems.HALF_HOUR,
                net,
                Problems.constant(3, 20),
                new double[3],
                new double[] {0, 0, 5},
                Double.POSITIVE_INFINITY,
                Problems.battery(10, 10, 1, 0),
                null,
                null,
                new double[] {5, 5, 5});
        DispatchProblem without = p.withoutBattery();
        assertThat(without.storage()).isNull();
        assertThat(without.netLoadKw()).containsExactly(100, 90, -10);
        assertThat(without.exportLimitKw()).containsExactly(0, 0, 10); // the surplus the auxiliaries took
        assertThat(without.auxiliaryKw()).containsOnly(0);
    }
}
