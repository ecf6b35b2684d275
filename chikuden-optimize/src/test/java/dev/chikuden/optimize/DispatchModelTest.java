package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import org.junit.jupiter.api.Test;

/** Dispatches whose optimum is known by hand. */
class DispatchModelTest {
    private static DispatchSolution solve(DispatchProblem p) {
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            return m.solve();
        }
    }

    @Test
    void twoPriceDayBuysCheapAndSellsDearAfterItsLosses() {
        // 12 h at 10 yen/kWh, then 12 h at 30; 100 kW flat; 50 kW / 100 kWh at 90 % each way, empty at both ends.
        double[] price = new double[48];
        for (int t = 0; t < 48; t++) {
            price[t] = t < 24 ? 10 : 30;
        }
        DispatchSolution s =
                solve(Problems.of(Problems.constant(48, 100), price, Problems.battery(50, 100, 0.9, 0), null, null));
        // Fill 100 kWh with 100 / 0.9 kWh bought at 10, deliver 100 x 0.9 kWh that would cost 30.
        double saving = 100 * 0.9 * 30 - 100 / 0.9 * 10;
        assertThat(s.costs().energyCostYen()).isCloseTo(12 * 100 * 10 + 12 * 100 * 30 - saving, within(1e-6));
        assertThat(s.storedKwh()[23]).isCloseTo(100, within(1e-6));
        assertThat(s.storedKwh()[47]).isCloseTo(0, within(1e-6));
        for (int t = 0; t < 48; t++) {
            assertThat(s.chargeKw()[t] * s.dischargeKw()[t]).isZero();
        }
    }

    /** 4 half hours at 10, 30, 10, 30 yen/kWh both ways, 30 kW of load; a lossless 100 kW / 1000 kWh store, empty. */
    private static DispatchProblem positioned(double[] positionKw) {
        double[] price = {10, 30, 10, 30};
        return new DispatchProblem(
                0,
                Problems.HALF_HOUR,
                Problems.constant(4, 30),
                price,
                price,
                Problems.constant(4, Double.POSITIVE_INFINITY),
                Double.POSITIVE_INFINITY,
                new DispatchProblem.Storage(100, 100, 1, 1, 0, 1000, 0, 0, 0),
                null,
                null,
                new double[4],
                null,
                Double.POSITIVE_INFINITY,
                positionKw);
    }

    private static double[] gridKw(DispatchSolution s) {
        double[] g = new double[s.periods()];
        for (int t = 0; t < g.length; t++) {
            g[t] = s.importKw()[t] - s.exportKw()[t];
        }
        return g;
    }

    @Test
    void aPositionHoldsTheGridFlowWhereGivenAndLeavesItFreeWhereNaN() {
        // Free, the store would charge 100 kW at 10 and discharge 100 kW at 30, twice. Held at -50 kW
        // in period 1 it discharges the 30 kW load plus 50 (40 kWh); held at +20 kW in period 2, a
        // cheap period, it must discharge 10 kW of the load (5 kWh). Period 0 charges its most, 50 kWh,
        // so period 3 has the 5 kWh left: 10 kW, the grid 20 kW.
        DispatchSolution s = solve(positioned(new double[] {Double.NaN, -50, 20, Double.NaN}));
        assertThat(gridKw(s)).containsExactly(new double[] {130, -50, 20, 20}, within(1e-6));
        assertThat(s.dischargeKw()[1]).isCloseTo(80, within(1e-6));
        assertThat(s.dischargeKw()[2]).isCloseTo(10, within(1e-6));
        assertThat(s.storedKwh()).containsExactly(new double[] {50, 10, 5, 0}, within(1e-6));
        double yen = (10 * 130 - 30 * 50 + 10 * 20 + 30 * 20) * 0.5;
        assertThat(s.costs().objectiveYen()).isCloseTo(yen, within(1e-6));
    }

    @Test
    void aReusableModelWithPositionsFreesThemOnUpdateAndOneWithoutRefusesThem() {
        try (DispatchModel m =
                new DispatchModel(positioned(new double[] {Double.NaN, -50, 20, Double.NaN}), Solver.HIGHS, true)) {
            assertThat(gridKw(m.solve())).containsExactly(new double[] {130, -50, 20, 20}, within(1e-6));
            m.update(positioned(null));
            assertThat(gridKw(m.solve())).containsExactly(new double[] {130, -70, 130, -70}, within(1e-6));
            m.update(positioned(new double[] {60, 0, 30, 30}));
            DispatchSolution held = m.solve();
            assertThat(gridKw(held)).containsExactly(new double[] {60, 0, 30, 30}, within(1e-6));
            assertThat(held.storedKwh()).containsExactly(new double[] {15, 0, 0, 0}, within(1e-6));
        }
        try (DispatchModel m = new DispatchModel(positioned(null), Solver.HIGHS, true)) {
            assertThatThrownBy(() -> m.update(positioned(new double[] {0, 0, 0, 0})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a position only where the model was built with one");
        }
    }

    @Test
    void onlyShavingCanLowerAPeak() {
        // Flat price, lossless: energy costs cannot change, so all the gain is the contract.
        double[] load = Problems.constant(48, 100);
        load[30] = 200;
        DispatchSolution s = solve(Problems.of(
                load,
                Problems.constant(48, 20),
                Problems.battery(60, 40, 1.0, 20),
                Problems.optimisedContract(48, 1000),
                null));
        assertThat(s.contractKw()).isCloseTo(140, within(1e-6));
        assertThat(s.dischargeKw()[30]).isCloseTo(60, within(1e-6));
        double energy = (47 * 100 + 200) * 0.5 * 20;
        assertThat(s.costs().objectiveYen()).isCloseTo(energy + 140 * 1000, within(1e-6));
        assertThat(s.lpObjectiveValue() * 1000 + s.lpConstantYen())
                .isCloseTo(s.costs().objectiveYen(), within(1e-6));
    }

    @Test
    void aRichReserveMarketKeepsTheBatteryHoldingReserve() {
        double[] price = new double[48];
        for (int t = 0; t < 48; t++) {
            price[t] = t % 2 == 0 ? 5 : 40;
        }
        ReserveMarket primary = new ReserveMarket("primary", Problems.constant(48, 1000), 1, 6, 50);
        DispatchSolution s = solve(
                Problems.of(Problems.constant(48, 100), price, Problems.battery(50, 100, 0.95, 60), null, primary));
        for (int t = 0; t < 48; t++) {
            assertThat(s.reserveKw()[t]).isCloseTo(50, within(1e-6));
            assertThat(s.dischargeKw()[t]).isCloseTo(0, within(1e-6));
            assertThat(s.storedKwh()[t]).isGreaterThanOrEqualTo(50 / 0.95 - 1e-6);
        }
        assertThat(s.costs().reserveRevenueYen()).isCloseTo(50 * 1000 * 24, within(1e-6));
    }

    @Test
    void storedEnergyFollowsChargeAndDischargeThroughTheLosses() {
        double[] price = new double[96];
        for (int t = 0; t < 96; t++) {
            price[t] = 15 + 10 * Math.sin(t * 2 * Math.PI / 48) + (t % 7);
        }
        DispatchSolution s = solve(Problems.of(
                Problems.constant(96, 300),
                price,
                Problems.battery(100, 250, 0.93, 120),
                Problems.optimisedContract(96, 500),
                null));
        double stored = 120;
        for (int t = 0; t < 96; t++) {
            stored += 0.5 * (0.93 * s.chargeKw()[t] - s.dischargeKw()[t] / 0.93);
            assertThat(s.storedKwh()[t]).isCloseTo(stored, within(1e-5));
            assertThat(s.importKw()[t]).isCloseTo(300 + s.chargeKw()[t] - s.dischargeKw()[t], within(1e-6));
        }
        assertThat(s.storedKwh()[95]).isGreaterThanOrEqualTo(120 - 1e-6);
    }

    @Test
    void aFixedContractPaysTheExcessPenaltyAboveIt() {
        double[] load = Problems.constant(4, 100);
        load[1] = 180;
        DemandCharge fixed = new DemandCharge(
                1, new int[4], new double[] {1000}, new double[] {1500}, ContractMode.FIXED, 150, new double[] {0});
        DispatchSolution s = solve(Problems.of(load, Problems.constant(4, 20), null, fixed, null));
        assertThat(s.costs().basicChargeYen()).isCloseTo(150 * 1000, within(1e-6));
        assertThat(s.costs().excessChargeYen()).isCloseTo(30 * 1500, within(1e-6));
        assertThat(s.lpObjectiveValue() * 1000 + s.lpConstantYen())
                .isCloseTo(s.costs().energyCostYen() + 150 * 1000 + 30 * 1500, within(1e-6));
    }

    @Test
    void aBackupFloorThatCannotBeHeldIsReportedAsBadInput() {
        DispatchProblem.Storage s = new DispatchProblem.Storage(50, 50, 0.95, 0.95, 90, 100, 50, 50, 0);
        assertThatThrownBy(() -> solve(Problems.of(Problems.constant(4, 100), Problems.constant(4, 20), s, null, null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no feasible dispatch")
                // the window in words, the same on every run (a sweep keeps the message in its rows)
                .hasMessageEndingWith(
                        "the battery's window (stored 90 to 100 kWh, 50 at the start, at least 50 at the end)")
                .hasMessageNotContaining("@");
    }

    @Test
    void theMpsFileSolvedOnItsOwnGivesTheLpObjectiveValue() {
        double[] load = Problems.constant(96, 300);
        load[40] = 420;
        double[] price = new double[96];
        for (int t = 0; t < 96; t++) {
            price[t] = 12 + 8 * Math.sin(t * 2 * Math.PI / 48);
        }
        DemandCharge fixed = new DemandCharge(
                1, new int[96], new double[] {1000}, new double[] {1500}, ContractMode.FIXED, 350, new double[] {0});
        DispatchProblem p = Problems.of(load, price, Problems.battery(100, 250, 0.93, 120), fixed, null);
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            String mps = m.mps();
            double value = m.solve().lpObjectiveValue();
            com.google.ortools.modelbuilder.ModelBuilder read = new com.google.ortools.modelbuilder.ModelBuilder();
            assertThat(read.importFromMpsString(mps)).isTrue();
            com.google.ortools.modelbuilder.ModelSolver highs =
                    new com.google.ortools.modelbuilder.ModelSolver("highs");
            assertThat(highs.solve(read)).isEqualTo(com.google.ortools.modelbuilder.SolveStatus.OPTIMAL);
            // Every number in full precision: the file is the model that was solved.
            assertThat(highs.getObjectiveValue()).isCloseTo(value, within(1e-9 * Math.abs(value)));
        }
    }

    @Test
    void anMpsFileWithReserveRatingAndRangedRowsIsTheModelToo() {
        DispatchProblem p = sizingDay(new DispatchProblem.Storage(100, 120, 0.95, 0.94, 20, 380, 120, 100, 3));
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            String mps = m.mps();
            double value = m.solve().lpObjectiveValue();
            com.google.ortools.modelbuilder.ModelBuilder read = new com.google.ortools.modelbuilder.ModelBuilder();
            assertThat(read.importFromMpsString(mps)).isTrue();
            com.google.ortools.modelbuilder.ModelSolver highs =
                    new com.google.ortools.modelbuilder.ModelSolver("highs");
            assertThat(highs.solve(read)).isEqualTo(com.google.ortools.modelbuilder.SolveStatus.OPTIMAL);
            assertThat(highs.getObjectiveValue()).isCloseTo(value, within(1e-9 * Math.abs(value)));
            assertThat(mps).contains("RANGES").contains("rating_").contains("reserve_");
        }
    }

    @Test
    void theMpsFileIsTheModelThatWasSolved() {
        double[] load = Problems.constant(48, 100);
        load[30] = 200;
        DispatchProblem p = Problems.of(
                load,
                Problems.constant(48, 20),
                Problems.battery(60, 40, 0.9, 20),
                Problems.optimisedContract(48, 1000),
                null);
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            String mps = m.mps();
            assertThat(mps)
                    .contains("ROWS")
                    .contains("COLUMNS")
                    .contains("RHS")
                    .contains("BOUNDS")
                    .contains("charge_0")
                    .contains("demand_30");
        }
    }

    @Test
    void updateReSolvesTheSameModelWithNewNumbers() {
        double[] price = new double[48];
        for (int t = 0; t < 48; t++) {
            price[t] = t < 24 ? 10 : 30;
        }
        DispatchProblem first =
                Problems.of(Problems.constant(48, 100), price, Problems.battery(50, 100, 0.9, 0), null, null);
        try (DispatchModel m = new DispatchModel(first, Solver.HIGHS, true)) {
            m.solve();
            double[] flipped = new double[48];
            for (int t = 0; t < 48; t++) {
                flipped[t] = t < 24 ? 30 : 10;
            }
            DispatchProblem second = Problems.of(
                    Problems.constant(48, 100),
                    flipped,
                    Problems.battery(50, 100, 0.9, 0).withInitialKwh(100),
                    null,
                    null);
            m.update(second);
            DispatchSolution s = m.solve();
            DispatchSolution fresh = solve(second);
            assertThat(s.costs().objectiveYen()).isCloseTo(fresh.costs().objectiveYen(), within(1e-6));
            assertThat(s.storedKwh()[23]).isCloseTo(0, within(1e-6));
        }
    }

    /** A day of two prices with a reserve market and a negative-price hour (rating rows): every part resize touches. */
    private static DispatchProblem sizingDay(DispatchProblem.Storage s) {
        double[] price = new double[48];
        for (int t = 0; t < 48; t++) {
            price[t] = t < 16 ? 8 : t < 20 ? -20 : t < 34 ? 25 : 14;
        }
        double[] load = Problems.constant(48, 300);
        load[40] = 420;
        ReserveMarket reserve = new ReserveMarket("primary", Problems.constant(48, 3), 1, 6, 80);
        return Problems.of(load, price, s, Problems.optimisedContract(48, 20), reserve);
    }

    @Test
    void aResizedModelSolvesLikeAFreshOneOfTheNewSize() {
        DispatchProblem.Storage small = new DispatchProblem.Storage(50, 40, 0.95, 0.94, 10, 180, 60, 60, 2);
        DispatchProblem.Storage[] sizes = {
            new DispatchProblem.Storage(100, 100, 0.95, 0.94, 20, 380, 120, 120, 2),
            new DispatchProblem.Storage(100, 120, 0.95, 0.94, 20, 380, 120, 100, 3),
            new DispatchProblem.Storage(30, 30, 0.95, 0.94, 5, 90, 30, 30, 1),
            new DispatchProblem.Storage(0, 60, 0.95, 0.94, 0, 200, 200, 0, 0),
            // other efficiencies, as a sized battery's come out a rounding apart or a converter load apart
            new DispatchProblem.Storage(100, 100, 0.95 + 1e-16, 0.94 - 1e-16, 20, 380, 120, 120, 2),
            new DispatchProblem.Storage(80, 90, 0.9, 0.85, 20, 380, 120, 120, 2)
        };
        for (Solver solver : new Solver[] {Solver.HIGHS, Solver.CLP}) {
            try (DispatchModel m = new DispatchModel(sizingDay(small), solver, false)) {
                m.solve();
                for (DispatchProblem.Storage s : sizes) {
                    m.resize(s);
                    DispatchSolution resized = m.solveFromPreviousBasis();
                    DispatchSolution fresh = solve(sizingDay(s));
                    assertThat(resized.costs().objectiveYen())
                            .as(solver + " " + s)
                            .isCloseTo(fresh.costs().objectiveYen(), within(1e-3));
                    assertThat(resized.costs().reserveRevenueYen())
                            .as(solver + " " + s)
                            .isCloseTo(fresh.costs().reserveRevenueYen(), within(1e-3));
                    for (int t = 0; t < 48; t++) {
                        assertThat(resized.chargeKw()[t]).isLessThanOrEqualTo(s.chargeKw() + 1e-6);
                        assertThat(resized.dischargeKw()[t]).isLessThanOrEqualTo(s.dischargeKw() + 1e-6);
                        assertThat(resized.storedKwh()[t]).isBetween(s.floorKwh() - 1e-6, s.maxKwh() + 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void resizeNeedsABatteryOnBothSides() {
        try (DispatchModel none = new DispatchModel(sizingDay(null), Solver.HIGHS, false);
                DispatchModel one =
                        new DispatchModel(sizingDay(Problems.battery(50, 100, 0.9, 0)), Solver.HIGHS, false)) {
            assertThatThrownBy(() -> none.resize(Problems.battery(50, 100, 0.9, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> one.resize(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A sunny day: PV surplus at noon, sold below the import price; a connection limit at dusk. */
    private static DispatchProblem sunnyDay(double importLimitKw) {
        int n = 48;
        double[] net = new double[n];
        double[] price = new double[n];
        double[] exportPrice = new double[n];
        double[] exportLimit = new double[n];
        for (int t = 0; t < n; t++) {
            net[t] = 120 + 40 * Math.sin((t - 30) * Math.PI / 24) - (t >= 18 && t < 32 ? 200 : 0);
            price[t] = t < 14 ? 12 : t < 34 ? 22 : 30;
            exportPrice[t] = 8;
            exportLimit[t] = Math.max(0, -net[t]);
        }
        return new DispatchProblem(
                0,
                Problems.HALF_HOUR,
                net,
                price,
                exportPrice,
                exportLimit,
                importLimitKw,
                Problems.battery(60, 150, 0.92, 30),
                Problems.optimisedContract(n, 800),
                null);
    }

    @Test
    void theReducedModelHasTheOptimumOfTheGeneralOne() {
        // The model for one problem leaves out fixed-zero exports and import bounds that cannot bind;
        // the reusable model keeps them all. Same LP, same optimum.
        for (double limit : new double[] {Double.POSITIVE_INFINITY, 175}) {
            DispatchProblem p = sunnyDay(limit);
            DispatchSolution reduced = solve(p);
            DispatchSolution general;
            try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, true)) {
                general = m.solve();
            }
            assertThat(reduced.lpObjectiveValue())
                    .isCloseTo(general.lpObjectiveValue(), within(1e-9 * Math.abs(general.lpObjectiveValue())));
            assertThat(reduced.lpObjectiveValue() * 1000 + reduced.lpConstantYen())
                    .isCloseTo(reduced.costs().objectiveYen(), within(1e-6));
            for (int t = 0; t < p.periods(); t++) {
                // The import is the balance of load, battery and export, within its bounds.
                assertThat(reduced.importKw()[t])
                        .isCloseTo(
                                p.netLoadKw()[t]
                                        + reduced.chargeKw()[t]
                                        - reduced.dischargeKw()[t]
                                        + reduced.exportKw()[t],
                                within(1e-9));
                assertThat(reduced.importKw()[t]).isBetween(-1e-6, limit + 1e-6);
                assertThat(reduced.exportKw()[t]).isBetween(-1e-6, p.exportLimitKw()[t] + 1e-6);
            }
            assertThat(reduced.costs().exportRevenueYen()).isGreaterThan(0);
        }
    }

    @Test
    void onlyPeriodsThatMayExportHaveAnExportColumn() {
        DispatchProblem p = sunnyDay(Double.POSITIVE_INFINITY);
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            String mps = m.mps();
            for (int t = 0; t < p.periods(); t++) {
                assertThat(mps.contains("export_" + t + " ")).as("export_" + t).isEqualTo(p.exportLimitKw()[t] > 0);
            }
        }
    }

    @Test
    void aModelForOneProblemRefusesAnUpdateThatWouldExport() {
        DispatchProblem day = sunnyDay(Double.POSITIVE_INFINITY);
        DispatchProblem cloudy = new DispatchProblem(
                0,
                day.periodMs(),
                Problems.constant(48, 100),
                day.importYenPerKwh(),
                day.exportYenPerKwh(),
                new double[48],
                day.importLimitKw(),
                day.storage(),
                day.demand(),
                null);
        try (DispatchModel m = new DispatchModel(cloudy, Solver.HIGHS, false)) {
            m.solve();
            assertThatThrownBy(() -> m.update(day))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reusable");
        }
    }

    @Test
    void aSiteWithoutBatteryOrDemandChargeIsPricedByEverySolver() {
        // Nothing to decide but the surplus export: a model without battery rows (CLP needs one row).
        DispatchProblem day = sunnyDay(Double.POSITIVE_INFINITY);
        DispatchProblem bare = new DispatchProblem(
                0,
                day.periodMs(),
                day.netLoadKw(),
                day.importYenPerKwh(),
                day.exportYenPerKwh(),
                day.exportLimitKw(),
                day.importLimitKw(),
                null,
                null,
                null);
        double energy = 0;
        double exported = 0;
        for (int t = 0; t < bare.periods(); t++) {
            energy += Math.max(0, bare.netLoadKw()[t]) * 0.5 * bare.importYenPerKwh()[t];
            exported += Math.max(0, -bare.netLoadKw()[t]) * 0.5 * bare.exportYenPerKwh()[t];
        }
        for (Solver solver : new Solver[] {Solver.HIGHS, Solver.CLP}) {
            try (DispatchModel m = new DispatchModel(bare, solver, false)) {
                DispatchSolution s = m.solve();
                assertThat(s.lpObjectiveValue() * 1000 + s.lpConstantYen())
                        .as(solver.id())
                        .isCloseTo(energy - exported, within(1e-6));
            }
        }
        DispatchProblem nothing = Problems.of(Problems.constant(4, 100), Problems.constant(4, 20), null, null, null);
        for (Solver solver : new Solver[] {Solver.HIGHS, Solver.CLP}) {
            try (DispatchModel m = new DispatchModel(nothing, solver, false)) {
                assertThat(m.solve().costs().energyCostYen())
                        .as(solver.id())
                        .isCloseTo(4 * 100 * 0.5 * 20, within(1e-9));
            }
        }
    }

    @Test
    void storedEnergyInBlocksHasTheOptimumOfAColumnPerPeriod() {
        // The energy chain in blocks (stored energy a row within a block) is the same LP as a stored
        // energy column per period, with a reserve market holding energy too.
        double[] price = new double[96];
        double[] load = new double[96];
        for (int t = 0; t < 96; t++) {
            price[t] = 15 + 10 * Math.sin(t * 2 * Math.PI / 48) + (t % 7);
            load[t] = 300 + 80 * Math.sin(t * 2 * Math.PI / 48 + 1);
        }
        ReserveMarket primary = new ReserveMarket("primary", Problems.constant(96, 4), 1, 6, 40);
        DispatchProblem p = Problems.of(
                load, price, Problems.battery(100, 250, 0.93, 120), Problems.optimisedContract(96, 500), primary);
        DispatchSolution perPeriod;
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false, 1)) {
            perPeriod = m.solve();
        }
        for (int block : new int[] {2, 4, 7, 96}) {
            try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false, block)) {
                DispatchSolution s = m.solve();
                assertThat(s.lpObjectiveValue())
                        .as("block " + block)
                        .isCloseTo(perPeriod.lpObjectiveValue(), within(1e-9 * Math.abs(perPeriod.lpObjectiveValue())));
                double stored = 120;
                for (int t = 0; t < 96; t++) {
                    stored += 0.5 * (0.93 * s.chargeKw()[t] - s.dischargeKw()[t] / 0.93);
                    assertThat(s.storedKwh()[t]).isCloseTo(stored, within(1e-6)).isBetween(-1e-6, 250 + 1e-6);
                    assertThat(s.storedKwh()[t]).isGreaterThanOrEqualTo(s.reserveKw()[t] / 0.93 - 1e-6);
                }
            }
        }
    }
}
