package dev.chikuden.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IsoDurationTest {
    private static final Instant JAN_31_2024 = Instant.parse("2024-01-31T00:00:00Z");

    @Test
    void timeParts() {
        assertThat(IsoDuration.between(JAN_31_2024, "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(IsoDuration.between(JAN_31_2024, "PT0.5S")).isEqualTo(Duration.ofMillis(500));
        assertThat(IsoDuration.between(JAN_31_2024, "PT0S")).isZero();
    }

    @Test
    void calendarPartsCountFromTheStart() {
        // 2024 is a leap year: one month after 31 January is 29 February, 29 days later
        assertThat(IsoDuration.end(JAN_31_2024, "P1M")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(IsoDuration.between(JAN_31_2024, "P1W")).isEqualTo(Duration.ofDays(7));
        assertThat(IsoDuration.between(JAN_31_2024, "P1DT2H")).isEqualTo(Duration.ofHours(26));
        long leapYearDays = LocalDate.of(2024, 1, 31).lengthOfYear();
        assertThat(IsoDuration.between(JAN_31_2024, "P1Y")).isEqualTo(Duration.ofDays(leapYearDays));
    }

    @Test
    void theSpecificationsInfinityIsNineThousandYears() {
        Instant end = IsoDuration.end(JAN_31_2024, "P9999Y");
        assertThat(end.atZone(ZoneOffset.UTC).getYear()).isEqualTo(2024 + 9999);
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> IsoDuration.end(JAN_31_2024, "1 hour"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'1 hour'")
                .hasMessageContaining("PT1H");
        assertThatThrownBy(() -> IsoDuration.end(JAN_31_2024, "-PT1H")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> IsoDuration.end(JAN_31_2024, "P")).isInstanceOf(BadInputException.class);
    }
}
