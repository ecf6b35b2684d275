package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigException;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteOverrideTest {
    private static final String SITE = SiteConfigReaderTest.VALID + """
            tariff:
              preset: kansai-high-voltage-as
            """;

    @TempDir
    Path dir;

    @Test
    void aScalarReplacesTheValueWithItsUnit() throws IOException {
        SiteConfig site = read(SITE, "batteries[0].energy=4 MWh", "study.start=2025-08-01", "loads[0].seed=42");
        assertThat(site.batteries().get(0).energyKwh()).isEqualTo(4000);
        assertThat(site.study().start()).isEqualTo(Instant.parse("2025-07-31T15:00:00Z"));
        assertThat(((DailyProfileLoadSpec) site.loads().get(0)).seed()).isEqualTo(42);
    }

    @Test
    void aFlowMappingReplacesTheWholeMapping() throws IOException {
        SiteConfig site = read(SITE, "strategy={type: peak-shaving, dischargeAbove: 950 kW, chargeBelow: 600 kW}");
        assertThat(site.strategy()).isEqualTo(new StrategySpec.PeakShaving(950, 600));
        // the whole node is replaced, not merged: the idle strategy has no levels left over to complain about
        assertThat(read(SITE, "strategy={type: idle}").strategy()).isInstanceOf(StrategySpec.Idle.class);
    }

    @Test
    void aFlowListReplacesAList() throws IOException {
        SiteConfig site = read(SITE, "loads[0].daily=" + Arrays.toString(twentyFour()));
        assertThat(((DailyProfileLoadSpec) site.loads().get(0)).hourlyFactors())
                .hasSize(24)
                .containsOnly(0.5);
    }

    @Test
    void aKeyTheFileLacksIsAdded() throws IOException {
        assertThat(read(SITE, "class=household").siteClass()).isEqualTo(SiteClass.HOUSEHOLD);
        // a new mapping on the way is made
        assertThat(read(SITE, "location.latitude=34.5", "location.longitude=135.5")
                        .location())
                .isEqualTo(new Location(34.5, 135.5));
    }

    @Test
    void aPresetSetByAnOverrideIsTheOneUnderlaid() throws IOException {
        SiteConfig site = read(SITE, "batteries[0]={preset: home-13.5kwh}", "tariff.preset=kansai-high-voltage-as-tou");
        assertThat(site.batteries().get(0).energyKwh()).isEqualTo(13.5);
        assertThat(site.billing().tariff().name()).contains("AS-TOU");
        assertThat(read(SITE).billing().tariff().name()).doesNotContain("TOU");
    }

    @Test
    void theLastOverrideOfAFieldWins() throws IOException {
        assertThat(read(SITE, "batteries[0].energy=2 MWh", "batteries[0].energy=3 MWh")
                        .batteries()
                        .get(0)
                        .energyKwh())
                .isEqualTo(3000);
    }

    @Test
    void noOverrideReadsTheFileAsBefore() throws IOException {
        assertThat(shown(read(SITE))).isEqualTo(shown(SiteConfigReader.read(write(SITE))));
    }

    @Test
    void aBadValueIsPlacedAtItsOverrideNotAtTheLineItReplaced() throws IOException {
        assertThat(problems(SITE, "batteries[0].energy=abc"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith(dir.resolve("t.yaml") + ", --set batteries[0].energy=abc: batteries[0].energy: ")
                .contains("\"abc\"");
        // inside a mapping put in by an override: still the override
        assertThat(problems(SITE, "strategy={type: peak-shaving, dischargeAbove: 9 MWh, chargeBelow: 1 kW}"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(", --set strategy={type: peak-shaving")
                .contains("strategy.dischargeAbove: \"9 MWh\" has unit \"MWh\"");
        // a problem elsewhere keeps its line
        assertThat(problems(SITE, "study.step=7 min"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(", --set study.step=7 min: study.step: \"7 min\" does not divide");
        assertThat(problems(SITE, "batteries[0].energyy=1 MWh"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(", --set batteries[0].energyy=1 MWh: batteries[0].energyy: ")
                .contains("did you mean \"energy\"");
    }

    @Test
    void anIndexPastTheEndIsAProblemNamingWhatThereIs() throws IOException {
        assertThat(problems(SITE, "batteries[1].energy=1 MWh"))
                .containsExactly(dir.resolve("t.yaml") + ", --set batteries[1].energy=1 MWh: batteries[1].energy: "
                        + "batteries has 1 item ([0] to [0]), no [1]; an override replaces an item, it cannot add one");
    }

    @Test
    void goingThroughAScalarOrIndexingAMappingIsAProblem() throws IOException {
        assertThat(problems(SITE, "batteries[0].energy.unit=kWh"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("batteries[0].energy is a single value (1 MWh), not a mapping of keys");
        assertThat(problems(SITE, "study[0]=x"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("study is a mapping, not a list");
        assertThat(problems(SITE, "pv[0].peak=1 MW"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("pv is not in the file; an override replaces a list's item, it cannot make the list");
    }

    @Test
    void everyBadOverrideIsReportedAtOnce() throws IOException {
        assertThat(problems(SITE, "batteries[3].energy=1 MWh", "strategy={a: 1, a: 2}"))
                .hasSize(2);
    }

    @Test
    void parseSplitsAtTheFirstEquals() {
        assertThat(SiteOverride.parse("strategy={type: x, a: b=c}"))
                .isEqualTo(new SiteOverride("strategy", "{type: x, a: b=c}", "--set"));
        assertThat(SiteOverride.parse(" study.start = 2025-08-01 ").value()).isEqualTo("2025-08-01");
        assertThat(SiteOverride.parse("tariff.fuelCostAdjustment.2025-08=-0.5").path())
                .isEqualTo("tariff.fuelCostAdjustment.2025-08");
    }

    @Test
    void parseRefusesBadSyntaxNamingTheTextAndTheForm() {
        assertThatThrownBy(() -> SiteOverride.parse("batteries[0].energy"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--set batteries[0].energy: has no \"=\"; write --set path=value");
        for (String bad : List.of("batteries[x].energy=1", "batteries..energy=1", ".a=1", "a.=1", "[0]=1", "a[0=1")) {
            assertThatThrownBy(() -> SiteOverride.parse(bad))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("--set " + bad + ": ")
                    .hasMessageContaining("is not a field path")
                    .hasMessageContaining("e.g. batteries[0].energy");
        }
        assertThatThrownBy(() -> SiteOverride.parse("study.start="))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the value is empty");
    }

    @Test
    void theOverriddenYamlReadsAsTheOverriddenSite() throws IOException {
        Path campus = Repository.examples().resolve("sakai-ai-campus.yaml");
        List<SiteOverride> overrides =
                List.of(SiteOverride.parse("batteries[0].energy=400 MWh"), SiteOverride.parse("study.duration=1 h"));
        String yaml = SiteConfigReader.overriddenYaml(campus, overrides);
        assertThat(yaml).contains("energy: 400 MWh").contains("marketPriceAdjustment: \"off\"");
        // written beside the base file, its relative paths hold
        Path copy = Files.writeString(Repository.examples().resolve("../target-override-copy.yaml"), yaml);
        try {
            SiteConfig again = SiteConfigReader.read(copy);
            SiteConfig direct = SiteConfigReader.read(campus, overrides);
            assertThat(shown(again).replace(copy.toString(), campus.toString())).isEqualTo(shown(direct));
        } finally {
            Files.delete(copy);
        }
    }

    /** The site's records as text, without the identities of the objects that have no text of their own. */
    private static String shown(SiteConfig site) {
        return site.toString().replaceAll("@[0-9a-f]+", "");
    }

    private static double[] twentyFour() {
        double[] d = new double[24];
        Arrays.fill(d, 0.5);
        return d;
    }

    private SiteConfig read(String yaml, String... sets) throws IOException {
        return SiteConfigReader.read(
                write(yaml), Arrays.stream(sets).map(SiteOverride::parse).toList());
    }

    private List<String> problems(String yaml, String... sets) throws IOException {
        try {
            read(yaml, sets);
        } catch (ConfigException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("expected problems, the overrides were accepted: " + List.of(sets));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("t.yaml"), yaml);
    }
}
