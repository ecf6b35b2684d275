package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import org.junit.jupiter.api.Test;

/** The units' part of the process image and the aggregate battery the controllers see. */
class BatteryUnitImageTest {
    static BessReading reading(
            double soc,
            double capacityKwh,
            double soh,
            double maxDischargeKw,
            double maxChargeKw,
            BatteryUnitState state) {
        return new BessReading(12, soc, 0.1, 0.9, capacityKwh, soh, maxDischargeKw, maxChargeKw, 0, state, 0, 0);
    }

    @Test
    void theViewSumsTheUnitsThatCanRunAndWeighsTheirWindowsByCapacity() {
        BatteryUnitImage image = new BatteryUnitImage(4);
        image.set(0, reading(0.5, 1000, 0.8, 300, 200, BatteryUnitState.RUNNING));
        image.set(1, new BessReading(-3, 0.8, 0.2, 0.95, 3000, 1, 100, 50, 0, BatteryUnitState.STANDBY, 0, 0));
        image.set(2, reading(0.4, 500, 1, 999, 999, BatteryUnitState.FAULT));
        image.missing(3);
        image.summarise();
        assertThat(image.stale()).isEqualTo(1);
        assertThat(image.capacityKwh()).isEqualTo(4000); // the faulted and the silent unit do not count
        assertThat(image.storedEnergyKwh()).isCloseTo(500 + 2400, offset(1e-9));
        assertThat(image.soc()).isCloseTo(2900 / 4000.0, offset(1e-12));
        assertThat(image.socMin()).isCloseTo((0.1 * 1000 + 0.2 * 3000) / 4000, offset(1e-12));
        assertThat(image.socMax()).isCloseTo((0.9 * 1000 + 0.95 * 3000) / 4000, offset(1e-12));
        assertThat(image.stateOfHealth()).isCloseTo(4000 / (1000 / 0.8 + 3000), offset(1e-12));
        assertThat(image.maxDischargeKw(1)).isEqualTo(400);
        assertThat(image.maxChargeKw(1)).isEqualTo(250);
        assertThat(image.maxDischargeKw).containsExactly(300, 100, 0, 0);
        assertThat(image.auxiliaryKw()).isZero();
        // a unit missing: the site's totals are unknown, not partial
        assertThat(image.totalPowerKw()).isNaN();
        assertThat(image.totalSoc()).isNaN();
        assertThat(image.powerKw[3]).isNaN();
    }

    @Test
    void allUnitsAnsweringGiveTheTotalsFaultedOnesIncluded() {
        BatteryUnitImage image = new BatteryUnitImage(2);
        image.set(0, reading(0.5, 1000, 1, 300, 200, BatteryUnitState.RUNNING));
        image.set(1, reading(0.2, 3000, 1, 300, 200, BatteryUnitState.FAULT));
        image.summarise();
        assertThat(image.totalPowerKw()).isEqualTo(24);
        assertThat(image.totalSoc()).isCloseTo((500 + 600) / 4000.0, offset(1e-12));
        assertThat(image.soc()).isEqualTo(0.5);
    }

    @Test
    void nothingIsCommandedPastTheSocWindowWhateverTheUnitReports() {
        BatteryUnitImage image = new BatteryUnitImage(2);
        image.set(0, reading(0.1, 1000, 1, 300, 200, BatteryUnitState.RUNNING)); // at its floor
        image.set(1, reading(0.9, 1000, 1, 300, 200, BatteryUnitState.RUNNING)); // at its ceiling
        image.summarise();
        assertThat(image.maxDischargeKw).containsExactly(0, 300);
        assertThat(image.maxChargeKw).containsExactly(200, 0);
    }

    @Test
    void limitsThatAreNoPositiveNumberCountAsZero() {
        BatteryUnitImage image = new BatteryUnitImage(3);
        image.set(0, reading(0.5, 1000, 1, Double.NaN, -5, BatteryUnitState.RUNNING));
        image.set(1, reading(0.5, 1000, 1, Double.POSITIVE_INFINITY, 0, BatteryUnitState.RUNNING));
        image.set(2, reading(0.5, 1000, Double.NaN, 10, 10, null));
        image.summarise();
        assertThat(image.maxDischargeKw).containsExactly(0, 0, 10);
        assertThat(image.maxChargeKw).containsExactly(0, 0, 10);
        assertThat(image.state[2]).isEqualTo(BatteryUnitState.UNKNOWN);
        assertThat(image.stateOfHealth()).isEqualTo(1);
    }

    @Test
    void aReadingWithoutPowerOrSocCannotBeUsed() {
        assertThat(BatteryUnitImage.problem(reading(0.5, 1000, 1, 1, 1, BatteryUnitState.RUNNING)))
                .isNull();
        assertThat(BatteryUnitImage.problem(reading(Double.NaN, 1000, 1, 1, 1, BatteryUnitState.RUNNING)))
                .contains("soc");
        assertThat(BatteryUnitImage.problem(reading(1.2, 1000, 1, 1, 1, BatteryUnitState.RUNNING)))
                .contains("soc is 1.2");
        assertThat(BatteryUnitImage.problem(
                        new BessReading(Double.NaN, 0.5, 0.1, 0.9, 10, 1, 1, 1, 0, BatteryUnitState.RUNNING, 0, 0)))
                .contains("power");
        assertThat(BatteryUnitImage.problem(
                        new BessReading(0, 0.5, 0.9, 0.1, 10, 1, 1, 1, 0, BatteryUnitState.RUNNING, 0, 0)))
                .contains("soc window");
        assertThat(BatteryUnitImage.problem(reading(0.5, -1, 1, 1, 1, BatteryUnitState.RUNNING)))
                .contains("capacity");
    }
}
