package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ControlChain;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The fast loop in the EMS on a manual clock: the test interleaves the two loops as their slots
 * fall (a supervisory cycle every second, ten fast cycles between), against the fake site's
 * physics. A chain without latency, so the fast loop's model of the converter is exact and what it
 * estimates of the load is the fake site's truth.
 */
class FastLoopTest {
    static final ControlChain CHAIN = new ControlChain(1000, 100, ControlChain.FastHost.EMS, 0, 0, 0, 1e9);

    static Rig rig(StrategySpec strategy, double safeKw, LongToDoubleFunction load, int units, double soc) {
        List<dev.chikuden.battery.BatteryParameters> b = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            b.add(Rig.battery("bess-" + (i + 1), 1000, 500, soc));
        }
        SiteConfig site = Rig.site(strategy, b.toArray(new dev.chikuden.battery.BatteryParameters[0]))
                .withControl(CHAIN);
        return new Rig(site, Rig.ems(1000, 0, safeKw, 5000, site), load);
    }

    /** One supervisory cycle, then the ten fast cycles of its second; the grid power after each fast cycle's writes. */
    static List<Double> second(Rig rig) {
        rig.step();
        List<Double> grid = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            rig.runtime.stepFast();
            double batteryKw = 0;
            for (FakeBess u : rig.site.units) {
                batteryKw += u.setpointKw(); // a lossless unit within its limits delivers it from now on
            }
            grid.add(rig.site.loadKw() - batteryKw);
        }
        return grid;
    }

    static List<Long> writeTimes(FakeBess unit) {
        List<Long> out = new ArrayList<>();
        for (FakeBess.Write w : unit.writes) {
            out.add(w.epochMs() - Rig.T0);
        }
        return out;
    }

    @Test
    void theFastLoopWritesEveryHundredMillisecondsBetweenOneSecondSupervisoryCycles() {
        // a job fails at 1.05 s: 1000 kW -> 500 kW; the absorber holds the grid's fall to 50 kW/s
        try (Rig rig = rig(
                new StrategySpec.Stack(Double.POSITIVE_INFINITY, List.of(new StrategySpec.LoadDropAbsorber(50))),
                0,
                t -> t - Rig.T0 < 1050 ? 1000 : 500,
                1,
                0.5)) {
            List<Double> grid = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                grid.addAll(second(rig));
            }
            assertThat(rig.snapshots).extracting(c -> c.epochMs() - Rig.T0).containsExactly(0L, 1000L, 2000L);
            assertThat(rig.snapshots).allSatisfy(c -> assertThat(c.state()).isEqualTo(EmsState.RUNNING));
            List<Long> every100 = new ArrayList<>();
            for (long t = 0; t < 3000; t += 100) {
                every100.add(t);
            }
            assertThat(writeTimes(rig.unit(0)))
                    .as("only the fast loop writes, once per 100 ms slot")
                    .isEqualTo(every100);
            for (int k = 1; k < grid.size(); k++) {
                assertThat(grid.get(k - 1) - grid.get(k))
                        .as("the grid's fall over fast cycle %d", k)
                        .isLessThanOrEqualTo(50 * 0.1 + 1e-6);
            }
            assertThat(grid.get(grid.size() - 1))
                    .as("handed over at 50 kW/s from 1.1 s")
                    .isCloseTo(1000 - 50 * 1.9, offset(1e-6));
            FastLoopStatus f = rig.runtime.fastLoop();
            assertThat(f.periodMs()).isEqualTo(100);
            assertThat(f.host()).isEqualTo("ems");
            assertThat(f.cycles()).isEqualTo(30);
            assertThat(f.commands()).isEqualTo(30);
            assertThat(f.meterMisses()).isZero();
            assertThat(f.overruns()).isZero();
            assertThat(f.latencyP99Ms()).isZero(); // the manual clock stands still while devices answer
            assertThat(f.lastBinding()).isEqualTo("load-drop-absorber");
            assertThat(rig.runtime.timing().cycles()).isEqualTo(3);
            CycleSnapshot last = rig.snapshots.get(2);
            assertThat(last.binding())
                    .as("the supervisory record shows the fast loop's binding")
                    .isEqualTo("load-drop-absorber");
        }
    }

    @Test
    void theFastCommandsStayInsideTheWindowTheSupervisoryPassHeld() {
        // SOC 30 %: below the backup reserve's level, which allows no discharge; the smoothing below it
        // would discharge into the load's rise at 2 s and charges into its fall at 4 s
        LongToDoubleFunction load = t -> t - Rig.T0 < 2000 ? 800 : t - Rig.T0 < 4000 ? 1000 : 600;
        StrategySpec.GridCodeSmoothing smoothing = new StrategySpec.GridCodeSmoothing(20, 10, 60, 0.3, 0.1, 4);
        double[] extremes = run(
                new StrategySpec.Stack(
                        Double.POSITIVE_INFINITY, List.of(new StrategySpec.BackupReserve(100, 2), smoothing)),
                load);
        assertThat(extremes[1]).as("no discharge past the reserve's bound").isLessThanOrEqualTo(1e-9);
        assertThat(extremes[0]).as("the fast loop charged into the fall").isLessThan(-100);
        double[] free = run(new StrategySpec.Stack(Double.POSITIVE_INFINITY, List.of(smoothing)), load);
        assertThat(free[1]).as("without the reserve the smoothing discharges").isGreaterThan(100);
    }

    /** Six seconds; the lowest and highest setpoint written. */
    private static double[] run(StrategySpec stack, LongToDoubleFunction load) {
        try (Rig rig = rig(stack, 0, load, 1, 0.3)) {
            for (int s = 0; s < 6; s++) {
                second(rig);
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (FakeBess.Write w : rig.unit(0).writes) {
                lo = Math.min(lo, w.kw());
                hi = Math.max(hi, w.kw());
            }
            assertThat(rig.runtime.fastLoop().commands()).isEqualTo(60);
            return new double[] {lo, hi};
        }
    }

    @Test
    void aMeterThatDoesNotAnswerMakesTheFastLoopHold() {
        try (Rig rig = rig(
                new StrategySpec.Stack(Double.POSITIVE_INFINITY, List.of(new StrategySpec.LoadDropAbsorber(50))),
                0,
                t -> 1000,
                1,
                0.5)) {
            second(rig);
            int written = rig.unit(0).writeCount();
            rig.site.meter.silent = true;
            for (int k = 0; k < 3; k++) {
                rig.runtime.stepFast();
            }
            assertThat(rig.unit(0).writeCount()).as("held: nothing written").isEqualTo(written);
            assertThat(rig.runtime.fastLoop().meterMisses()).isEqualTo(3);
            assertThat(rig.runtime.fastLoop().cycles()).isEqualTo(13);
            rig.site.meter.silent = false;
            rig.runtime.stepFast();
            assertThat(rig.unit(0).writeCount()).isEqualTo(written + 1);
        }
    }

    @Test
    void theSafeStateStopsTheFastLoopsWritesUntilTheSupervisoryCycleRunsAgain() {
        try (Rig rig = rig(
                new StrategySpec.Stack(Double.POSITIVE_INFINITY, List.of(new StrategySpec.LoadDropAbsorber(50))),
                20,
                t -> 1000,
                2,
                0.5)) {
            second(rig);
            rig.unit(1).reads = FakeBess.Reads.SILENT; // silent beyond silentCycles 0: safe
            CycleSnapshot safe = rig.step();
            assertThat(safe.state()).isEqualTo(EmsState.SAFE);
            assertThat(rig.unit(0).lastWrittenKw())
                    .as("the safe setpoint, all on the unit that answers")
                    .isCloseTo(20, offset(1e-9));
            int written0 = rig.unit(0).writeCount();
            int written1 = rig.unit(1).writeCount();
            for (int k = 0; k < 10; k++) {
                rig.runtime.stepFast();
            }
            assertThat(rig.unit(0).writeCount()).isEqualTo(written0);
            assertThat(rig.unit(1).writeCount()).isEqualTo(written1);
            assertThat(rig.runtime.fastLoop().commands()).isEqualTo(10);
            rig.unit(1).reads = FakeBess.Reads.ANSWER;
            assertThat(rig.step().state()).isEqualTo(EmsState.RUNNING);
            rig.runtime.stepFast();
            assertThat(rig.unit(0).writeCount()).isEqualTo(written0 + 1);
            assertThat(rig.unit(0).lastWrittenKw())
                    .as("the absorber asks nothing at a steady load")
                    .isZero();
        }
    }

    @Test
    void aFastWriteThatFailsIsTheSafeStateAtOnce() {
        try (Rig rig = rig(
                new StrategySpec.Stack(Double.POSITIVE_INFINITY, List.of(new StrategySpec.LoadDropAbsorber(50))),
                20,
                t -> 1000,
                2,
                0.5)) {
            second(rig);
            rig.unit(1).refuseWrites = true;
            rig.runtime.stepFast();
            assertThat(rig.runtime.state()).isEqualTo(EmsState.SAFE);
            assertThat(rig.runtime.alarms(false)).extracting(Alarm::code).containsExactly("write-failed");
            assertThat(rig.unit(0).lastWrittenKw())
                    .as("the safe setpoint, from the fast thread")
                    .isCloseTo(10, offset(1e-9));
            int written = rig.unit(0).writeCount();
            rig.runtime.stepFast();
            assertThat(rig.unit(0).writeCount()).isEqualTo(written);
        }
    }

    @Test
    void withoutAFastLayerOrWithThePlantHostingItThereIsOneCycle() {
        try (Rig rig = rig(new StrategySpec.PeakShaving(900, 700), 0, t -> 1000, 1, 0.5)) {
            assertThat(rig.runtime.fastLoop()).isNull();
            assertThatThrownBy(rig.runtime::stepFast).isInstanceOf(IllegalStateException.class);
            assertThat(rig.step().setpointKw())
                    .as("the one cycle decides and writes")
                    .isCloseTo(100, offset(1e-9));
            assertThat(rig.unit(0).writeCount()).isEqualTo(1);
        }
        StrategySpec absorber =
                new StrategySpec.Stack(Double.POSITIVE_INFINITY, List.of(new StrategySpec.LoadDropAbsorber(50)));
        SiteConfig plant = Rig.site(absorber, Rig.battery("bess-1", 1000, 500, 0.5))
                .withControl(new ControlChain(1000, 100, ControlChain.FastHost.DEVICE, 0, 0, 0, 1e9));
        try (Rig rig = new Rig(plant, Rig.ems(1000, 0, 0, 5000, plant), t -> 1000)) {
            assertThat(rig.runtime.fastLoop()).isNull();
            rig.step();
            assertThat(rig.unit(0).writeCount()).isEqualTo(1);
        }
    }
}
