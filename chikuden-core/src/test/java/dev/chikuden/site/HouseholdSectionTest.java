package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.config.ConfigException;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.load.household.HouseholdLoad;
import dev.chikuden.load.household.HouseholdShape;
import dev.chikuden.profile.Profile;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: household} through the reader as it is: schema, binding, rules, and the model it makes. */
class HouseholdSectionTest {
    static final String SITE = """
            name: Osaka home
            grid: {contract: 6 kW, voltage: low}
            loads:
              - type: household
                annual: 4,500 kWh
            study: {start: 2025-01-01, duration: 365 d, step: 1 h}
            strategy: {type: idle}
            """;

    @TempDir
    Path dir;

    @Test
    void readsAHouseholdWithTheDefaults() throws IOException {
        HouseholdLoadSpec h = (HouseholdLoadSpec) read(SITE).loads().get(0);
        assertThat(h.preset()).isEqualTo("japan-region-6-4-person");
        assertThat(h.annualKwh()).isEqualTo(4500);
        assertThat(h.ecoCute()).isNull();
        assertThat(h.ev()).isNull();
        assertThat(h.name()).isEqualTo("loads[0]");
    }

    @Test
    void readsTheWaterHeaterAndTheCar() throws IOException {
        HouseholdLoadSpec h = household("""
                    ecoCute: true
                    preset: japan-region-6-4-person
                    ev: {daily: 8 kWh, power: 3 kW, start: "22:00"}
                """);
        assertThat(h.ecoCute()).isEqualTo(new HouseholdLoad.EcoCute(null));
        assertThat(h.ev()).isEqualTo(new HouseholdLoad.EvCharging(8, 3, LocalTime.of(22, 0)));
        assertThat(household("    ecoCute: {annual: 1800 kWh}\n").ecoCute())
                .isEqualTo(new HouseholdLoad.EcoCute(1800.0));
        assertThat(household("    ecoCute: false\n").ecoCute()).isNull();
    }

    /** The site's model of a year at hourly steps draws the annual energy, car and water heater included. */
    @Test
    void theStudysYearDrawsTheAnnualEnergy() throws IOException {
        SiteConfig site = read(SITE.replace("annual: 4,500 kWh", """
                annual: 7,200 kWh
                    ecoCute: true
                    ev: {daily: 6 kWh, power: 3 kW, start: "01:00"}"""));
        TimeGrid grid = SiteModels.timeGrid(site);
        Profile load = SiteModels.load(site, grid);
        double[] kw = new double[(int) grid.steps()];
        load.fill(0, kw, kw.length);
        double kwh = 0;
        for (double v : kw) {
            kwh += v;
        }
        assertThat(kwh).isCloseTo(7200, offset(1e-6));
    }

    /** The schema lists the shapes the code ships, and each one reads. */
    @Test
    void theSchemaListsTheShippedPresets() throws IOException {
        JsonNode allOf = new ObjectMapper()
                .readTree(Repository.schemas().resolve("site.schema.json").toFile())
                .at("/properties/loads/items/allOf");
        List<String> listed = new ArrayList<>();
        for (JsonNode block : allOf) {
            if (block.at("/if/properties/type/const").asText().equals("household")) {
                block.at("/then/properties/preset/enum").forEach(n -> listed.add(n.asText()));
            }
        }
        assertThat(listed).containsExactlyElementsOf(HouseholdShape.PRESETS);
        for (String preset : listed) {
            assertThat(household("    preset: " + preset + "\n").shape().name()).isNotBlank();
        }
    }

    @Test
    void anUnknownPresetNamesTheShippedOnes() throws IOException {
        assertProblems(
                householdYaml("    preset: tokyo-flat\n"),
                "t.yaml:6:13: loads[0].preset: \"tokyo-flat\" is not a household preset; allowed: "
                        + "japan-region-6-4-person");
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        assertProblems(
                householdYaml("    persons: 4\n"),
                "t.yaml:6:5: loads[0].persons: unknown key \"persons\" Allowed here: name, type, preset, annual, "
                        + "ecoCute, ev");
    }

    @Test
    void aWaterHeaterIsTrueFalseOrItsEnergy() throws IOException {
        assertProblems(
                householdYaml("    ecoCute: 1800\n"),
                "t.yaml:6:14: loads[0].ecoCute: \"1800\" is not true, false or {annual}");
        assertProblems(
                householdYaml("    ecoCute: {annual: 0 kWh}\n"),
                "t.yaml:6:23: loads[0].ecoCute.annual: \"0 kWh\" must be greater than 0");
    }

    @Test
    void theCarNeedsItsEnergyPowerAndAStartOnTheClock() throws IOException {
        assertProblems(
                householdYaml("    ev: {daily: 8 kWh, power: 3 kW, start: \"25:00\"}\n"),
                "t.yaml:6:44: loads[0].ev.start: \"25:00\" is not a local time such as \"22:00\"");
        assertProblems(
                householdYaml("    ev: {daily: 8 kWh, power: 3 kW}\n"),
                "t.yaml:6:9: loads[0].ev.start: is required: a local time such as \"22:00\"");
        assertProblems(
                householdYaml("    ev: {daily: 30 kWh, power: 1 kW, start: \"22:00\"}\n"),
                "t.yaml:6:17: loads[0].ev.daily: \"30 kWh\" a day needs more than 24 h at \"1 kW\"; give at most "
                        + "24 kWh a day or a larger power");
    }

    @Test
    void theAnnualEnergyMustLeaveSomethingForTheHousehold() throws IOException {
        assertProblems(
                SITE.replace(
                        "annual: 4,500 kWh",
                        "annual: 3,000 kWh\n    ecoCute: true\n"
                                + "    ev: {daily: 5 kWh, power: 3 kW, start: \"22:00\"}"),
                "t.yaml:5:13: loads[0].annual: \"3,000 kWh\" leaves nothing for the rest of the household: the "
                        + "water heater takes 2,161 kWh and the car 1,830 kWh in a leap year; annual is the whole "
                        + "household's energy, these included: give more than 3,991 kWh");
        assertProblems(
                SITE.replace("annual: 4,500 kWh", "annual: 0 kWh"),
                "t.yaml:5:13: loads[0].annual: \"0 kWh\" must be greater than 0");
    }

    private HouseholdLoadSpec household(String keys) throws IOException {
        return (HouseholdLoadSpec) read(householdYaml(keys).replace("4,500 kWh", "7,000 kWh"))
                .loads()
                .get(0);
    }

    private static String householdYaml(String keys) {
        return SITE.replace("    annual: 4,500 kWh\n", "    annual: 4,500 kWh\n" + keys);
    }

    private SiteConfig read(String yaml) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, yaml);
        return SiteConfigReader.read(f);
    }

    private void assertProblems(String yaml, String... expected) throws IOException {
        assertThat(problems(yaml)).extracting(Object::toString).containsExactly(expected);
    }

    private List<ConfigProblem> problems(String yaml) throws IOException {
        try {
            read(yaml);
        } catch (ConfigException e) {
            return e.problems().stream()
                    .map(p -> new ConfigProblem(Path.of("t.yaml"), p.line(), p.column(), p.path(), p.message()))
                    .toList();
        }
        throw new AssertionError("expected problems, the file was accepted:\n" + yaml);
    }
}
