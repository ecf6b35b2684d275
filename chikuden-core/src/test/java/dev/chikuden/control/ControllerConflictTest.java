package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ControllerStackTest.Prefer;
import org.junit.jupiter.api.Test;

/** Two controllers disagree: the higher one wins. */
class ControllerConflictTest {
    /** 100 kW/s, ±50 kW, 60 s filter, SOC held at 20 % ± 10 % (no recovery in these tests). */
    final GridCodeSmoothing smoothing = new GridCodeSmoothing(100, 50, 60, 0.2, 0.1, 1);
    /** 190 kW for 1 h at 95 %: 200 kWh kept, 20 % of the lossless 1,000 kWh test battery. */
    final BackupReserve reserve = new BackupReserve(190, 1);

    @Test
    void theReserveStopsSmoothingFromDischargingIntoIt() {
        // 1 kWh above the reserve: smoothing follows a 400 kW step until the reserve is reached
        var h = ControlHarness.given(ControlHarness.battery(0.201), reserve, smoothing);
        h.when(1000);
        double a = 1 - Math.exp(-1 / 60.0);
        assertThat(h.when(1400)).isCloseTo(400 - 400 * a, offset(1e-9)); // smoothing is free: 393.4 kW
        assertThat(h.binding()).isEqualTo("grid-code-smoothing");
        for (int i = 0; i < 60; i++) {
            h.when(1400);
            assertThat(h.battery.soc()).isGreaterThanOrEqualTo(0.2);
        }
        // 1 kWh at ~390 kW lasts ~9 s; after that only the remaining sliver, x 0.05 each step
        assertThat(h.lastBatteryKw).isLessThan(1e-6);
        assertThat(h.lastGridKw).isCloseTo(1400, offset(1e-6));
        assertThat(h.binding()).isEqualTo("backup-reserve");
        assertThat(h.battery.soc()).isCloseTo(0.2, offset(1e-9));
    }

    @Test
    void smoothingHoldsAGreedyLowerLayerToItsTolerance() {
        var h = ControlHarness.given(ControlHarness.battery(0.2), smoothing, new Prefer("greedy", 500));
        assertThat(h.when(1000)).isCloseTo(50, offset(1e-9)); // grid at target - tolerance
        assertThat(h.lastGridKw).isCloseTo(950, offset(1e-9));
        assertThat(h.binding()).isEqualTo("grid-code-smoothing");
        var gentle = ControlHarness.given(ControlHarness.battery(0.2), smoothing, new Prefer("gentle", 20));
        assertThat(gentle.when(1000)).isCloseTo(20, offset(1e-9)); // inside the tolerance the lower layer chooses
        assertThat(gentle.binding()).isEqualTo("gentle");
    }

    @Test
    void theLoadDropAbsorberOverridesALowerLayerThatWouldFollowTheDrop() {
        // a lower layer prefers rest; the absorber makes the battery take the drop instead
        var h = ControlHarness.given(ControlHarness.battery(0.5), new LoadDropAbsorber(100), new Prefer("rest", 0));
        h.when(1000);
        assertThat(h.when(500)).isCloseTo(-400, offset(1e-9));
        assertThat(h.binding()).isEqualTo("load-drop-absorber");
    }
}
