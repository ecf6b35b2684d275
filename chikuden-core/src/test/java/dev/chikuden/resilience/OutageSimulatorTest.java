package dev.chikuden.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutageSimulatorTest {
    private final OutageSimulator simulator = new OutageSimulator();

    static double[] constant(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    /** 20 kWh usable (25 stored above a 5 kWh floor) at 10 kW lasts 20/10 = 2 h, from any start. */
    @Test
    void constantLoadLastsUsableEnergyOverLoad() {
        OutageInputs in =
                new OutageInputs(0.5, constant(48, 25), 5, 30, constant(48, 10), new double[48], 50, 50, 1, 1, 48);
        double[] survived = simulator.simulate(in).survivedHours();
        assertThat(survived).hasSize(48).containsOnly(2.0);
    }

    /** Delivering 20 kWh through a one-way efficiency of 0.8 takes 25 kWh: 16 kWh reach the load, 1.6 h. */
    @Test
    void dischargeEfficiencyShortensSurvival() {
        OutageInputs in =
                new OutageInputs(0.5, constant(8, 20), 0, 20, constant(8, 10), new double[8], 50, 50, 0.8, 1, 48);
        assertThat(simulator.simulate(in).survivedHours()).containsOnly(new double[] {1.6}, within(1e-12));
    }

    @Test
    void aLoadAboveTheBatterysPowerIsLostAtOnce() {
        OutageInputs in =
                new OutageInputs(0.5, constant(8, 1000), 0, 1000, constant(8, 10), new double[8], 5, 5, 1, 1, 48);
        assertThat(simulator.simulate(in).survivedHours()).containsOnly(0.0);
    }

    /** 15 kWh at 10 kW with 1 h periods: the first hour takes 10 kWh, the 5 left cover half the second. */
    @Test
    void theLastPeriodCountsTheShareItsEnergyCovers() {
        OutageInputs in = new OutageInputs(1, constant(6, 15), 0, 20, constant(6, 10), new double[6], 50, 50, 1, 1, 48);
        assertThat(simulator.simulate(in).survivedHours()).containsOnly(1.5);
    }

    /**
     * Load 10 kW every hour, PV 20 kW in hour 1 only; the battery (0..20 kWh) takes at most 5 kW at
     * 0.8, so the surplus of 10 kW stores 5 x 0.8 = 4 kWh. Starting with 10 kWh:
     * start 0: hour 0 empties it, hour 1 stores 4, hour 2 needs 10: 1 + 1 + 4/10 = 2.4 h;
     * start 1 with 18 kWh: 18 + 4 stops at the 20 kWh ceiling, hours 2 and 3 take it, hour 0 (the
     * series wraps) finds it empty: 3 h (3.2 h without the ceiling);
     * start 2: hour 2 empties it, hour 3 finds nothing: 1 h; start 3 likewise: 1 h.
     */
    @Test
    void surplusPvRechargesUpToChargePowerAndCeiling() {
        OutageInputs in = new OutageInputs(
                1,
                new double[] {10, 18, 10, 10},
                0,
                20,
                constant(4, 10),
                new double[] {0, 20, 0, 0},
                50,
                5,
                1,
                0.8,
                48);
        assertThat(simulator.simulate(in).survivedHours())
                .containsExactly(new double[] {2.4, 3.0, 1.0, 1.0}, within(1e-12));
    }

    /**
     * PV 30 kW in hour 0 only, load 10 kW. From the last hour with 15 kWh: hour 3 leaves 5, the
     * outage wraps to hour 0, whose 20 kW surplus brings 25, hours 1 and 2 leave 5, and hour 3 half
     * of itself: 4.5 h. From hour 0 empty: 20 stored, then 1, 2, 3... 3 h; hours 1 and 2 empty: 0 h.
     */
    @Test
    void anOutageRunningPastTheEndWrapsToTheStart() {
        OutageInputs in = new OutageInputs(
                1, new double[] {0, 0, 0, 15}, 0, 100, constant(4, 10), new double[] {30, 0, 0, 0}, 50, 100, 1, 1, 48);
        assertThat(simulator.simulate(in).survivedHours())
                .containsExactly(new double[] {3.0, 0.0, 0.0, 4.5}, within(1e-12));
    }

    /** Enough to last for ever: every start reaches the cap, including a cap inside a period. */
    @Test
    void survivalIsCappedAtTheLongestOutageTried() {
        OutageInputs in =
                new OutageInputs(0.5, constant(4, 100), 0, 100, constant(4, 1), new double[4], 50, 50, 1, 1, 48);
        assertThat(simulator.simulate(in).survivedHours()).containsOnly(48.0);

        OutageInputs shortCap =
                new OutageInputs(0.5, constant(4, 100), 0, 100, constant(4, 1), new double[4], 50, 50, 1, 1, 1.25);
        assertThat(simulator.simulate(shortCap).survivedHours()).containsOnly(1.25);
    }

    /** 11 kWh at 10 kW is 1.1 h, inside the last, shortened period of a 1.25 h cap. */
    @Test
    void aCapInsideAPeriodStillCountsTheShareCovered() {
        OutageInputs in =
                new OutageInputs(0.5, constant(4, 11), 0, 100, constant(4, 10), new double[4], 50, 50, 1, 1, 1.25);
        assertThat(simulator.simulate(in).survivedHours()).containsOnly(new double[] {1.1}, within(1e-12));
    }

    /** A battery resting below the outage floor (a reserve above the dispatch's floor) holds nothing usable. */
    @Test
    void energyBelowTheFloorIsNotUsable() {
        OutageInputs in =
                new OutageInputs(1, new double[] {3, 8}, 5, 20, constant(2, 1), new double[2], 50, 50, 1, 1, 48);
        assertThat(simulator.simulate(in).survivedHours()).containsExactly(0.0, 3.0);
    }

    /** A year of half hours tried for 48 h outages: 17,520 x 96 steps, the battery never runs out. */
    @Test
    void aYearOfHalfHoursWithAnAmpleBatteryCarriesEveryOutage() {
        int periods = 17_520;
        double[] load = new double[periods];
        double[] pv = new double[periods];
        for (int t = 0; t < periods; t++) {
            double hour = (t % 48) / 2.0;
            load[t] = 100 + 20 * Math.sin(t * 0.01);
            pv[t] = hour >= 6 && hour < 18 ? 150 * Math.sin(Math.PI * (hour - 6) / 12) : 0;
        }
        OutageInputs in =
                new OutageInputs(0.5, constant(periods, 9_000), 500, 10_000, load, pv, 500, 500, 0.95, 0.95, 48);
        OutageResult result = simulator.simulate(in);
        assertThat(result.minSurvivedHours()).isEqualTo(48.0);
    }

    @Test
    void badInputsNameTheFieldAndTheValue() {
        assertThatThrownBy(
                        () -> new OutageInputs(0.5, new double[3], 0, 10, new double[2], new double[3], 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticalLoadKw has 2 values; expected 3");
        assertThatThrownBy(() -> new OutageInputs(
                        0.5, new double[2], 0, 10, new double[2], new double[] {0, Double.NaN}, 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pvKw of period 1 is NaN");
        assertThatThrownBy(() -> new OutageInputs(
                        0.5, new double[] {0, 11}, 0, 10, new double[2], new double[2], 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "storedKwhAtStart of period 1 is 11.0; expected a finite number from 0 to maxStoredKwh 10.0");
        assertThatThrownBy(
                        () -> new OutageInputs(0.5, new double[2], 0, 10, new double[2], new double[2], 1, 1, 0, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dischargeEfficiency 0.0 must be in (0, 1]");
        assertThatThrownBy(() ->
                        new OutageInputs(0.5, new double[2], 0, 10, new double[2], new double[2], 1, 1, 1, 1.2, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chargeEfficiency 1.2");
        assertThatThrownBy(
                        () -> new OutageInputs(0, new double[2], 0, 10, new double[2], new double[2], 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periodHours 0.0");
        assertThatThrownBy(
                        () -> new OutageInputs(0.5, new double[2], 5, 4, new double[2], new double[2], 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxStoredKwh 4.0 is below minStoredKwh 5.0");
        assertThatThrownBy(
                        () -> new OutageInputs(0.5, new double[0], 0, 10, new double[0], new double[0], 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("storedKwhAtStart is missing or empty");
        assertThatThrownBy(() -> new OutageInputs(
                        0.5, new double[2], 0, 10, new double[] {-1, 0}, new double[2], 1, 1, 1, 1, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticalLoadKw of period 0 is -1.0");
    }
}
