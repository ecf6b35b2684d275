package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import dev.chikuden.optimize.PriceForecast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a horizon is cut from a study of three days of 30-minute periods, the first day in month 0. */
class HorizonTest {
    static final int HALF_HOURS_A_DAY = 48;

    static final int N = 144;
    static final Storage BATTERY = new Storage(100, 100, 0.9, 0.9, 50, 450, 250, 250, 0);

    /** Net load {@code t} and import price {@code 1000 + t} in period {@code t}; exports not sold. */
    static DispatchProblem study(ContractMode mode) {
        double[] net = new double[N];
        double[] price = new double[N];
        double[] exportLimit = new double[N];
        int[] month = new int[N];
        for (int t = 0; t < N; t++) {
            net[t] = t;
            price[t] = 1000 + t;
            month[t] = t < 48 ? 0 : 1;
        }
        DemandCharge demand =
                new DemandCharge(1, month, new double[] {10, 20}, new double[] {30, 40}, mode, 500, new double[2]);
        return new DispatchProblem(
                0, 1_800_000, net, price, new double[N], exportLimit, Double.POSITIVE_INFINITY, BATTERY, demand, null);
    }

    /** Past the end: no load, no export, and a price that no kWh inside is worth (1,143 yen + 120 on demand). */
    @Test
    void pastTheEndTheHorizonIsIdleAndTooDearToMoveEnergyInto() {
        DispatchProblem p =
                new Horizon(study(ContractMode.FIXED), 48).at(120, Forecaster.perfect(), 250, new double[] {0, 0});
        assertThat(p.startEpochMs()).isEqualTo(120 * 1_800_000L);
        for (int i = 0; i < 48; i++) {
            assertThat(p.netLoadKw()[i]).isEqualTo(i < 24 ? 120 + i : 0);
            assertThat(p.importYenPerKwh()[i]).isEqualTo(i < 24 ? 1120 + i : 1143 + (20 + 40) / 0.5 + 1);
            assertThat(p.exportLimitKw()[i]).isZero();
        }
        assertThat(p.demand().monthOfPeriod()).containsOnly(0);
        assertThat(p.reserves()).isEmpty();
    }

    @Test
    void theForecastCoversOnlyTheStudy() {
        double[] seen = new double[2];
        Forecaster marking = (truth, first, out, count) -> {
            seen[0] = first;
            seen[1] = count;
            Arrays.fill(out, 0, count, -1);
        };
        DispatchProblem p = new Horizon(study(ContractMode.FIXED), 48).at(130, marking, 250, new double[2]);
        assertThat(seen).containsExactly(130, 14);
        assertThat(p.netLoadKw()[13]).isEqualTo(-1);
        assertThat(p.netLoadKw()[14]).isZero();
    }

    @Test
    void aMonthCountsWhenTheHorizonReachesItAndOnlyRaisingItsPeakCosts() {
        Horizon h = new Horizon(study(ContractMode.FIXED), 48);
        DemandCharge both =
                h.at(40, Forecaster.perfect(), 250, new double[] {700, 0}).demand();
        assertThat(both.monthOfPeriod()[7]).isZero();
        assertThat(both.monthOfPeriod()[8]).isEqualTo(1);
        assertThat(both.basicYenPerKwMonth()).containsExactly(10, 20);
        assertThat(both.excessYenPerKw()).containsExactly(30, 40);
        assertThat(both.peakFloorKw()).containsExactly(700, 0);
        assertThat(both.mode()).isEqualTo(ContractMode.FIXED);
        assertThat(both.contractKw()).isEqualTo(500);
        DemandCharge one =
                h.at(60, Forecaster.perfect(), 250, new double[] {700, 600}).demand();
        assertThat(one.basicYenPerKwMonth()).containsExactly(20, 0);
        assertThat(one.peakFloorKw()).containsExactly(600, 0);
    }

    @Test
    void aRatchetStartsFromThePeaksOfTheMonthsBefore() {
        Horizon h = new Horizon(study(ContractMode.RATCHET), 48);
        assertThat(h.at(60, Forecaster.perfect(), 250, new double[] {700, 600})
                        .demand()
                        .ratchetFloorKw()[0])
                .isEqualTo(700);
        assertThat(h.at(60, Forecaster.perfect(), 250, new double[] {300, 600})
                        .demand()
                        .ratchetFloorKw()[0])
                .isEqualTo(500);
    }

    /**
     * Thirteen one-period months, a history of 900 kW before the study in the windows of its first
     * 11 months: each month of a horizon keeps the history and the study's peaks of its own 12
     * months, and a month 12 months back drops out.
     */
    @Test
    void aRatchetsMonthsLeaveTheWindowAfterTwelve() {
        int months = 13;
        int[] month = new int[months];
        double[] history = new double[months];
        double[] peaks = new double[months];
        for (int m = 0; m < months; m++) {
            month[m] = m;
            history[m] = m < 11 ? 900 : 0;
            peaks[m] = m == 0 ? 500 : 100;
        }
        DemandCharge demand = new DemandCharge(
                1,
                month,
                new double[months],
                new double[months],
                ContractMode.RATCHET,
                0,
                new double[months],
                false,
                history);
        DispatchProblem study = new DispatchProblem(
                0,
                1_800_000,
                new double[months],
                new double[months],
                new double[months],
                new double[months],
                Double.POSITIVE_INFINITY,
                BATTERY,
                demand,
                null);
        Horizon h = new Horizon(study, 2);
        assertThat(h.at(5, Forecaster.perfect(), 250, peaks).demand().ratchetFloorKw())
                .containsExactly(900, 900);
        assertThat(h.at(10, Forecaster.perfect(), 250, peaks).demand().ratchetFloorKw())
                .containsExactly(900, 500);
        assertThat(h.at(11, Forecaster.perfect(), 250, peaks).demand().ratchetFloorKw())
                .as("month 0's 500 kW counts in month 11, not in month 12")
                .containsExactly(500, 100);
    }

    /**
     * grid.contract: auto signs one contract for the study at its largest peak: in month 1 a kW above
     * the 700 kW reached in month 0 costs both months' basic charge, 10 + 20.
     */
    @Test
    void anAutoContractPricesAKwAboveTheLargestPeakSoFarAtEveryMonthsBasicCharge() {
        DemandCharge auto = new Horizon(study(ContractMode.OPTIMISED), 48)
                .at(60, Forecaster.perfect(), 250, new double[] {700, 600})
                .demand();
        assertThat(auto.mode()).isEqualTo(ContractMode.OPTIMISED);
        assertThat(auto.basicYenPerKwMonth()).containsExactly(30, 0);
        assertThat(auto.peakFloorKw()).containsExactly(700, 700);
    }

    @Test
    void theBatteryStartsFromItsStateInsideTheWindowAndAimsOnlyAsHighAsItCanReach() {
        Horizon h = new Horizon(study(ContractMode.FIXED), 2);
        Storage low = h.at(0, Forecaster.perfect(), 10, new double[2]).storage();
        assertThat(low.initialKwh()).isEqualTo(50); // below the floor: held at it
        // two half-hours at 100 kW, 90 % in: 90 kWh more at most, short of the 250 kWh target
        assertThat(low.terminalMinKwh()).isCloseTo(140, offset(1e-9));
        Storage full = h.at(0, Forecaster.perfect(), 999, new double[2]).storage();
        assertThat(full.initialKwh()).isEqualTo(450);
        assertThat(full.terminalMinKwh()).isEqualTo(250);
    }

    @Test
    void withoutASaleOnlyTheForecastSurplusMayFlowOut() {
        Forecaster surplus = (truth, first, out, count) -> Arrays.fill(out, 0, count, -30);
        DispatchProblem p = new Horizon(study(ContractMode.FIXED), 4).at(0, surplus, 250, new double[2]);
        assertThat(p.exportLimitKw()).containsOnly(30);
    }

    /**
     * One product offered under two delivery periods' rules, the second from day 8: a plan on day 8
     * forecasts the new period's prices from the old period's a week before (seasonal naive), as a
     * trader would, not from the nothing the new period has cleared yet.
     */
    @Test
    void aProductKeepsItsPriceHistoryAcrossAChangeOfRules() {
        int n = 14 * HALF_HOURS_A_DAY;
        int change = 7 * HALF_HOURS_A_DAY;
        double[] oldPrice = new double[n];
        double[] newPrice = new double[n];
        double[] oldMax = new double[n];
        double[] newMax = new double[n];
        for (int t = 0; t < n; t++) {
            boolean before = t < change;
            (before ? oldPrice : newPrice)[t] = 10 + t % HALF_HOURS_A_DAY;
            (before ? oldMax : newMax)[t] = 500;
        }
        List<ReserveMarket> reserves = List.of(
                new ReserveMarket("primary", "balancing", oldPrice, 0.1, 6, oldMax, 0, new double[n]),
                new ReserveMarket("primary", "balancing", newPrice, 0.1, 1, newMax, 0, new double[n]));
        double[] unlimited = new double[n];
        Arrays.fill(unlimited, Double.POSITIVE_INFINITY);
        DispatchProblem truth = new DispatchProblem(
                0,
                1_800_000,
                new double[n],
                new double[n],
                new double[n],
                unlimited,
                Double.POSITIVE_INFINITY,
                new Storage(1000, 1000, 0.95, 0.95, 100, 2000, 1000, 1000, 0),
                null,
                reserves,
                new double[n],
                null,
                Double.POSITIVE_INFINITY);
        Horizon h = new Horizon(truth, 2 * HALF_HOURS_A_DAY, PriceForecast.SEASONAL_NAIVE);
        DispatchProblem cut = h.at(change, Forecaster.perfect(), 1000, null, n, null);
        double[] forecast = cut.reserves().get(1).priceYenPerKwH();
        for (int i = 0; i < 2 * HALF_HOURS_A_DAY; i++) {
            assertThat(forecast[i]).as("period " + i).isEqualTo(10 + i % HALF_HOURS_A_DAY);
        }
        assertThat(cut.reserves().get(1).maxKw()[0]).isEqualTo(500);
        assertThat(cut.reserves().get(0).maxKw()[0])
                .as("the old rules no longer offer")
                .isZero();
    }
}
