package dev.chikuden.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class GateTest {
    @Test
    void aDayAheadGateClosesTheDayBefore() {
        Gate g = Gate.parse("day-ahead 14:00");
        assertThat(g.closesFor(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDateTime.of(2026, 3, 31, 14, 0));
        assertThat(g).hasToString("day-ahead 14:00");
    }

    /** The weekly products: Saturday-to-Friday weeks, offers closing on the Tuesday before (前週火曜日). */
    @Test
    void aWeeklyGateClosesOnTheTuesdayBeforeTheSaturdayToFridayWeek() {
        Gate g = Gate.parse("weekly 14:00");
        LocalDateTime tuesday = LocalDateTime.of(2025, 4, 1, 14, 0); // a Tuesday
        for (int d = 5; d <= 11; d++) { // Saturday 5 April to Friday 11 April
            assertThat(g.closesFor(LocalDate.of(2025, 4, d))).as("April " + d).isEqualTo(tuesday);
        }
        assertThat(g.closesFor(LocalDate.of(2025, 4, 12))).isEqualTo(tuesday.plusDays(7));
        assertThat(g.closesFor(LocalDate.of(2025, 4, 4))).isEqualTo(tuesday.minusDays(7));
    }

    @Test
    void everyProductOfTheTableHasAGate() {
        for (String name : BalancingProduct.names()) {
            for (BalancingProduct.Period p : BalancingProduct.named(name).periods()) {
                assertThat(p.gate().at()).as(name).hasToString("14:00");
                assertThat(p.gate().weekly())
                        .as(name + " from " + p.from())
                        .isEqualTo(p.from().isBefore(LocalDate.of(2026, 3, 14)) && !name.equals("tertiary-2"));
            }
        }
    }

    @Test
    void aGateWrittenOtherwiseIsRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> Gate.parse("weekly"))
                .hasMessageContaining("\"weekly\"")
                .hasMessageContaining("day-ahead HH:MM");
        assertThatThrownBy(() -> Gate.parse("day-ahead 2pm")).hasMessageContaining("not HH:MM");
    }
}
