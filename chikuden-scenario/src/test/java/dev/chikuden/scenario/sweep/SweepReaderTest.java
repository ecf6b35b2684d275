package dev.chikuden.scenario.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigException;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReaderTest {
    private static final String SITE = """
            name: Test site
            grid:
              contract: 1 MW
            loads:
              - name: base
                type: profile
                base: 800 kW
            batteries:
              - energy: 1 MWh
                power: 500 kW
            study:
              start: 2025-01-06
              duration: 1 d
              step: 1 min
            strategy:
              type: peak-shaving
              dischargeAbove: 900 kW
              chargeBelow: 700 kW
            """;

    @TempDir
    Path dir;

    /** A sweep of optimize or size whose site has no battery, nor an axis to give one, fails up front. */
    @Test
    void aSweepOfOptimizeWithoutAnyBatteryIsRefusedUpFront() throws IOException {
        String sweep = "site: site.yaml\nset:\n  batteries: []\ngrid:\n  loads[0].seed: 1..3\n";
        assertThat(read(sweep).scenarios()).hasSize(3); // plan compares the site with and without none
        assertThatThrownBy(() -> read("run: optimize\n" + sweep))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("run: optimize dispatches a battery")
                .hasMessageContaining("nor does an axis give one");
        assertThat(read("run: size\n"
                                + sweep.replace(
                                        "loads[0].seed: 1..3",
                                        "batteries: [[{name: b, energy: 1 MWh," + " power: 500 kW}]]"))
                        .scenarios())
                .hasSize(1);
    }

    /** Ids are not padded to the count's width: a sweep grown from 9 cases to 10 keeps its rows. */
    @Test
    void aSweepGrownByCasesKeepsTheIdsOfThoseItHad() throws IOException {
        StringBuilder nine = new StringBuilder("site: site.yaml\ncases:\n");
        for (int i = 1; i <= 9; i++) {
            nine.append("  - {\"batteries[0].energy\": ").append(i).append(" MWh}\n");
        }
        List<String> before =
                read(nine.toString()).scenarios().stream().map(Scenario::id).toList();
        List<String> after = read(nine + "  - {\"batteries[0].energy\": 10 MWh}\n").scenarios().stream()
                .map(Scenario::id)
                .toList();
        assertThat(after).hasSize(10).startsWith(before.toArray(String[]::new)).endsWith("s9");
    }

    @Test
    void aGridMakesEveryCombinationTheFirstAxisSlowest() throws IOException {
        Sweep s = read("""
                site: site.yaml
                set:
                  study.duration: 2 h
                grid:
                  batteries[0].energy: [1 MWh, 2 MWh, 4 MWh]
                  loads[0].seed: 1..4
                  study.start: [2025-04-01, 2025-08-01]
                """);
        assertThat(s.scenarios()).hasSize(3 * 4 * 2);
        assertThat(s.axes())
                .extracting(Axis::column)
                .containsExactly("batteries_0_energy", "loads_0_seed", "study_start");
        assertThat(s.scenarios().get(0).axisValues()).containsExactly("1 MWh", "1", "2025-04-01");
        assertThat(s.scenarios().get(1).axisValues()).containsExactly("1 MWh", "1", "2025-08-01");
        assertThat(s.scenarios().get(2).axisValues()).containsExactly("1 MWh", "2", "2025-04-01");
        assertThat(s.scenarios().get(8).axisValues()).containsExactly("2 MWh", "1", "2025-04-01");
        assertThat(s.scenarios().get(23).axisValues()).containsExactly("4 MWh", "4", "2025-08-01");
        Set<List<String>> distinct = new HashSet<>();
        s.scenarios().forEach(c -> distinct.add(c.axisValues()));
        assertThat(distinct).hasSize(24);
        assertThat(s.scenarios())
                .extracting(Scenario::id)
                .startsWith("s0", "s1")
                .endsWith("s23");
        assertThat(s.run()).isEqualTo(ScenarioKind.PLAN);
        assertThat(s.series()).isFalse();
        assertThat(s.name()).isEqualTo("sweep");
        assertThat(s.site()).isEqualTo(dir.resolve("site.yaml").toAbsolutePath().normalize());
    }

    @Test
    void aScenarioSiteHasItsValuesTheSetsBeforeThemAndTheAxisWinning() throws IOException {
        Sweep s = read("""
                site: site.yaml
                set:
                  study.duration: 2 h
                  batteries[0].energy: 9 MWh
                grid:
                  batteries[0].energy: [1 MWh, 2 MWh]
                """, SiteOverride.parse("study.duration=3 h"));
        Scenario second = s.scenarios().get(1);
        assertThat(second.overrides())
                .extracting(SiteOverride::path)
                .containsExactly("study.duration", "batteries[0].energy", "study.duration", "batteries[0].energy");
        SiteConfig site = s.site(second);
        assertThat(site.batteries().get(0).energyKwh()).isEqualTo(2000);
        assertThat(site.study().durationMs()).isEqualTo(3 * 3_600_000L); // --set after the file's set
        assertThat(s.siteYaml(second)).contains("energy: 2 MWh").contains("duration: 3 h");
    }

    @Test
    void casesAreTakenAsListedAndStructuredValuesAsFlowYaml() throws IOException {
        Sweep s = read("""
                site: site.yaml
                run: optimize
                cases:
                  - {"batteries[0].energy": 1 MWh, strategy: {type: idle}}  # in a flow mapping, [ needs quotes
                  - batteries[0].energy: 3 MWh
                    strategy: {type: peak-shaving, dischargeAbove: 950 kW, chargeBelow: 600 kW}
                """);
        assertThat(s.run()).isEqualTo(ScenarioKind.OPTIMIZE);
        assertThat(s.scenarios())
                .extracting(Scenario::axisValues)
                .containsExactly(
                        List.of("1 MWh", "{type: idle}"),
                        List.of("3 MWh", "{type: peak-shaving, dischargeAbove: 950 kW, chargeBelow: 600 kW}"));
        assertThat(s.site(s.scenarios().get(1)).strategy().type()).isEqualTo("peak-shaving");
        assertThat(s.site(s.scenarios().get(0)).strategy().type()).isEqualTo("idle");
    }

    @Test
    void samplesAreReproducibleWithinTheirRangesInTheirUnit() throws IOException {
        String text = """
                site: site.yaml
                sample:
                  count: 200
                  seed: 7
                  axes:
                    batteries[0].energy: {from: 100 kWh, to: 400 kWh, name: energy}
                    loads[0].seed: 1..1000
                    study.start: [2025-04-01, 2025-08-01]
                """;
        Sweep a = read(text);
        Sweep b = read(text);
        assertThat(a.scenarios()).hasSize(200).isEqualTo(b.scenarios());
        assertThat(a.axes()).extracting(Axis::column).containsExactly("energy", "loads_0_seed", "study_start");
        Set<String> starts = new HashSet<>();
        for (Scenario s : a.scenarios()) {
            String energy = s.axisValues().get(0);
            assertThat(energy).endsWith(" kWh");
            double kwh = Double.parseDouble(energy.replace(" kWh", ""));
            assertThat(kwh).isBetween(100.0, 400.0);
            assertThat(energy.replace(" kWh", "").replace(".", "").replaceFirst("^0+", ""))
                    .hasSizeLessThanOrEqualTo(4);
            assertThat(Integer.parseInt(s.axisValues().get(1))).isBetween(1, 1000);
            starts.add(s.axisValues().get(2));
        }
        assertThat(starts).containsExactlyInAnyOrder("2025-04-01", "2025-08-01");
        assertThat(read(text.replace("seed: 7", "seed: 8")).scenarios()).isNotEqualTo(a.scenarios());
        assertThat(a.scenarios().get(199).id()).isEqualTo("s199");
    }

    @Test
    void problemsAreLocatedInTheSweepFile() throws IOException {
        assertProblem(
                "site: site.yaml\ngrid:\n  loads[0].seed: 5..1\n",
                ":3:18: grid.loads[0].seed: \"5..1\" is an empty range");
        assertProblem("site: site.yaml\ngrid:\n  loads[0].seed: []\n", "grid.loads[0].seed");
        assertProblem("site: site.yaml\ngrid:\n  loads[0].seed: abc\n", "\"abc\" is neither a list nor a range");
        assertProblem("site: site.yaml\ngrid:\n  loads[0]seed: [1]\n", "\"loads[0]seed\" is not a field path");
        assertProblem("site: site.yaml\n", "has none of grid, cases and sample; give exactly one");
        assertProblem(
                "site: nowhere.yaml\ngrid: {study.start: [2025-01-06]}\n",
                ":1:7: site: \"nowhere.yaml\" does not exist");
        assertProblem("site: site.yaml\nrun: plot\ngrid: {study.start: [2025-01-06]}\n", ":2:6: run: ");
        assertProblem(
                "site: site.yaml\ngrid:\n  loads[0].seed: 1..1000\n  study.start: 1..1000\n",
                "1000 x 1000 values make 1000000 scenarios; a sweep makes at most 100000");
        assertProblem(
                "site: site.yaml\ncases:\n  - loads[0].seed: 1\n  - study.start: 2025-01-06\n",
                ":4:5: cases[1]: lacks loads[0].seed and names study.start; every case names the keys of the first");
        assertProblem(
                "site: site.yaml\ngrid:\n  loads[0].seed: [1]\n  loads_0.seed: [2]\n",
                "its column \"loads_0_seed\" is also that of loads[0].seed");
        assertProblem(
                "site: site.yaml\nsample:\n  count: 3\n  axes:\n    batteries[0].energy: {from: 4 MWh, to: 100 kWh}\n",
                "is not in the unit of from");
    }

    @Test
    void aBadAxisValueFailsItsOwnScenarioWhereverItStandsAndABrokenBaseTheSweep() throws IOException {
        Sweep s = read("site: site.yaml\ngrid:\n  batteries[0].energy: [abc, 2 MWh]\n");
        assertThatThrownBy(() -> s.site(s.scenarios().get(0)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3, axis batteries[0].energy=abc: batteries[0].energy: ");
        assertThat(s.site(s.scenarios().get(1)).batteries().get(0).energyKwh()).isEqualTo(2000);
        // what every scenario shares is checked when the sweep is read
        assertProblem(
                "site: site.yaml\nset:\n  study.step: 7 parsecs\ngrid:\n  batteries[0].energy: [1 MWh, 2 MWh]\n",
                "study.step");
    }

    @Test
    void theSettingsChangeWithTheBaseSiteTheSetsAndTheCommandOnly() throws IOException {
        String sweep = "site: site.yaml\ngrid:\n  batteries[0].energy: [1 MWh, 2 MWh]\n";
        String settings = read(sweep).settings();
        assertThat(settings).startsWith("sha256:").isEqualTo(read(sweep).settings());
        assertThat(read(sweep.replace("2 MWh]", "2 MWh, 4 MWh]")).settings()).isEqualTo(settings);
        assertThat(read(sweep, SiteOverride.parse("study.duration=2 h")).settings())
                .isNotEqualTo(settings);
        assertThat(read("set:\n  study.duration: 2 h\n" + sweep).settings()).isNotEqualTo(settings);
        assertThat(read("run: optimize\n" + sweep).settings()).isNotEqualTo(settings);
        Files.writeString(dir.resolve("sweep.yaml"), sweep);
        Files.writeString(dir.resolve("site.yaml"), SITE.replace("base: 800 kW", "base: 850 kW"));
        assertThat(SweepReader.read(dir.resolve("sweep.yaml"), List.of()).settings())
                .isNotEqualTo(settings);
    }

    /** What the site is, not how it is written: a comment, or a --set repeating the sweep's set, changes nothing. */
    @Test
    void theSettingsFollowTheSiteNotItsWording() throws IOException {
        String sweep = "site: site.yaml\nset:\n  study.duration: 2 h\ngrid:\n  batteries[0].energy: [1 MWh, 2 MWh]\n";
        String settings = read(sweep).settings();
        assertThat(read(sweep, SiteOverride.parse("study.duration=2 h")).settings())
                .isEqualTo(settings);
        assertThat(read(sweep, SiteOverride.parse("study.duration=3 h")).settings())
                .isNotEqualTo(settings);
        Files.writeString(dir.resolve("sweep.yaml"), sweep);
        Files.writeString(dir.resolve("site.yaml"), "# the campus, commented\n" + SITE);
        assertThat(SweepReader.read(dir.resolve("sweep.yaml"), List.of()).settings())
                .isEqualTo(settings);
    }

    @Test
    void theBundledSweepHasAFewDozenScenariosOfTheCampus() {
        Sweep s = SweepReader.read(Repository.examples().resolve("sakai-sweep.yaml"), List.of());
        assertThat(s.scenarios().size()).isBetween(24, 36);
        assertThat(s.site())
                .isEqualTo(Repository.examples()
                        .resolve("sakai-ai-campus.yaml")
                        .toAbsolutePath()
                        .normalize());
        SiteConfig last = s.site(s.scenarios().get(s.scenarios().size() - 1));
        assertThat(last.study().durationMs()).isEqualTo(86_400_000L);
    }

    private void assertProblem(String sweep, String expected) throws IOException {
        assertThatThrownBy(() -> read(sweep))
                .as(sweep)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected);
    }

    private Sweep read(String sweep, SiteOverride... sets) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SITE);
        return SweepReader.read(Files.writeString(dir.resolve("sweep.yaml"), sweep), List.of(sets));
    }
}
