package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ControllerStackTest.Narrow;
import dev.chikuden.control.ControllerStackTest.Prefer;
import org.junit.jupiter.api.Test;

class ManualSetpointTest {
    final ManualSetpoint manual = new ManualSetpoint();

    @Test
    void appliesUntilItExpiresThenClearsItself() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), manual, new Prefer("lower", 100));
        manual.set(300, h.nowMs() + 10_000);
        for (int i = 0; i < 10; i++) {
            assertThat(h.when(1000)).isCloseTo(300, offset(1e-9)); // the lower layer cannot move it
        }
        assertThat(h.binding()).isEqualTo("manual");
        assertThat(h.when(1000)).isCloseTo(100, offset(1e-9)); // 10 s later: expired
        assertThat(manual.isSet()).isFalse();
    }

    @Test
    void clearEndsItAtOnce() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), manual);
        manual.set(-200, Long.MAX_VALUE);
        assertThat(h.when(1000)).isCloseTo(-200, offset(1e-9));
        manual.set(150, Long.MAX_VALUE); // a new setpoint replaces the old
        assertThat(h.when(1000)).isCloseTo(150, offset(1e-9));
        manual.clear();
        assertThat(h.when(1000)).isZero();
        assertThat(manual.isSet()).isFalse();
    }

    @Test
    void aHigherLayerStillWins() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new Narrow("cap", -100, 100), manual);
        manual.set(-300, Long.MAX_VALUE);
        assertThat(h.when(1000)).isCloseTo(-100, offset(1e-9));
    }

    @Test
    void tellsWhatItHolds() {
        assertThat(manual.held()).isNull();
        manual.set(-120, 5_000);
        assertThat(manual.held()).isEqualTo(new ManualSetpoint.Setpoint(-120, 5_000));
        manual.clear();
        assertThat(manual.held()).isNull();
    }

    @Test
    void refusesANonFinitePower() {
        assertThatThrownBy(() -> manual.set(Double.NaN, Long.MAX_VALUE)).hasMessageContaining("kw");
    }
}
