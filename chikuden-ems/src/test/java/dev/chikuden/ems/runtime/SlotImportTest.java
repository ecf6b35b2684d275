package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The demand slot's import so far, against hand calculations. */
class SlotImportTest {
    static final long T0 = Rig.T0; // 10:00 JST, a slot start
    final SlotImport slot = new SlotImport(Rig.TOKYO);

    static long at(int minutes, int seconds) {
        return T0 + minutes * 60_000L + seconds * 1000L;
    }

    @Test
    void joiningMidSlotAssumesThePresentImportSoFarThenCountsTheCounter() {
        slot.reading(at(0, 10), 600, 100);
        assertThat(slot.slotStartEpochMs()).isEqualTo(T0);
        assertThat(slot.importKwh()).isCloseTo(600 * 10 / 3600.0, offset(1e-12));
        slot.reading(at(0, 20), 9999, 101.5); // the counter, not the power
        assertThat(slot.importKwh()).isCloseTo(600 * 10 / 3600.0 + 1.5, offset(1e-12));
    }

    @Test
    void theCounterCoversReadingsThatWentMissing() {
        slot.reading(at(0, 0), 600, 100);
        slot.reading(at(5, 0), 600, 150); // five minutes of missing readings between
        assertThat(slot.importKwh()).isCloseTo(50, offset(1e-12));
    }

    @Test
    void anIntervalAcrossTheBoundaryGivesTheNewSlotItsShareByTime() {
        slot.reading(at(29, 50), 600, 100);
        slot.reading(at(30, 10), 600, 102);
        assertThat(slot.slotStartEpochMs()).isEqualTo(at(30, 0));
        assertThat(slot.importKwh()).isCloseTo(1.0, offset(1e-12)); // 10 s of the 20 s
        slot.reading(at(30, 20), 600, 103);
        assertThat(slot.importKwh()).isCloseTo(2.0, offset(1e-12));
    }

    @Test
    void withoutACounterThePowerIsIntegratedByTheTrapezoid() {
        slot.reading(at(0, 0), 600, Double.NaN);
        slot.reading(at(0, 10), 1200, Double.NaN);
        assertThat(slot.importKwh()).isCloseTo((600 + 1200) / 2.0 * 10 / 3600, offset(1e-12));
        slot.reading(at(0, 20), -500, Double.NaN); // export counts as no import
        assertThat(slot.importKwh()).isCloseTo((900.0 * 10 + 600.0 * 10) / 3600, offset(1e-12));
    }

    @Test
    void aCounterThatWentBackwardsIsNotTrusted() {
        slot.reading(at(0, 0), 360, 5000);
        slot.reading(at(0, 10), 360, 2); // a new meter
        assertThat(slot.importKwh()).isCloseTo(1.0, offset(1e-12)); // 360 kW for 10 s
        slot.reading(at(0, 20), 360, 3);
        assertThat(slot.importKwh()).isCloseTo(2.0, offset(1e-12));
    }
}
