package dev.chikuden.tariff;

import static dev.chikuden.tariff.BillCalculatorTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.time.FixedStepSeries;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BillingMeterTest {
    /** 20-minute steps: the middle one straddles 00:30 and is split between the two slots. */
    @Test
    void stepsAcrossASlotBoundaryAreSplitIntoImportAndExport() {
        SlotEnergy s = BillingMeter.of(
                new FixedStepSeries(at("2025-08-01T00:00"), 1_200_000L, new double[] {600, -300, 900}),
                ZoneId.of("Asia/Tokyo"));
        assertThat(s.firstSlotEpochMs()).isEqualTo(at("2025-08-01T00:00"));
        assertThat(s.importKwh()).containsExactly(200, 300);
        assertThat(s.exportKwh()).containsExactly(50, 50);
        assertThat(s.coveredSeconds()).containsExactly(1800, 1800);
        assertThat(s.demandKw(1)).isEqualTo(600);
    }

    /** A series starting at 00:10 local: the first slot is 00:00-00:30, covered for 20 minutes. */
    @Test
    void slotsFollowTheLocalClock() {
        SlotEnergy s = BillingMeter.of(
                new FixedStepSeries(at("2025-08-01T00:10"), 600_000L, new double[] {300, 300, 300, 300}),
                ZoneId.of("Asia/Tokyo"));
        assertThat(s.firstSlotEpochMs()).isEqualTo(at("2025-08-01T00:00"));
        assertThat(s.importKwh()).containsExactly(100, 100);
        assertThat(s.coveredSeconds()).containsExactly(1200, 1200);
        assertThat(s.demandKw(0)).isEqualTo(300);
    }
}
