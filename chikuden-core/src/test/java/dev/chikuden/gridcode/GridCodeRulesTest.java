package dev.chikuden.gridcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridCodeRulesTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheShippedFile() {
        GridCodeRules d = GridCodeRules.defaults();
        assertThat(d.settings()).isEqualTo(GridCodeSettings.DEFAULT);
        assertThat(d.maxRampUpPerS()).isEqualTo(PowerLimit.absolute(10_000));
        assertThat(d.maxRampDownPerS()).isEqualTo(PowerLimit.absolute(10_000));
        assertThat(d.maxRampPerMin()).isEqualTo(PowerLimit.absolute(30_000));
        assertThat(d.maxDynamicRange()).isEqualTo(PowerLimit.fractionOfPeak(0.05));
        assertThat(d.maxBandShare()).isEqualTo(0.2);
        assertThat(d.minBandRms()).isEqualTo(PowerLimit.absolute(1_000));
        assertThat(d.maxLoadDropEvents()).isZero();
        assertThat(d.maxDemand30min()).isNull();
    }

    @Test
    void readsHumanUnitsAndLeavesAbsentRulesUnjudged() throws IOException {
        GridCodeRules r = GridCodeRules.read(write("""
                ramp: {upPerSecond: 2 %}
                dynamicRange: {window: 1 s, max: 3 MW}
                oscillation: {band: [200 mHz, 3 Hz], maxShare: 0.1}
                loadDrop: {drop: 5000 kW, within: 500 ms}
                maxDemand30min: 0.14 GW
                """));
        assertThat(r.settings()).isEqualTo(new GridCodeSettings(1, 0.2, 3, 5000, 0.5));
        assertThat(r.maxRampUpPerS()).isEqualTo(PowerLimit.fractionOfPeak(0.02));
        assertThat(r.maxRampDownPerS()).isNull();
        assertThat(r.maxDynamicRange()).isEqualTo(PowerLimit.absolute(3000));
        assertThat(r.maxBandShare()).isEqualTo(0.1);
        assertThat(r.minBandRms()).isNull();
        assertThat(r.maxLoadDropEvents()).isNull();
        assertThat(r.maxDemand30min()).isEqualTo(PowerLimit.absolute(140_000));
    }

    @Test
    void reportsEveryProblemWithFileLineAndColumn() throws IOException {
        Path f = write("""
                ramp:
                  upPerSecond: 10 MWh
                  downPerSecnd: 10 MW
                oscillation:
                  band: [20 Hz, 0.1 Hz]
                  maxShare: 120 %
                loadDrop: {drop: 50 MW, within: 1 s, maxEvents: 1.5}
                """);
        assertThatThrownBy(() -> GridCodeRules.read(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                5 problems in the configuration:
                  %1$s:2:16: ramp.upPerSecond: "10 MWh" has unit "MWh"; expected a power with a unit (W, kW, MW, GW), e.g. "150 MW"
                  %1$s:3:3: ramp.downPerSecnd: unknown key "downPerSecnd"; did you mean "downPerSecond"? Allowed here: upPerSecond, downPerSecond, perMinute
                  %1$s:5:9: oscillation.band: the band must run from a frequency above 0 Hz to a higher one, e.g. [0.1 Hz, 20 Hz]
                  %1$s:6:13: oscillation.maxShare: "120 %%" is outside [0, 1]; the largest share of oscillation energy in the band is a fraction such as "95 %%" or 0.95
                  %1$s:7:49: loadDrop.maxEvents: "1.5" is not a whole number of events""".formatted(f));
    }

    @Test
    void brokenYamlAndAMissingFileAreBadInput() throws IOException {
        Path f = write("ramp: {upPerSecond: 10 MW\n");
        assertThatThrownBy(() -> GridCodeRules.read(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("1 problem in the configuration:\n  " + f + ":2:1: not valid YAML");
        assertThatThrownBy(() -> GridCodeRules.read(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("nope.yaml: no such file");
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
