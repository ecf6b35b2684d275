package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.ControllerStackTest.Prefer;
import org.junit.jupiter.api.Test;

class LoadDropAbsorberTest {
    final LoadDropAbsorber absorber = new LoadDropAbsorber(100);

    @Test
    void aSuddenDropReachesTheGridAsARamp() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), absorber);
        assertThat(h.when(1000)).isZero();
        // the load falls 500 kW at once: the grid may fall 100 kW a step, the battery takes the rest
        double[] grid = {900, 800, 700, 600, 500, 500};
        for (double g : grid) {
            h.when(500);
            assertThat(h.lastGridKw).isCloseTo(g, offset(1e-9));
            assertThat(h.lastBatteryKw).isCloseTo(500 - g, offset(1e-9));
        }
        assertThat(h.battery.storedEnergyKwh()).isCloseTo(500 + (400 + 300 + 200 + 100) / 3600.0, offset(1e-9));
    }

    @Test
    void theRampScalesWithTheStep() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), absorber).stepSeconds(0.1);
        h.when(1000);
        h.when(500);
        assertThat(h.lastGridKw).isCloseTo(990, offset(1e-9)); // 100 kW/s over 0.1 s
        assertThat(h.binding()).isEqualTo("load-drop-absorber");
    }

    @Test
    void aRisePassesThrough() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), absorber);
        h.when(500);
        assertThat(h.when(1500)).isZero();
        assertThat(h.lastGridKw).isEqualTo(1500);
    }

    @Test
    void aFullBatteryCannotAbsorbAndTheGridDropsAtOnce() {
        var h = ControlHarness.given(ControlHarness.battery(1.0), absorber);
        h.when(1000);
        assertThat(h.when(500)).isZero();
        assertThat(h.lastGridKw).isEqualTo(500);
        assertThat(h.binding()).isEqualTo(ControllerStack.PHYSICAL);
    }

    @Test
    void aChargeLimitAbsorbsWhatItCanAndTheRampContinuesFromTheRealGrid() {
        // charge limited to 200 kW: of the 400 kW to absorb only 200 are, the grid lands at 700
        var battery = BatteryParameters.reservoir("t", 1000, 200, 500, 1, 1, 0, 1, 0.5, 0);
        var h = ControlHarness.given(battery, absorber);
        h.when(1000);
        assertThat(h.when(500)).isCloseTo(-200, offset(1e-9));
        assertThat(h.lastGridKw).isCloseTo(700, offset(1e-9));
        assertThat(h.when(500)).isCloseTo(-100, offset(1e-9)); // from 700: 600 at most 100 lower
        assertThat(h.lastGridKw).isCloseTo(600, offset(1e-9));
    }

    @Test
    void aLowerLayersSuddenDischargeIsAGridDropToo() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), absorber, new Prefer("greedy", 400));
        assertThat(h.when(1000)).isCloseTo(400, offset(1e-9)); // the first step has no history
        var late = ControlHarness.given(
                ControlHarness.battery(0.5), new LoadDropAbsorber(100), new ControllerStackTest.Script(0, 400, 400));
        late.when(1000);
        assertThat(late.when(1000)).isCloseTo(100, offset(1e-9));
        assertThat(late.when(1000)).isCloseTo(200, offset(1e-9));
    }

    @Test
    void anOutageSuspendsItAndItRestartsFromTheReturningGrid() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), absorber);
        h.when(1000);
        h.gridAvailable(false);
        assertThat(h.when(500)).isZero();
        h.gridAvailable(true);
        assertThat(h.when(300)).isZero(); // no history from the outage
        assertThat(h.when(100)).isCloseTo(-100, offset(1e-9));
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new LoadDropAbsorber(0)).hasMessageContaining("maxDropKwPerS");
    }
}
