package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.ems.cycle.EmsState;
import org.junit.jupiter.api.Test;

class ShutdownTest {
    @Test
    void closeWritesTheSafeSetpointToEveryUnitAndClosesEverything() {
        Rig rig = FailSafeTest.rig(1, 40);
        rig.steps(3);
        assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(150, offset(1e-9));
        rig.runtime.close();
        assertThat(rig.runtime.state()).isEqualTo(EmsState.STOPPED);
        assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(30, offset(1e-9)); // 40 kW by headroom 3 : 1
        assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(10, offset(1e-9));
        assertThat(rig.unit(0).closed).isTrue();
        assertThat(rig.unit(1).closed).isTrue();
        assertThat(rig.site.meter.closed).isTrue();
        assertThat(rig.store.closed).isTrue();

        int writes = rig.unit(0).writeCount();
        rig.runtime.close(); // idempotent
        assertThat(rig.unit(0).writeCount()).isEqualTo(writes);
        assertThat(rig.runtime.state()).isEqualTo(EmsState.STOPPED);
        assertThatThrownBy(rig.runtime::step).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(rig.runtime::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCycleHungAtShutdownNeverOverridesTheSafeSetpointAfterwards() throws Exception {
        Rig rig = FailSafeTest.rig(1, 0);
        rig.steps(2);
        rig.unit(1).reads = FakeBess.Reads.HANG;
        Thread cycle = new Thread(rig.runtime::step, "test-cycle");
        cycle.start();
        assertThat(rig.unit(1).hangEntered.await(10, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        rig.runtime.close();
        assertThat(rig.unit(0).lastWrittenKw()).isZero();
        int writes = rig.unit(0).writeCount();
        rig.unit(1).hangRelease.countDown(); // the hung cycle goes on, with a decision made before the shutdown
        cycle.join(10_000);
        assertThat(cycle.isAlive()).isFalse();
        assertThat(rig.unit(0).writeCount()).isEqualTo(writes);
        assertThat(rig.runtime.state()).isEqualTo(EmsState.STOPPED);
    }

    @Test
    void aUnitThatStoppedAnsweringIsStillToldToStop() {
        Rig rig = FailSafeTest.rig(3, 40);
        rig.steps(2);
        rig.unit(1).reads = FakeBess.Reads.SILENT;
        rig.step();
        rig.runtime.close();
        // its limits are unknown: it gets 0 and the other carries the safe setpoint
        assertThat(rig.unit(1).lastWrittenKw()).isZero();
        assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(40, offset(1e-9));
    }
}
