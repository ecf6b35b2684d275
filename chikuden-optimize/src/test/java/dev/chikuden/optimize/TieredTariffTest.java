package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatch LP prices per period: it refuses a menu priced by the month's total kWh and takes a time-of-use one. */
class TieredTariffTest {
    @TempDir
    Path dir;

    private SiteConfig home(String preset) throws IOException {
        return SiteConfigReader.read(Files.writeString(dir.resolve("home.yaml"), """
                name: Home
                grid: {voltage: low}
                loads:
                  - {name: house, type: profile, base: 600 W}
                batteries:
                  - energy: 10 kWh
                    power: 5 kW
                    soc: {min: 10 %, max: 90 %, initial: 50 %}
                study: {start: 2025-05-01, duration: 2 d, step: 30 min}
                strategy: {type: idle}
                tariff: {preset: PRESET}
                """.replace("PRESET", preset)));
    }

    @Test
    void theLpRefusesTiersAndTakesTimeOfUse() throws IOException {
        SiteConfig tiered = home("kansai-dento-a");
        assertThatThrownBy(() -> SiteDispatch.problem(tiered, 0))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("home.yaml: tariff.energyTiers: \"Kansai 従量電灯A (rates of April 2024)\" prices "
                        + "energy by tiers of the month's total kWh, which the dispatch LP (optimize, size, mpc) "
                        + "cannot price period by period; plan bills it exactly");
        // はぴeタイムR: 1 May 2025 is a holiday (4/30-5/2), so 10:00 is living time at 25.29 + levy 3.98
        DispatchProblem p = SiteDispatch.problem(home("kansai-hapi-e-time-r"), 0);
        int tenAm = 20; // 30-minute periods from midnight
        assertThat(p.importYenPerKwh()[tenAm]).isCloseTo(25.29 + 3.98, org.assertj.core.data.Offset.offset(1e-9));
        // 2 May is a holiday too; 7 May would be a weekday, outside this study
        assertThat(p.importYenPerKwh()[48 + tenAm]).isCloseTo(25.29 + 3.98, org.assertj.core.data.Offset.offset(1e-9));
    }
}
