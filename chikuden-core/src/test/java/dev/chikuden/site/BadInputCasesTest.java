package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chikuden.config.ConfigException;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented bad-input case of the site file (the README's example and the cases of the reader
 * tests) through the reader as it is: schema, binding and rules. Each names its line, column, field
 * and the value as written.
 */
class BadInputCasesTest {
    @TempDir
    Path dir;

    /** One bad input: how it is made from a valid site, and where and what the problem names. */
    record Case(String what, UnaryOperator<String> edit, int line, int column, String field, String value) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                valid(
                        "an unknown report language",
                        s -> s + "output: {step: 2 min, language: fr}\n",
                        20,
                        33,
                        "output.language",
                        "fr"),
                valid(
                        "a 5,000-character report language, cut short in the message",
                        s -> s + "output: {step: 2 min, language: " + "x".repeat(5000) + "}\n",
                        20,
                        33,
                        "output.language",
                        "\"" + "x".repeat(40) + "... (5000 characters)\" is not"),
                valid(
                        "a 1,000-character unknown key (YAML allows no longer), cut short in the message",
                        s -> s + "output: {step: 2 min, " + "y".repeat(1000) + ": 1}\n",
                        20,
                        23,
                        "output." + "y".repeat(1000),
                        "unknown key \"" + "y".repeat(40) + "... (1000 characters)\""),
                valid(
                        "an unknown controller type",
                        s -> stack(s, "- {type: peak-shaver}"),
                        19,
                        14,
                        "strategy.controllers[0].type",
                        "peak-shaver"),
                valid(
                        "an MPC horizon below the LP period",
                        s -> mpc(s, "{type: mpc, horizon: 10 min}"),
                        20,
                        28,
                        "strategy.controllers[1].horizon",
                        "10 min"),
                valid(
                        "an MPC noise above 100 %",
                        s -> mpc(s, "{type: mpc, forecast: noisy, noise: 150 %}"),
                        20,
                        43,
                        "strategy.controllers[1].noise",
                        "150 %"),
                valid(
                        "a life table row of two values",
                        s -> s.replace(
                                "    power: 500 kW",
                                "    power: 500 kW\n    aging: {model: table, lifeTable: [[20 %, 0]]}"),
                        11,
                        39,
                        "batteries[0].aging.lifeTable[0]",
                        "2 values"),
                valid(
                        "an unknown battery preset",
                        s -> s.replace("    power: 500 kW", "    power: 500 kW\n    preset: lfp-box"),
                        11,
                        13,
                        "batteries[0].preset",
                        "lfp-box"),
                valid(
                        "an unknown key",
                        s -> s.replace("  - energy: 1 MWh", "  - energi: 1 MWh"),
                        9,
                        5,
                        "batteries[0].energi",
                        "energi"),
                valid(
                        "an energy in MW",
                        s -> s.replace("energy: 1 MWh", "energy: 1 MW"),
                        9,
                        13,
                        "batteries[0].energy",
                        "1 MW"),
                valid(
                        "a power without a unit",
                        s -> s.replace("contract: 1 MW", "contract: 1000"),
                        3,
                        13,
                        "grid.contract",
                        "1000"),
                valid(
                        "a negative energy",
                        s -> s.replace("energy: 1 MWh", "energy: -1 MWh"),
                        9,
                        13,
                        "batteries[0].energy",
                        "-1 MWh"),
                valid(
                        "an efficiency above 100 %",
                        s -> s.replace("power: 500 kW", "power: 500 kW\n    chargeEfficiency: 102 %"),
                        11,
                        23,
                        "batteries[0].chargeEfficiency",
                        "102 %"),
                valid(
                        "an efficiency of 0",
                        s -> s.replace("power: 500 kW", "power: 500 kW\n    dischargeEfficiency: 0"),
                        11,
                        26,
                        "batteries[0].dischargeEfficiency",
                        "\"0\""),
                valid(
                        "an SOC window upside down",
                        s -> s.replace(
                                "{min: 10 %, max: 90 %, initial: 50 %}", "{min: 90 %, max: 10 %, initial: 50 %}"),
                        11,
                        16,
                        "batteries[0].soc",
                        "min 90 %"),
                valid(
                        "an initial SOC outside the window",
                        s -> s.replace("initial: 50 %", "initial: 95 %"),
                        11,
                        42,
                        "batteries[0].soc.initial",
                        "95 %"),
                valid(
                        "a step that does not divide the period",
                        s -> s.replace("step: 1 min", "step: 7 min"),
                        15,
                        9,
                        "study.step",
                        "7 min"),
                valid("a step below 10 ms", s -> s.replace("step: 1 min", "step: 5 ms"), 15, 9, "study.step", "5 ms"),
                valid(
                        "a start off the half hour",
                        s -> s.replace("start: 2025-01-06", "start: 2025-01-06T00:29"),
                        13,
                        10,
                        "study.start",
                        "2025-01-06T00:29"),
                valid("an unknown time zone", s -> "timeZone: Asia/Osaka\n" + s, 1, 11, "timeZone", "Asia/Osaka"),
                valid(
                        "a start that is no date",
                        s -> s.replace("start: 2025-01-06", "start: 2025-13-06"),
                        13,
                        10,
                        "study.start",
                        "2025-13-06"),
                valid(
                        "an unknown strategy",
                        s -> s.replace("type: peak-shaving", "type: peak-shave"),
                        17,
                        9,
                        "strategy.type",
                        "peak-shave"),
                valid(
                        "thresholds inverted",
                        s -> s.replace("chargeBelow: 700 kW", "chargeBelow: 950 kW"),
                        19,
                        16,
                        "strategy.chargeBelow",
                        "950 kW"),
                valid(
                        "a daily shape of three hours",
                        s -> s.replace("base: 800 kW", "base: 800 kW\n    daily: [1, 1, 1]"),
                        8,
                        12,
                        "loads[0].daily",
                        "3 values"),
                valid(
                        "a mapping where a power belongs",
                        s -> s.replace("base: 800 kW", "base: {value: 800 kW}"),
                        7,
                        11,
                        "loads[0].base",
                        "a mapping"),
                valid(
                        "a duplicate key",
                        s -> s.replace("  contract: 1 MW", "  contract: 1 MW\n  contract: 2 MW"),
                        4,
                        3,
                        "grid.contract",
                        "duplicate key"),
                valid(
                        "a trace file that is missing",
                        s -> s.replace("type: profile\n    base: 800 kW", "type: csv\n    file: nowhere.csv"),
                        7,
                        11,
                        "loads[0].file",
                        "nowhere.csv"),
                valid(
                        "an LP period of 20 min",
                        s -> s + "optimize: {step: 20 min, solver: clp}\n",
                        20,
                        18,
                        "optimize.step",
                        "20 min"),
                valid(
                        "an unknown solver",
                        s -> s + "optimize: {solver: gurobi}\n",
                        20,
                        20,
                        "optimize.solver",
                        "gurobi"),
                valid(
                        "a sizing power of 0",
                        s -> s + "sizing: {power: [10 MW, 0 MW], energy: [1 MWh]}\n",
                        20,
                        25,
                        "sizing.power[1]",
                        "0 MW"),
                valid(
                        "a sizing range upside down",
                        s -> s + "sizing: {power: [1 MW], energy: {from: 80 MWh, to: 20 MWh, steps: 4}}\n",
                        20,
                        52,
                        "sizing.energy.to",
                        "below from"),
                valid(
                        "a finance section without the capex",
                        s -> s + "finance: {capexYenPerKw: 1}\n",
                        20,
                        10,
                        "finance.capexYenPerKwh",
                        "is required"),
                valid(
                        "a tariff contract misspelt",
                        s -> s + "tariff: {preset: kansai-high-voltage-as, contract: ratchett}\n",
                        20,
                        52,
                        "tariff.contract",
                        "ratchett"),
                valid(
                        "a tariff month that does not exist",
                        s -> s + "tariff: {preset: kansai-high-voltage-as, fuelCostAdjustment: {2025-13: 1.0}}\n",
                        20,
                        63,
                        "tariff.fuelCostAdjustment.2025-13",
                        "2025-13"),
                valid(
                        "a power factor above 100 %",
                        s -> s + "tariff: {preset: kansai-high-voltage-as, powerFactor: 110 %}\n",
                        20,
                        55,
                        "tariff.powerFactor",
                        "110 %"),
                valid(
                        "an unknown JEPX area",
                        s -> s + "prices: {file: t.yaml, area: osaka}\n",
                        20,
                        30,
                        "prices.area",
                        "osaka"),
                new Case(
                        "the README's example: an energy in MW",
                        s -> example().replace("energy: 200 MWh", "energy: 200 MW"),
                        54,
                        13,
                        "batteries[0].energy",
                        "200 MW"),
                new Case(
                        "the README's example: a step of 11 s",
                        s -> example().replace("step: 1 s\n\ncontrol", "step: 11 s\n\ncontrol"),
                        64,
                        9,
                        "study.step",
                        "11 s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesLineColumnFieldAndValue(Case c) throws IOException {
        Path f = Files.writeString(dir.resolve("t.yaml"), c.edit().apply(SiteConfigReaderTest.VALID));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(f));
        assertThat(e).as("the file was accepted").isNotNull();
        List<ConfigProblem> problems = e.problems();
        assertThat(problems).as(e.getMessage()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(f);
            assertThat(p.line()).isEqualTo(c.line());
            assertThat(p.column()).isEqualTo(c.column());
            assertThat(p.path()).isEqualTo(c.field());
            assertThat(p.message()).contains(c.value());
        });
    }

    private static Case valid(
            String what, UnaryOperator<String> edit, int line, int column, String field, String value) {
        return new Case(what, edit, line, column, field, value);
    }

    private static String stack(String site, String layer) {
        return site.replace(
                "  type: peak-shaving\n  dischargeAbove: 900 kW\n  chargeBelow: 700 kW",
                "  type: stack\n  controllers:\n    " + layer);
    }

    private static String mpc(String site, String layer) {
        return stack(site, "- {type: demand-limiter, target: 900 kW}\n    - " + layer);
    }

    private static String example() {
        try {
            return Files.readString(Repository.examples().resolve("sakai-ai-campus.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
