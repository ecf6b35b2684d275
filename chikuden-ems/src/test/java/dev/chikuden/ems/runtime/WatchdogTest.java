package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A device call that hangs instead of failing: the watchdog notices, goes safe and writes the safe setpoint. */
class WatchdogTest {
    @Test
    void aHungReadTripsTheWatchdogWhichWritesTheSafeSetpointItself() throws Exception {
        try (Rig rig = FailSafeTest.rig(1, 40)) {
            rig.steps(2);
            int unit0Writes = rig.unit(0).writeCount();
            rig.unit(1).reads = FakeBess.Reads.HANG;
            Thread cycle = new Thread(rig.runtime::step, "test-cycle");
            cycle.start();
            assertThat(rig.unit(1).hangEntered.await(10, TimeUnit.SECONDS)).isTrue();

            rig.runtime.checkWatchdog(); // the clock has not moved: not stuck yet
            assertThat(rig.runtime.alarms(false)).isEmpty();
            rig.clock.advanceMs(5001); // past the watchdog's 5000 ms
            rig.runtime.checkWatchdog();
            assertThat(rig.runtime.state()).isEqualTo(EmsState.SAFE);
            assertThat(rig.runtime.alarms(false)).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("cycle-stuck");
                assertThat(a.source()).isEqualTo("cycle");
                assertThat(a.message()).contains("cycle 3", "watchdog 5000 ms");
            });
            // 40 kW by discharge headroom 3 : 1, written by the watchdog while the cycle hangs
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(30, offset(1e-9));
            assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(10, offset(1e-9));
            assertThat(rig.unit(0).writeCount()).isEqualTo(unit0Writes + 1);
            rig.runtime.checkWatchdog(); // once per stuck cycle
            assertThat(rig.runtime.alarms(false)).hasSize(1);
            assertThat(rig.unit(0).writeCount()).isEqualTo(unit0Writes + 1);

            rig.unit(1).reads = FakeBess.Reads.ANSWER;
            rig.unit(1).hangRelease.countDown();
            cycle.join(10_000);
            assertThat(cycle.isAlive()).isFalse();
            CycleSnapshot stuck = rig.runtime.latest();
            assertThat(stuck.cycle()).isEqualTo(3);
            assertThat(stuck.state()).isEqualTo(EmsState.SAFE);
            assertThat(stuck.binding()).isEqualTo("safe");
            assertThat(rig.unit(0).writeCount())
                    .as("the stuck cycle's own decision is not written")
                    .isEqualTo(unit0Writes + 1);

            CycleSnapshot next = rig.step(); // completes in time: the alarm clears
            assertThat(next.state()).isEqualTo(EmsState.SAFE);
            assertThat(next.activeAlarms()).isZero();
            assertThat(rig.step().state()).isEqualTo(EmsState.RUNNING);
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(150, offset(1e-9));
        }
    }

    /** The real thing: the cycle and the watchdog on their own threads, on the system clock. */
    @Test
    void onItsOwnThreadsTheServiceCyclesAndItsWatchdogCatchesAHang() throws Exception {
        SiteConfig site = Rig.site(new StrategySpec.PeakShaving(900, 700), Rig.battery("bess-1", 1000, 300, 0.5));
        FakeSite fakes = new FakeSite(new ManualClock(Rig.T0), t -> 1100, 0.1, site.batteries());
        MemoryStore store = new MemoryStore();
        EmsRuntime runtime = new EmsRuntime(
                site, Rig.ems(100, 1, 0, 1000, site), fakes.units, fakes.meter, store, CycleClock.SYSTEM);
        CountDownLatch threeCycles = new CountDownLatch(3);
        String[] thread = new String[1];
        runtime.onCycle(s -> {
            thread[0] = Thread.currentThread().getName();
            threeCycles.countDown();
        });
        runtime.start();
        try {
            assertThat(threeCycles.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(thread[0]).isEqualTo("ems-cycle");
            assertThat(fakes.units.get(0).lastWrittenKw()).isCloseTo(200, offset(1e-9));

            fakes.units.get(0).reads = FakeBess.Reads.HANG;
            assertThat(eventually(() -> runtime.alarms(false).stream()
                            .anyMatch(a -> a.code().equals("cycle-stuck"))))
                    .isTrue();
            assertThat(runtime.state()).isEqualTo(EmsState.SAFE);
            assertThat(eventually(() -> fakes.units.get(0).lastWrittenKw() == 0))
                    .isTrue(); // from the failsafe thread

            fakes.units.get(0).reads = FakeBess.Reads.ANSWER;
            fakes.units.get(0).hangRelease.countDown();
            assertThat(eventually(() -> runtime.state() == EmsState.RUNNING
                            && runtime.alarms(false).isEmpty()))
                    .isTrue();
        } finally {
            runtime.close();
        }
        assertThat(runtime.state()).isEqualTo(EmsState.STOPPED);
        assertThat(fakes.units.get(0).lastWrittenKw()).isZero();
        assertThat(store.closed).isTrue();
    }

    /** Waits (up to 20 s, not a timing assertion) for a condition. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
