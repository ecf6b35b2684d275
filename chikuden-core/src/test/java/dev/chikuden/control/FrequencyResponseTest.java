package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.ControllerStackTest.Narrow;
import dev.chikuden.control.ControllerStackTest.Prefer;
import org.junit.jupiter.api.Test;

class FrequencyResponseTest {
    /** 60 Hz nominal, 0.02 Hz dead band, 5 % droop, 1,000 kW reserved: full reserve at 3.02 Hz off. */
    static FrequencyResponse primary() {
        return new FrequencyResponse(60, 0.02, 0.05, 1000);
    }

    /** A lossless 4 MWh / 2 MW battery at half charge: room for the whole reserve. */
    static BatteryParameters big() {
        return BatteryParameters.reservoir("big", 4000, 2000, 2000, 1, 1, 0, 1, 0.5, 0);
    }

    @Test
    void underFrequencyDischargesFromTheEdgeOfTheDeadBand() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), primary()).frequency(59.9);
        // (0.1 - 0.02) Hz / (0.05 x 60 Hz) x 1000 kW
        assertThat(h.when(1000)).isCloseTo(80.0 / 3, offset(1e-9));
        assertThat(h.binding()).isEqualTo("frequency-response");
        assertThat(h.frequency(60.05).when(1000)).isCloseTo(-10, offset(1e-9)); // over-frequency charges
    }

    @Test
    void insideTheDeadBandItDoesNothing() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), primary());
        assertThat(h.frequency(59.985).when(1000)).isZero();
        assertThat(h.frequency(60.015).when(1000)).isZero();
        assertThat(h.frequency(Double.NaN).when(1000)).isZero(); // no reading
    }

    @Test
    void theResponseIsLimitedToTheReserve() {
        var h = ControlHarness.given(big(), primary());
        assertThat(h.frequency(56).when(1000)).isCloseTo(1000, offset(1e-9)); // 3.98 / 3 x 1000 would be 1327
        assertThat(h.frequency(64).when(1000)).isCloseTo(-1000, offset(1e-9));
        assertThat(h.frequency(57).when(1000)).isCloseTo(2980.0 / 3, offset(1e-9)); // just inside the limit
    }

    @Test
    void aLowerGreedyLayerCannotChangeIt() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), primary(), new Prefer("greedy", 500))
                .frequency(59.9);
        assertThat(h.when(1000)).isCloseTo(80.0 / 3, offset(1e-9));
        assertThat(h.binding()).isEqualTo("frequency-response");
        assertThat(h.frequency(60).when(1000)).isCloseTo(500, offset(1e-9)); // back in the band: greedy again
    }

    @Test
    void aHigherCapStillWins() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new Narrow("cap", -10, 10), primary())
                .frequency(59.9);
        assertThat(h.when(1000)).isCloseTo(10, offset(1e-9));
    }

    @Test
    void inAGridOutageItDoesNothing() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), primary())
                .frequency(59.9)
                .gridAvailable(false);
        assertThat(h.when(1000)).isZero();
    }

    @Test
    void refusesAZeroDroop() {
        assertThatThrownBy(() -> new FrequencyResponse(60, 0.02, 0, 1000)).hasMessageContaining("droop");
    }
}
