package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A controller that fails: the cycle goes safe with an alarm, and the loop survives even a bug. */
class ControlCycleTest {
    /** Prefers 100 kW; throws in {@code control} or {@code applied} when told to. */
    static final class Fragile implements ControlLayer {
        volatile boolean failControl;
        volatile boolean failApplied;

        @Override
        public String name() {
            return "fragile";
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            if (failControl) {
                throw new ArithmeticException("divided by a zero forecast");
            }
            window.prefer(100);
        }

        @Override
        public void applied(double batteryKw, Measurements m) {
            if (failApplied) {
                throw new IllegalStateException("a bug in applied");
            }
        }
    }

    final ManualClock clock = new ManualClock(Rig.T0);
    final FakeSite site = new FakeSite(clock, t -> 500, 1, List.of(Rig.battery("bess-1", 1000, 300, 0.5)));
    final AlarmLog alarms = new AlarmLog();
    final TimingWindow times = new TimingWindow(1000, 100);
    final Fragile fragile = new Fragile();
    final ControlCycle cycle = new ControlCycle(
            clock,
            1_000_000_000L,
            1,
            20,
            false,
            Rig.TOKYO,
            site.units,
            site.meter,
            new ControllerStack(List.of(fragile), Double.POSITIVE_INFINITY),
            alarms,
            new Watchdog(5_000_000_000L, alarms),
            times);

    @Test
    void aFailingStackPutsTheCycleInTheSafeStateWithAnAlarmUntilItWorksAgain() {
        assertThat(cycle.run(0).setpointKw()).isCloseTo(100, offset(1e-9));
        fragile.failControl = true;
        CycleSnapshot failed = cycle.run(0);
        assertThat(failed.state()).isEqualTo(EmsState.SAFE);
        assertThat(failed.binding()).isEqualTo("safe");
        assertThat(site.units.get(0).lastWrittenKw()).isCloseTo(20, offset(1e-9));
        assertThat(alarms.list(false)).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("controller-failed");
            assertThat(a.message()).contains("ArithmeticException: divided by a zero forecast");
        });
        fragile.failControl = false;
        CycleSnapshot back = cycle.run(0);
        assertThat(back.state()).isEqualTo(EmsState.RUNNING);
        assertThat(back.activeAlarms()).isZero();
    }

    @Test
    void aCycleThatThrowsRaisesAnAlarmGoesSafeAndTheLoopGoesOn() {
        AtomicInteger failsafes = new AtomicInteger();
        CycleLoop loop = new CycleLoop(clock, 1_000_000_000L, "cycle", cycle::run, times, alarms, () -> {
            failsafes.incrementAndGet();
            cycle.state(EmsState.SAFE);
        });
        fragile.failApplied = true;
        assertThat(loop.runOne()).isTrue();
        assertThat(failsafes.get()).isEqualTo(1);
        assertThat(cycle.state()).isEqualTo(EmsState.SAFE);
        assertThat(alarms.list(false)).extracting(Alarm::code).containsExactly("cycle-error");
        fragile.failApplied = false;
        assertThat(loop.runOne()).isTrue();
        assertThat(alarms.list(false)).isEmpty();
        assertThat(cycle.state()).isEqualTo(EmsState.RUNNING);
    }
}
