package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

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
