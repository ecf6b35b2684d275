package dev.chikuden.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.Battery;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.control.Controller;
import dev.chikuden.control.PeakShavingController;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.HalfHourDemand;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SimulationEngineTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final long T0 = Instant.parse("2025-07-01T00:00:00Z").toEpochMilli(); // 09:00 JST

    static Profile series(double... kw) {
        return (first, out, count) -> System.arraycopy(kw, (int) first, out, 0, count);
    }

    /**
     * Hand computation. 10-minute steps, load 100 / 180 / 140 / 100 / 100 / 100 kW, no PV; battery 1
     * MWh, 50 kW, lossless, starting at 50 %; shave above 120, recharge below 110. Battery: -10
     * (100 < 110 recharges), +50 (180 -> 130, the power limit binds), +20, -10, -10, -10.
     * Grid: 110, 130, 120, 110, 110, 110. Slots (JST 09:00, 09:30): (110 + 130 + 120) / 3 = 120 and 110.
     */
    @Test
    void peakDemandMatchesAHandComputation() {
        TimeGrid grid = new TimeGrid(T0, 600_000, 6, TOKYO);
        BatterySystem battery = new BatterySystem(BatteryParameters.reservoir("b", 1000, 50, 50, 1, 1, 0, 1, 0.5, 0));
        RecordingSink rec = new RecordingSink();
        SimulationResult r = new SimulationEngine(
                        grid,
                        series(100, 180, 140, 100, 100, 100),
                        Profile.ZERO,
                        battery,
                        new PeakShavingController(120, 110),
                        60)
                .run(List.of(rec));
        assertThat(rec.battery).containsExactly(new double[] {-10, 50, 20, -10, -10, -10}, offset(1e-9));
        assertThat(rec.grid).containsExactly(new double[] {110, 130, 120, 110, 110, 110}, offset(1e-9));
        assertThat(r.gridKpis().peakDemand30minKw()).isCloseTo(120, offset(1e-9));
        assertThat(r.gridKpis().peakDemandSlotEpochMs()).isEqualTo(T0);
        assertThat(r.gridKpis().peakGridKw()).isCloseTo(130, offset(1e-9));
        assertThat(r.gridKpis().energyImportedKwh()).isCloseTo((110 + 130 + 120 + 110 * 3) / 6.0, offset(1e-9));
        // ramps over one 600 s step: +20 then -10 kW per step
        assertThat(r.gridKpis().maxRampUpKwPerS()).isCloseTo(20.0 / 600, offset(1e-12));
        assertThat(r.gridKpis().maxRampDownKwPerS()).isCloseTo(10.0 / 600, offset(1e-12));
        assertThat(r.socMin()).isCloseTo((500 + 10.0 / 6 - 50.0 / 6 - 20.0 / 6) / 1000, offset(1e-12));
        // the same figure from the series function, independently
        FixedStepSeries demand = HalfHourDemand.of(new FixedStepSeries(T0, 600_000, rec.grid), TOKYO);
        assertThat(demand.values()).containsExactly(new double[] {120, 110}, offset(1e-9));
    }

    @Test
    void subSecondRampsAreMeasuredOverOneSecond() {
        // 100 ms steps; a 10 kW step up at step 5 (after 0.5 s): over 1 s the rise is 10 kW -> 10 kW/s
        double[] kw = new double[30];
        for (int i = 5; i < 30; i++) {
            kw[i] = 10;
        }
        TimeGrid grid = new TimeGrid(T0, 100, kw.length, TOKYO);
        SimulationResult r =
                new SimulationEngine(grid, series(kw), Profile.ZERO, Battery.NONE, Controller.IDLE, 60).run(List.of());
        assertThat(r.gridKpis().maxRampUpKwPerS()).isCloseTo(10, offset(1e-12));
        assertThat(r.gridKpis().maxRampDownKwPerS()).isZero();
    }

    /**
     * Conservation over a run, for random loads and batteries: the site balance holds each step,
     * the battery's accounts close to 1e-9, SOC never leaves its window, and chunking changes nothing.
     */
    @Property(tries = 300)
    void energyIsConservedAndSocStaysInItsWindow(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 5000) int steps,
            @ForAll @IntRange(min = 100, max = 900_000) int stepMs,
            @ForAll @DoubleRange(min = 0.1, max = 3) double cRate,
            @ForAll @DoubleRange(min = 0.6, max = 1) double eta,
            @ForAll @DoubleRange(min = 0, max = 0.4) double socMin,
            @ForAll @DoubleRange(min = 0.6, max = 1) double socMax,
            @ForAll @DoubleRange(min = 0, max = 50) double auxKw,
            @ForAll @IntRange(min = 1, max = 9000) int chunk) {
        double[] load = randomWalk(seed, steps, 1000);
        double[] pv = randomWalk(seed + 1, steps, 300);
        TimeGrid grid = new TimeGrid(T0, stepMs, steps, TOKYO);
        BatteryParameters p = BatteryParameters.reservoir(
                "b", 2000, 2000 * cRate, 2000 * cRate, eta, eta * 0.98, socMin, socMax, (socMin + socMax) / 2, auxKw);
        RecordingSink a = new RecordingSink();
        SimulationResult r = new SimulationEngine(
                        grid,
                        series(load),
                        series(pv),
                        new BatterySystem(p),
                        new PeakShavingController(1000, 800),
                        60,
                        chunk)
                .run(List.of(a));

        double stepH = stepMs / 3_600_000.0;
        double batteryOutKwh = 0;
        for (int i = 0; i < steps; i++) {
            assertThat(a.grid[i]).isCloseTo(a.load[i] - a.pv[i] - a.battery[i], offset(1e-9));
            assertThat(a.soc[i]).isBetween(socMin - 1e-12, socMax + 1e-12);
            assertThat(a.battery[i]).isBetween(-p.chargePowerKw() - auxKw - 1e-9, p.dischargePowerKw() - auxKw + 1e-9);
            batteryOutKwh += a.battery[i] * stepH;
        }
        BatteryLedger l = r.battery();
        double scale = Math.max(1, l.throughputKwh() + l.auxiliaryKwh());
        // energy in (AC charged + auxiliaries) = energy out (AC discharged) + losses + change in stored energy
        assertThat(l.acChargedKwh() + l.auxiliaryKwh())
                .isCloseTo(
                        l.acDischargedKwh() + l.lossesKwh() + (l.storedEndKwh() - l.storedStartKwh()),
                        offset(1e-9 * scale));
        assertThat(-batteryOutKwh)
                .isCloseTo(l.acChargedKwh() + l.auxiliaryKwh() - l.acDischargedKwh(), offset(1e-9 * scale));

        // a run in one big chunk gives the same steps
        RecordingSink b = new RecordingSink();
        new SimulationEngine(
                        grid,
                        series(load),
                        series(pv),
                        new BatterySystem(p),
                        new PeakShavingController(1000, 800),
                        60,
                        9000)
                .run(List.of(b));
        assertThat(b.grid).containsExactly(a.grid);
    }

    @Test
    void theSitesEnergyBalanceClosesOverAYearOfHours() {
        int steps = 8760;
        double[] load = randomWalk(42, steps, 5000);
        TimeGrid grid = new TimeGrid(T0, 3_600_000, steps, TOKYO);
        BatterySystem b =
                new BatterySystem(BatteryParameters.reservoir("b", 8000, 2000, 2000, 0.95, 0.95, 0.05, 0.95, 0.5, 10));
        RecordingSink rec = new RecordingSink();
        SimulationResult r = new SimulationEngine(
                        grid, series(load), Profile.ZERO, b, new PeakShavingController(5200, 4800), 60)
                .run(List.of(rec));
        double loadKwh = 0;
        for (double x : load) {
            loadKwh += x;
        }
        BatteryLedger l = r.battery();
        // imported - exported = load + battery net intake
        double intake = l.acChargedKwh() + l.auxiliaryKwh() - l.acDischargedKwh();
        assertThat(r.gridKpis().energyImportedKwh() - r.gridKpis().energyExportedKwh())
                .isCloseTo(loadKwh + intake, offset(1e-9 * loadKwh));
        assertThat(l.equivalentFullCycles()).isGreaterThan(1);
    }

    /** A bounded random walk around {@code level}, deterministic in the seed. */
    static double[] randomWalk(long seed, int n, double level) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] out = new double[n];
        double x = level;
        for (int i = 0; i < n; i++) {
            x += rnd.nextGaussian() * level * 0.05;
            x = Math.max(0, Math.min(2 * level, x));
            out[i] = x;
        }
        return out;
    }
}
