package dev.chikuden.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderUnitTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "power_kw | kW",
                "power_mw | MW",
                "power_w | W",
                "POWER_KW | kW",
                "power [kW] | kW",
                "Power (MW) | MW",
                "power.draw [W] | W",
                "kw | kW",
                "MW | MW",
                "mw | MW",
                "W | W",
                "loadKw | kW",
                "loadKW | kW",
                "gridkW | kW",
                "campusMW | MW",
                "node1W | W",
                "power in megawatts | MW",
                "Watts | W",
                "site load (kilowatts) | kW",
                "kw_power_kw | kW",
                "GW | GW",
                "power_gw | GW",
                "Power (GW) | GW",
                "campusGW | GW",
                "load in gigawatts | GW"
            })
    void readsTheUnitFromEachHeaderStyle(String header, String unit) {
        assertThat(HeaderUnit.of(header)).isEqualTo(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"power", "value", "energy_kwh", "energy [kWh]", "draw", "window", "TOTALMW", "swap", "w2"})
    void namesNoUnit(String header) {
        assertThat(HeaderUnit.of(header)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mW", "power [mW]", "powermW"})
    void refusesMilliwatts(String header) {
        assertThatThrownBy(() -> HeaderUnit.of(header))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names mW (milliwatts); power traces are in W, kW, MW or GW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kw_to_mw", "power [W] (kW)"})
    void refusesTwoUnits(String header) {
        assertThatThrownBy(() -> HeaderUnit.of(header)).hasMessageStartingWith("names two units, ");
    }
}
