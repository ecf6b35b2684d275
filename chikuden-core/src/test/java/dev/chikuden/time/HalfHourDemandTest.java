package dev.chikuden.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class HalfHourDemandTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void demandIsTheMeanImportOfEachSlot() {
        // 10-minute steps from 09:00 JST: slot 09:00 gets 100, 200, 300 -> 200; slot 09:30 gets 600, 0, 0 -> 200
        long start = ZonedDateTime.of(2025, 7, 1, 9, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        FixedStepSeries grid = new FixedStepSeries(start, 600_000, new double[] {100, 200, 300, 600, 0, 0});
        FixedStepSeries d = HalfHourDemand.of(grid, TOKYO);
        assertThat(d.values()).containsExactly(200, 200);
        assertThat(d.startEpochMs()).isEqualTo(start);
        assertThat(d.stepMs()).isEqualTo(1_800_000);
    }

    @Test
    void exportDoesNotReduceDemand() {
        long start = Instant.parse("2025-07-01T00:00:00Z").toEpochMilli();
        FixedStepSeries grid = new FixedStepSeries(start, 900_000, new double[] {400, -400});
        assertThat(HalfHourDemand.of(grid, TOKYO).values()).containsExactly(200);
    }

    @Test
    void aSlotStartsAtTheLastLocalHalfHour() {
        long t = ZonedDateTime.of(2025, 7, 1, 9, 47, 12, 0, TOKYO).toInstant().toEpochMilli();
        long expected =
                ZonedDateTime.of(2025, 7, 1, 9, 30, 0, 0, TOKYO).toInstant().toEpochMilli();
        assertThat(HalfHourDemandMeter.slotStartEpochMs(TOKYO.getRules(), t)).isEqualTo(expected);
        assertThat(HalfHourDemandMeter.slotStartEpochMs(TOKYO.getRules(), expected))
                .isEqualTo(expected);
        // Kathmandu (UTC+05:45): 00:20 UTC is 06:05 local, in the slot from 06:00 local = 00:15 UTC
        assertThat(HalfHourDemandMeter.slotStartEpochMs(
                        ZoneId.of("Asia/Kathmandu").getRules(),
                        Instant.parse("2025-07-01T00:20:00Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2025-07-01T00:15:00Z").toEpochMilli());
    }

    @Test
    void slotsFollowTheLocalClockNotUtc() {
        // Nepal is UTC+05:45: local :00 and :30 fall at UTC :15 and :45
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        long start = Instant.parse("2025-07-01T00:00:00Z").toEpochMilli(); // 05:45 local
        double[] minutes = new double[60];
        for (int i = 0; i < 60; i++) {
            minutes[i] = i < 15 ? 300 : 0; // 300 kW during the first 15 min (05:45-06:00 local)
        }
        FixedStepSeries d = HalfHourDemand.of(new FixedStepSeries(start, 60_000, minutes), kathmandu);
        // slots: 05:30-06:00 (covered 15 min, all at 300), 06:00-06:30 (0), 06:30-07:00 (15 min covered, 0)
        assertThat(d.values()).containsExactly(300, 0, 0);
        assertThat(d.startEpochMs()).isEqualTo(start - 15 * 60_000);
    }

    @Test
    void aStepLongerThanASlotIsSplitAcrossSlots() {
        long start = ZonedDateTime.of(2025, 7, 1, 9, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        FixedStepSeries hourly = new FixedStepSeries(start, 3_600_000, new double[] {1000, 3000});
        assertThat(HalfHourDemand.of(hourly, TOKYO).values()).containsExactly(1000, 1000, 3000, 3000);
    }

    @Test
    void theMeterReportsThePeakSlot() {
        HalfHourDemandMeter m = new HalfHourDemandMeter(TOKYO);
        long start =
                ZonedDateTime.of(2025, 7, 1, 13, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        double[] kw = {500, 500, 900, 1500, 400, 400}; // slots: 633.3 and 766.7
        for (int i = 0; i < kw.length; i++) {
            m.add(start + i * 600_000L, 600_000, kw[i]);
        }
        m.finish();
        assertThat(m.peakKw()).isCloseTo((1500 + 400 + 400) / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.peakSlotStartEpochMs()).isEqualTo(start + 1_800_000);
        assertThat(m.closedSlots()).isEqualTo(2);
    }
}
