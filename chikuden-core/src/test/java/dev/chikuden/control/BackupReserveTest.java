package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.ControllerStackTest.Prefer;
import org.junit.jupiter.api.Test;

class BackupReserveTest {
    // 190 kW for 1 h at 95 % discharge efficiency: 200 kWh above the floor
    final BackupReserve reserve = new BackupReserve(190, 1);

    @Test
    void theReserveIsTheCriticalEnergyOverTheDischargeEfficiency() {
        assertThat(reserve.reserveKwh()).isCloseTo(200, offset(1e-9));
    }

    @Test
    void aGreedyLowerLayerStopsAtTheReserveLevel() {
        // lossless 1,000 kWh / 500 kW at 50 %, 15-minute steps: 500 kW draws 125 kWh a step
        var h = ControlHarness.given(ControlHarness.battery(0.5), reserve, new Prefer("greedy", 600))
                .stepSeconds(900);
        assertThat(h.when(1000)).isCloseTo(500, offset(1e-9)); // 300 kWh above the level: the battery limits
        assertThat(h.binding()).isEqualTo(ControllerStack.PHYSICAL);
        assertThat(h.when(1000)).isCloseTo(500, offset(1e-9)); // 375 kWh stored, 175 above
        assertThat(h.battery.storedEnergyKwh()).isCloseTo(250, offset(1e-9));
        // above the level, a step may take what even a poor step (efficiency 0.8) could draw
        assertThat(h.when(1000)).isCloseTo(160, offset(1e-9)); // 50 kWh x 0.8 / 0.25 h
        assertThat(h.binding()).isEqualTo("backup-reserve");
        assertThat(h.battery.storedEnergyKwh()).isCloseTo(210, offset(1e-9));
        assertThat(h.when(1000)).isCloseTo(32, offset(1e-9)); // 10 kWh x 0.8 / 0.25 h
        for (int i = 0; i < 200; i++) {
            h.when(1000);
            assertThat(h.battery.soc()).isGreaterThanOrEqualTo(0.2);
        }
        assertThat(h.battery.soc()).isCloseTo(0.2, offset(1e-9));
    }

    @Test
    void theReserveSitsAboveTheSocFloor() {
        // floor 10 % = 100 kWh, reserve 200 kWh: nothing may be discharged at 300 kWh, charging may
        var battery = BatteryParameters.reservoir("t", 1000, 500, 500, 1, 1, 0.1, 1, 0.3, 0);
        var h = ControlHarness.given(battery, reserve, new Prefer("greedy", 500));
        assertThat(h.whenFor(10, 1000)).isZero();
        assertThat(h.battery.storedEnergyKwh()).isCloseTo(300, offset(1e-9));
        var charging = ControlHarness.given(battery, reserve, new Prefer("charge", -360));
        assertThat(charging.when(1000)).isCloseTo(-360, offset(1e-9));
        assertThat(charging.battery.storedEnergyKwh()).isCloseTo(300.1, offset(1e-9)); // 360 kW for 1 s
    }

    @Test
    void anOutageReleasesTheReserveAndItsEndRestoresIt() {
        var h = ControlHarness.given(ControlHarness.battery(0.2), reserve, new Prefer("greedy", 500));
        assertThat(h.when(1000)).isZero(); // exactly at the level
        h.gridAvailable(false);
        for (int i = 0; i < 360; i++) {
            assertThat(h.when(1000)).isCloseTo(500, offset(1e-9));
        }
        assertThat(h.battery.storedEnergyKwh()).isCloseTo(150, offset(1e-9)); // 500 kW for 6 minutes
        h.gridAvailable(true);
        assertThat(h.when(1000)).isZero();
        assertThat(h.binding()).isEqualTo("backup-reserve");
    }

    @Test
    void refusesANegativeLoadOrDuration() {
        assertThatThrownBy(() -> new BackupReserve(-1, 1)).hasMessageContaining("criticalLoadKw");
        assertThatThrownBy(() -> new BackupReserve(1, Double.NaN)).hasMessageContaining("durationHours");
    }
}
