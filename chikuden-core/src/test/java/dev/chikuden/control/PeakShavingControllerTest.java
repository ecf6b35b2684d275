package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.battery.Battery;
import org.junit.jupiter.api.Test;

class PeakShavingControllerTest {
    final PeakShavingController c = new PeakShavingController(1000, 800);
    final Measurements m = new Measurements();

    double request(double load, double pv) {
        return c.requestKw(m.update(0, 1, load, pv, 60, 0, 0), Battery.NONE);
    }

    @Test
    void dischargesTheExcessAboveTheUpperThreshold() {
        assertThat(request(1300, 0)).isEqualTo(300);
        assertThat(request(1300, 200)).isEqualTo(100); // PV counts: net load 1100
    }

    @Test
    void rechargesOnlyUpToTheLowerThreshold() {
        assertThat(request(500, 0)).isEqualTo(-300);
        assertThat(request(900, 0)).isZero();
    }

    @Test
    void refusesThresholdsThatOverlap() {
        assertThatThrownBy(() -> new PeakShavingController(800, 1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
