package dev.chikuden.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlotCalendarTest {
    /**
     * Every slot's month, hour, season and kind of day as the date-time route gives them (the zone's
     * rules searched at each slot): in Tokyo, and in zones whose clocks change twice a year, over
     * two years from a slot that is not on the hour.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Asia/Tokyo", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"})
    void eachSlotAsTheZonesRulesSayIt(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Tariff tariff = Tariffs.withHolidayCalendar(
                Tariffs.timeOfUse(Set.of(LocalDate.of(2025, 8, 11))), true, Set.of(MonthDay.of(12, 31)));
        long first = Instant.parse("2024-12-30T17:30:00Z").toEpochMilli();
        int slots = 2 * 365 * 48;
        SlotCalendar c = SlotCalendar.of(first, slots, zone, tariff);
        for (int i = 0; i < slots; i++) {
            long ms = first + i * 1_800_000L;
            LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone);
            assertThat(c.month(i)).as("slot %d", i).isEqualTo(YearMonth.from(t));
            assertThat(c.hour(i)).as("slot %d", i).isEqualTo(t.getHour());
            assertThat(c.summer(i)).as("slot %d", i).isEqualTo(tariff.summer(t.getMonthValue()));
            assertThat(c.holiday(i)).as("slot %d", i).isEqualTo(tariff.holiday(t.toLocalDate()));
            if (i > 0) {
                LocalDateTime before = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms - 1_800_000L), zone);
                assertThat(c.sameMonth(i - 1, i))
                        .isEqualTo(YearMonth.from(before).equals(YearMonth.from(t)));
            }
        }
        assertThat(SlotCalendar.of(first, slots, zone, tariff.withAgreedKw(123)))
                .as("a tariff differing in its contract only shares the calendar")
                .isSameAs(c);
        assertThat(SlotCalendar.of(first, slots - 1, zone, tariff)).isNotSameAs(c);
    }
}
