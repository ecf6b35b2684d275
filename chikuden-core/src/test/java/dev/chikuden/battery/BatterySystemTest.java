package dev.chikuden.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BatterySystemTest {
    static BatteryParameters params(double aux) {
        // 1 MWh, 500 kW, 90 % / 80 % one-way, window 10..90 %, start 50 %
        return BatteryParameters.reservoir("b", 1000, 500, 500, 0.9, 0.8, 0.1, 0.9, 0.5, aux);
    }

    @Test
    void powerIsLimitedToTheRating() {
        BatterySystem b = new BatterySystem(params(0));
        assertThat(b.apply(2000, 60)).isEqualTo(500);
        assertThat(b.apply(-2000, 60)).isEqualTo(-500);
    }

    @Test
    void chargingStoresThroughTheChargeEfficiency() {
        BatterySystem b = new BatterySystem(params(0));
        b.apply(-100, 3600); // 100 kWh in at 90 % -> 90 kWh stored
        assertThat(b.storedEnergyKwh()).isCloseTo(590, offset(1e-9));
        assertThat(b.ledger().conversionLossKwh()).isCloseTo(10, offset(1e-9));
    }

    @Test
    void dischargingDrawsThroughTheDischargeEfficiency() {
        BatterySystem b = new BatterySystem(params(0));
        b.apply(100, 3600); // 100 kWh out at 80 % -> 125 kWh drawn
        assertThat(b.storedEnergyKwh()).isCloseTo(375, offset(1e-9));
        assertThat(b.ledger().conversionLossKwh()).isCloseTo(25, offset(1e-9));
    }

    @Test
    void theSocWindowStopsDischargeAndTheLastStepIsPartial() {
        BatterySystem b = new BatterySystem(params(0));
        // 400 kWh above the 10 % floor, 320 kWh deliverable at 80 %: 500 kW for 0.5 h = 250, then 70 left
        assertThat(b.apply(500, 1800)).isCloseTo(500, offset(1e-9));
        assertThat(b.maxDischargeKw(1800)).isCloseTo(140, offset(1e-9));
        assertThat(b.apply(500, 1800)).isCloseTo(140, offset(1e-9));
        assertThat(b.soc()).isCloseTo(0.1, offset(1e-12));
        assertThat(b.apply(500, 1800)).isEqualTo(0);
    }

    @Test
    void auxiliariesAreCoveredFromStorageUntilTheFloorThenFromTheBus() {
        BatterySystem b = new BatterySystem(BatteryParameters.reservoir("b", 100, 50, 50, 1, 1, 0.1, 0.9, 0.12, 1));
        // 2 kWh above the floor: 2 h of 1 kW auxiliaries keep the connection point at 0
        assertThat(b.apply(0, 3600)).isCloseTo(0, offset(1e-12));
        assertThat(b.apply(0, 3600)).isCloseTo(0, offset(1e-12));
        assertThat(b.apply(0, 3600)).isCloseTo(-1, offset(1e-12)); // at the floor: drawn from the site
        assertThat(b.ledger().auxiliaryKwh()).isCloseTo(3, offset(1e-12));
    }

    @Test
    void theAdvertisedLimitsAreExactlyWhatTheBatteryDelivers() {
        BatterySystem b = new BatterySystem(params(5));
        double up = b.maxDischargeKw(1);
        assertThat(b.apply(up, 1)).isCloseTo(up, offset(1e-9));
        double down = b.maxChargeKw(1);
        assertThat(b.apply(-down, 1)).isCloseTo(-down, offset(1e-9));
    }

    /** Safety and conservation for any parameters and any sequence of requests. */
    @Property(tries = 2000)
    void neverLeavesItsLimitsAndConservesEnergy(
            @ForAll @DoubleRange(min = 1, max = 1e6) double energyKwh,
            @ForAll @DoubleRange(min = 0.05, max = 4) double cRate,
            @ForAll @DoubleRange(min = 0.5, max = 1) double etaC,
            @ForAll @DoubleRange(min = 0.5, max = 1) double etaD,
            @ForAll @DoubleRange(min = 0, max = 0.45) double socMin,
            @ForAll @DoubleRange(min = 0.55, max = 1) double socMax,
            @ForAll @DoubleRange(min = 0, max = 1) double initialInWindow,
            @ForAll @DoubleRange(min = 0, max = 0.02) double auxFraction,
            @ForAll @IntRange(min = 100, max = 3_600_000) int stepMs,
            @ForAll @Size(min = 1, max = 200) double[] requestsInRatings) {
        double power = energyKwh * cRate;
        double initial = Math.min(socMax, socMin + initialInWindow * (socMax - socMin));
        double aux = power * auxFraction;
        BatterySystem b = new BatterySystem(
                BatteryParameters.reservoir("p", energyKwh, power, power, etaC, etaD, socMin, socMax, initial, aux));
        double stepS = stepMs / 1000.0;
        double netOutKwh = 0;
        for (double r : requestsInRatings) {
            double request = Double.isFinite(r) ? Math.max(-3, Math.min(3, r)) * power : 0;
            double got = b.apply(request, stepS);
            netOutKwh += got * stepS / 3600;
            assertThat(got).isBetween(-power - aux - 1e-9 * power, power - aux + 1e-9 * power);
            assertThat(b.soc()).isBetween(socMin - 1e-12, socMax + 1e-12);
        }
        BatteryLedger l = b.ledger();
        double scale = Math.max(1, l.throughputKwh() + l.auxiliaryKwh());
        // converter energy closes on stored energy
        assertThat(l.acChargedKwh() - l.acDischargedKwh() - l.conversionLossKwh())
                .isCloseTo(l.storedEndKwh() - l.storedStartKwh(), offset(1e-9 * scale));
        // what left at the connection point is what the converter delivered net of auxiliaries
        assertThat(netOutKwh)
                .isCloseTo(l.acDischargedKwh() - l.acChargedKwh() - l.auxiliaryKwh(), offset(1e-9 * scale));
        // the battery never creates energy: losses are never negative
        assertThat(l.conversionLossKwh()).isGreaterThanOrEqualTo(-1e-9 * scale);
    }
}
