package dev.chikuden.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "150 MW   | POWER    | 150000",
                "1.5GW    | POWER    | 1500000",
                "250 W    | POWER    | 0.25",
                "-20 kW   | POWER    | -20",
                "600 MWh  | ENERGY   | 600000",
                "2_000 kWh| ENERGY   | 2000",
                "4 h      | DURATION | 14400",
                "100 ms   | DURATION | 0.1",
                "30 min   | DURATION | 1800",
                "7 d      | DURATION | 604800",
                "365 days | DURATION | 31536000",
                "1 week   | DURATION | 604800",
                "1 S      | DURATION | 1",
                "95 %     | FRACTION | 0.95",
                "0.95     | FRACTION | 0.95",
                "1e-3     | FRACTION | 0.001",
                "25 °C    | TEMPERATURE | 25",
                "300 K    | TEMPERATURE | 26.85",
                "-5 C     | TEMPERATURE | -5",
                "10 years | DURATION | 315360000",
                "8 MJ/K   | HEAT_CAPACITY | 8000",
                "40 W/K   | THERMAL_CONDUCTANCE | 0.04",
                "0.1 Hz   | FREQUENCY | 0.1",
                "20 Hz    | FREQUENCY | 20",
                "500 mHz  | FREQUENCY | 0.5",
                "1 kHz    | FREQUENCY | 1000",
            })
    void parsesHumanUnits(String text, Dimension dimension, double expected) {
        assertThat(Quantities.parse(text, dimension))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "150 mW | POWER    | \"150 mW\" has unit \"mW\"; expected a power with a unit (W, kW, MW, GW), e.g. \"150 MW\"",
                "150    | POWER    | \"150\" has no unit; expected a power with a unit (W, kW, MW, GW), e.g. \"150 MW\"",
                "MW     | POWER    | \"MW\" is not a power with a unit (W, kW, MW, GW), e.g. \"150 MW\"",
                "4 hours| DURATION | \"4 hours\" has unit \"hours\"; expected a duration with a unit (ms, s, min, h, d, week, year = 365 d), e.g. \"4 h\"",
                "20 MHz | FREQUENCY | \"20 MHz\" has unit \"MHz\"; expected a frequency with a unit (mHz, Hz, kHz), e.g. \"0.1 Hz\"",
                "95 pct | FRACTION | \"95 pct\" has unit \"pct\"; expected a fraction as a percentage or a number, e.g. \"95 %\" or 0.95",
            })
    void rejectsWithTheAllowedUnits(String text, Dimension dimension, String message) {
        assertThatThrownBy(() -> Quantities.parse(text, dimension))
                .isInstanceOf(QuantityFormatException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 100 ms", "1, 1 s", "90, 90 s", "1800, 30 min", "3600, 1 h", "604800, 7 d", "31536000, 365 d"})
    void formatsDurations(double seconds, String expected) {
        assertThat(Quantities.formatDuration(seconds)).isEqualTo(expected);
    }
}
