package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigReaderTest {
    /** A small valid site; each malformed case edits one or two lines of it. */
    static final String VALID = """
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
                soc: {min: 10 %, max: 90 %, initial: 50 %}
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

    @Test
    void readsTheValidSite() throws IOException {
        SiteConfig site = SiteConfigReader.read(write(VALID));
        assertThat(site.name()).isEqualTo("Test site");
        assertThat(site.zone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(site.grid().contractKw()).isEqualTo(1000);
        assertThat(site.grid().voltage()).isEqualTo(VoltageClass.HIGH);
        assertThat(site.grid().frequencyHz()).isEqualTo(60);
        assertThat(site.batteries()).singleElement().satisfies(b -> {
            assertThat(b.energyKwh()).isEqualTo(1000);
            assertThat(b.chargePowerKw()).isEqualTo(500);
            assertThat(b.dischargePowerKw()).isEqualTo(500);
            assertThat(b.socMin()).isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(b.conversion().dcChargeEfficiency()).isEqualTo(0.95);
        });
        assertThat(site.study().start()).isEqualTo(Instant.parse("2025-01-05T15:00:00Z"));
        assertThat(site.study().steps()).isEqualTo(1440);
        assertThat(site.strategy()).isEqualTo(new StrategySpec.PeakShaving(900, 700));
        assertThat(site.output().stepMs()).isEqualTo(60_000);
        assertThat(site.output().language()).isEqualTo("en");
    }

    @Test
    void theReportLanguageIsEnglishOrJapanese() throws IOException {
        SiteConfig site = SiteConfigReader.read(write(VALID + "output: {language: ja}\n"));
        assertThat(site.output().language()).isEqualTo("ja");
        assertThat(site.output().stepMs()).isEqualTo(60_000);
    }

    @Test
    void anUnknownReportLanguage() throws IOException {
        assertProblems(
                VALID + "output: {step: 2 min, language: fr}\n",
                "t.yaml:20:33: output.language: \"fr\" is not one of en, ja");
    }

    @Test
    void readsTheBundledExamples() {
        for (String name : List.of("sakai-ai-campus.yaml", "sakai-year-1s.yaml")) {
            Path example = Repository.examples().resolve(name);
            SiteConfig site = SiteConfigReader.read(example);
            assertThat(site.batteries()).isNotEmpty();
            assertThat(site.study().stepMs()).isEqualTo(1000);
        }
        assertThat(SiteConfigReader.read(Repository.examples().resolve("sakai-year-1s.yaml"))
                        .study()
                        .steps())
                .isEqualTo(365L * 86400);
        var mpc =
                (StrategySpec.Stack) SiteConfigReader.read(Repository.examples().resolve("sakai-mpc.yaml"))
                        .strategy();
        assertThat(mpc.layers()).extracting(l -> l.getClass().getSimpleName()).containsExactly("DemandLimiter", "Mpc");
    }

    @Test
    void roundTripEfficiencyIsSplitEvenly() throws IOException {
        SiteConfig site = SiteConfigReader.read(
                write(VALID.replace("power: 500 kW", "power: 500 kW\n    roundTripEfficiency: 81 %")));
        assertThat(site.batteries().get(0).conversion().dcChargeEfficiency())
                .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(site.batteries().get(0).conversion().dcDischargeEfficiency())
                .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Values a battery cannot have are problems; values a battery hardly ever has are read, each with a warning. */
    @Test
    void implausibleBatteryValuesAreReadWithAWarningEach() throws IOException {
        assertWarnings(
                VALID.replace("power: 500 kW", "power: 500 kW\n    roundTripEfficiency: 9 %"),
                "t.yaml:11:26: batteries[0].roundTripEfficiency: \"9 %\" is outside the usual 70-98 % of a battery's "
                        + "round-trip efficiency; used as given, check it");
        assertWarnings(
                VALID.replace("power: 500 kW", "power: 500 kW\n    roundTripEfficiency: 100 %"),
                "t.yaml:11:26: batteries[0].roundTripEfficiency: \"100 %\" is outside the usual 70-98 % of a "
                        + "battery's round-trip efficiency; used as given, check it");
        assertWarnings(
                VALID.replace("power: 500 kW", "power: 500 kW\n    chargeEfficiency: 60 %"),
                "t.yaml:11:23: batteries[0].chargeEfficiency: charge 60 % x discharge 95 % is a round trip of 57 %, "
                        + "outside the usual 70-98 % of a battery; used as given, check them");
        assertWarnings(
                VALID.replace("power: 500 kW", "power: 50 kW"),
                "t.yaml:10:12: batteries[0].power: \"50 kW\" on 1,000 kWh is 0.05 C (a full charge or discharge "
                        + "takes 20 h), outside the usual 0.1-4 C of a battery; used as given, check power and energy");
        assertWarnings(
                VALID.replace("power: 500 kW", "chargePower: 500 kW\n    dischargePower: 10 MW"),
                "t.yaml:11:21: batteries[0].dischargePower: \"10 MW\" on 1,000 kWh is 10 C (a full discharge "
                        + "takes 6 min), outside the usual 0.1-4 C of a battery; used as given, check power and energy");
        assertWarnings(
                VALID.replace(
                        "soc: {min: 10 %, max: 90 %, initial: 50 %}", "soc: {min: 40 %, max: 60 %, initial: 50 %}"),
                "t.yaml:11:10: batteries[0].soc: the window 40 % .. 60 % uses 20 % of the energy; batteries usually "
                        + "use 60-100 % (e.g. 5 % .. 95 %); used as given, check min and max");
        assertWarnings(
                VALID.replace("power: 500 kW", "power: 500 kW\n    auxiliaryLoad: 50 kW"),
                "t.yaml:11:20: batteries[0].auxiliaryLoad: \"50 kW\" is 10 % of the discharge rating, above the "
                        + "usual 5 % of a battery's auxiliaries; used as given, check it");
        assertWarnings(VALID.replace("power: 500 kW", "power: 500 kW\n    roundTripEfficiency: 88 %"));
        assertWarnings(VALID);
    }

    @Test
    void anEfficiencyOutsideZeroToOneHundredPercentIsAProblem() throws IOException {
        assertProblems(
                VALID.replace("power: 500 kW", "power: 500 kW\n    roundTripEfficiency: 0 %"),
                "t.yaml:11:26: batteries[0].roundTripEfficiency: \"0 %\" is outside (0, 1]; an efficiency is a "
                        + "fraction such as \"95 %\" or 0.95");
        assertProblems(
                VALID.replace("power: 500 kW", "power: 500 kW\n    roundTripEfficiency: 9"),
                "t.yaml:11:26: batteries[0].roundTripEfficiency: \"9\" is outside (0, 1]; an efficiency is a "
                        + "fraction such as \"95 %\" or 0.95");
    }

    @Test
    void readsATableAgingModelAndAPreset() throws IOException {
        SiteConfig site = SiteConfigReader.read(write(VALID.replace("    power: 500 kW", """
                    power: 500 kW
                    preset: lfp-container
                    aging:
                      model: table
                      lifeTable: [[20 %, 0, 100 %], [20 %, 5000, 80 %], [80 %, 0, 100 %], [80 %, 1000, 80 %]]
                      calendar: {lossAfterOneYear: 2 %, at: 25 °C, doublesEvery: 10 °C}
                      endOfLife: 75 %\
                """)));
        var b = site.batteries().get(0);
        assertThat(b.aging()).isInstanceOf(dev.chikuden.aging.AgingSpec.Table.class);
        assertThat(b.endOfLifeSoh()).isEqualTo(0.75);
        assertThat(b.thermal()).isNotNull(); // from the preset
        assertThat(b.conversion().dcChargeEfficiency()).isEqualTo(0.965); // from the preset
        assertThat(b.socMin()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-12)); // the site's own window
        assertThat(b.standbyKw()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12)); // 0.2 % of 500 kW
    }

    @Test
    void readsAControllerStackHighestPriorityFirst() throws IOException {
        SiteConfig site = SiteConfigReader.read(write(VALID.replace("""
                strategy:
                  type: peak-shaving
                  dischargeAbove: 900 kW
                  chargeBelow: 700 kW
                """, """
                control:
                  converter: {ramp: 2 MW/s}
                strategy:
                  type: stack
                  controllers:
                    - {type: backup-reserve, criticalLoad: 200 kW, duration: 15 min}
                    - {type: load-drop-absorber, maxDrop: 100 kW/s}
                    - {type: grid-code-smoothing, maxRamp: 50 kW/s, tolerance: 20 kW}
                    - {type: frequency-response, reserved: 100 kW}
                    - {type: demand-limiter, margin: 5 %}
                    - {type: manual}
                """)));
        var stack = (StrategySpec.Stack) site.strategy();
        assertThat(stack.pcsRampKwPerS()).isEqualTo(2000);
        assertThat(stack.layers())
                .extracting(l -> l.getClass().getSimpleName())
                .containsExactly(
                        "BackupReserve",
                        "LoadDropAbsorber",
                        "GridCodeSmoothing",
                        "FrequencyResponse",
                        "DemandLimiter",
                        "Manual");
        assertThat(stack.layers().get(0)).isEqualTo(new StrategySpec.BackupReserve(200, 0.25));
        assertThat(((StrategySpec.DemandLimiter) stack.layers().get(4)).targetKw())
                .isCloseTo(950, org.assertj.core.data.Offset.offset(1e-9)); // 1 MW contract less 5 %
        var smoothing = (StrategySpec.GridCodeSmoothing) stack.layers().get(2);
        assertThat(smoothing.filterSeconds()).isEqualTo(60); // defaults
        assertThat(smoothing.socRecoveryHours()).isEqualTo(2);
    }

    // ---- malformed files: each asserts the exact message, line and column ----

    @Test
    void aHouseholdsBadKeysAreNamedWhereTheyStand() throws IOException {
        assertProblems(
                VALID.replace(
                                "  type: peak-shaving\n  dischargeAbove: 900 kW\n  chargeBelow: 700 kW",
                                "  type: stack\n  controllers:\n"
                                        + "    - {type: self-consumption, gridCharge: {from: \"23:00\", to: \"23:00\", upTo: 50 %}}")
                        .replaceFirst("(?m)^name: ", "class: home\nname: "),
                "t.yaml:1:8: class: \"home\" is not one of ai-campus, grid-battery, industrial, commercial, household",
                "t.yaml:20:64: strategy.controllers[0].gridCharge.to: is the same time as from; a window needs two times");
    }

    @Test
    void anUnknownControllerType() throws IOException {
        assertProblems(
                VALID.replace(
                        "  type: peak-shaving\n  dischargeAbove: 900 kW\n  chargeBelow: 700 kW",
                        "  type: stack\n  controllers:\n    - {type: peak-shaver}"),
                "t.yaml:19:14: strategy.controllers[0].type: \"peak-shaver\" is not one of backup-reserve, "
                        + "load-drop-absorber, grid-code-smoothing, frequency-response, demand-limiter, schedule, mpc, "
                        + "self-consumption, manual, fleet");
    }

    private String schedule(String header, String layer) throws IOException {
        Files.writeString(
                dir.resolve("schedule.csv"),
                "timestamp," + header + "\n2025-01-06T00:00:00+09:00,100\n" + "2025-01-06T00:30:00+09:00,-50\n");
        return VALID.replace(
                "  type: peak-shaving\n  dischargeAbove: 900 kW\n  chargeBelow: 700 kW",
                "  type: stack\n  controllers:\n    - " + layer);
    }

    /** optimize --schedule writes battery_kw, kW per period: read as kWh per 30-minute slot it doubles the power. */
    @Test
    void aPowerColumnReadAsAnEnergyScheduleIsAProblem() throws IOException {
        Path csv = dir.resolve("schedule.csv").toAbsolutePath().normalize();
        assertProblems(
                schedule("battery_kw", "{type: schedule, file: schedule.csv, of: energy}"),
                "t.yaml:19:48: strategy.controllers[0].of: column \"battery_kw\" of " + csv + " names power (kW), "
                        + "and of: energy would read it as kWh per slot; use of: power (the default) for a power "
                        + "schedule such as optimize --schedule writes, or a column of kWh per slot");
        assertProblems(
                schedule("Power", "{type: schedule, file: schedule.csv, of: energy}"),
                "t.yaml:19:48: strategy.controllers[0].of: column \"Power\" of " + csv + " names power (kW), "
                        + "and of: energy would read it as kWh per slot; use of: power (the default) for a power "
                        + "schedule such as optimize --schedule writes, or a column of kWh per slot");
    }

    @Test
    void anEnergyColumnReadAsAPowerScheduleIsAProblem() throws IOException {
        Path csv = dir.resolve("schedule.csv").toAbsolutePath().normalize();
        assertProblems(
                schedule("energy_kwh", "{type: schedule, file: schedule.csv}"),
                "t.yaml:19:7: strategy.controllers[0].of: column \"energy_kwh\" of " + csv + " names energy (kWh), "
                        + "and of: power would read it as kW; use of: energy, or a column of kW");
        assertProblems(
                schedule("batteryKwh", "{type: schedule, file: schedule.csv, of: power}"),
                "t.yaml:19:48: strategy.controllers[0].of: column \"batteryKwh\" of " + csv + " names energy (kWh), "
                        + "and of: power would read it as kW; use of: energy, or a column of kW");
    }

    @Test
    void aScheduleColumnOfTheKindItIsReadAsIsRead() throws IOException {
        for (String[] ok : new String[][] {
            {"battery_kw", "power"},
            {"batteryKw", "power"},
            {"discharge_kwh", "energy"},
            {"value", "energy"},
            {"value", "power"}
        }) {
            SiteConfig site = SiteConfigReader.read(
                    write(schedule(ok[0], "{type: schedule, file: schedule.csv, of: " + ok[1] + "}")));
            assertThat(((StrategySpec.Stack) site.strategy()).layers())
                    .singleElement()
                    .isEqualTo(new StrategySpec.Schedule(
                            dir.resolve("schedule.csv").toAbsolutePath().normalize(), ok[1].equals("energy")));
        }
    }

    @Test
    void readsAnMpcLayerUnderADemandLimiter() throws IOException {
        SiteConfig site = SiteConfigReader.read(
                write(mpc("{type: mpc, horizon: 36 h, every: 1 h, forecast: noisy, " + "noise: 10 %, seed: 42}")));
        var stack = (StrategySpec.Stack) site.strategy();
        assertThat(stack.layers().get(1))
                .isEqualTo(new StrategySpec.Mpc(36, 3_600_000, StrategySpec.Mpc.Forecast.NOISY, 0.10, 42));
        SiteConfig defaults = SiteConfigReader.read(write(mpc("{type: mpc}")));
        assertThat(((StrategySpec.Stack) defaults.strategy()).layers().get(1))
                .isEqualTo(new StrategySpec.Mpc(48, 1_800_000, StrategySpec.Mpc.Forecast.SEASONAL_NAIVE, 0.05, 1));
    }

    @Test
    void anMpcHorizonShorterThanTheLpPeriod() throws IOException {
        assertProblems(
                mpc("{type: mpc, horizon: 10 min}"),
                "t.yaml:20:28: strategy.controllers[1].horizon: \"10 min\" is shorter than the LP period of 30 min "
                        + "(optimize.step); the horizon holds at least one period");
    }

    @Test
    void anMpcHorizonOfPartPeriods() throws IOException {
        assertProblems(
                mpc("{type: mpc, horizon: 45 min}"),
                "t.yaml:20:28: strategy.controllers[1].horizon: \"45 min\" is not a whole number of LP periods of "
                        + "30 min (optimize.step); the horizon is solved in those periods");
    }

    @Test
    void anMpcHorizonOverTwoWeeks() throws IOException {
        assertProblems(
                mpc("{type: mpc, horizon: 15 d}"),
                "t.yaml:20:28: strategy.controllers[1].horizon: \"15 d\" is longer than 14 d; a longer forecast adds "
                        + "solve time and little else");
    }

    @Test
    void anMpcReplanBetweenLpPeriods() throws IOException {
        SiteConfig fine =
                SiteConfigReader.read(write(mpc("{type: mpc, every: 45 min}") + "optimize: {step: 15 min}\n"));
        assertThat(((StrategySpec.Mpc)
                                ((StrategySpec.Stack) fine.strategy()).layers().get(1))
                        .everyMs())
                .isEqualTo(2_700_000);
        assertProblems(
                mpc("{type: mpc, every: 20 min}") + "optimize: {step: 15 min}\n",
                "t.yaml:20:26: strategy.controllers[1].every: \"20 min\" is not a whole multiple of the LP period of "
                        + "15 min (optimize.step); plans are made at period starts");
    }

    @Test
    void anMpcReplanLongerThanItsHorizon() throws IOException {
        assertProblems(
                mpc("{type: mpc, horizon: 6 h, every: 12 h}"),
                "t.yaml:20:40: strategy.controllers[1].every: \"12 h\" is longer than the horizon of 6 h; the plan "
                        + "would run out before the next one");
    }

    @Test
    void anMpcNoiseOutsideZeroToOne() throws IOException {
        assertProblems(
                mpc("{type: mpc, forecast: noisy, noise: 150 %}"),
                "t.yaml:20:43: strategy.controllers[1].noise: \"150 %\" is outside [0, 1]; a noise level is a "
                        + "fraction such as \"95 %\" or 0.95");
    }

    @Test
    void anMpcNoiseWithoutANoisyForecast() throws IOException {
        assertProblems(
                mpc("{type: mpc, forecast: perfect, noise: 5 %, seed: 3}"),
                "t.yaml:20:45: strategy.controllers[1].noise: applies only to forecast: noisy (this forecast is perfect)",
                "t.yaml:20:56: strategy.controllers[1].seed: applies only to forecast: noisy (this forecast is perfect)");
    }

    /** The valid site with a demand limiter on top of the given mpc layer (line 20). */
    private static String mpc(String layer) {
        return VALID.replace(
                "  type: peak-shaving\n  dischargeAbove: 900 kW\n  chargeBelow: 700 kW",
                "  type: stack\n  controllers:\n    - {type: demand-limiter, target: 900 kW}\n    - " + layer);
    }

    @Test
    void aLifeTableRowOfTwoValues() throws IOException {
        assertProblems(
                VALID.replace(
                        "    power: 500 kW", "    power: 500 kW\n    aging: {model: table, lifeTable: [[20 %, 0]]}"),
                "t.yaml:11:39: batteries[0].aging.lifeTable[0]: has 2 values; give a row of 3 values");
    }

    @Test
    void anUnknownPreset() throws IOException {
        assertProblems(
                VALID.replace("    power: 500 kW", "    power: 500 kW\n    preset: lfp-box"),
                "t.yaml:11:13: batteries[0].preset: \"lfp-box\" is not a battery preset; allowed: lfp-container, "
                        + "home-6.5kwh, home-13.5kwh, shop-16kwh");
    }

    @Test
    void unknownKeyWithSuggestion() throws IOException {
        assertProblems(
                VALID.replace("  - energy: 1 MWh", "  - energi: 1 MWh"),
                "t.yaml:9:5: batteries[0].energy: is required: an energy with a unit (Wh, kWh, MWh, GWh), e.g. \"600 MWh\"",
                "t.yaml:9:5: batteries[0].energi: unknown key \"energi\"; did you mean \"energy\"? Allowed here: "
                        + "preset, name, energy, power, chargePower, dischargePower, roundTripEfficiency, "
                        + "chargeEfficiency, dischargeEfficiency, pcsEfficiency, taper, maxCRate, soc, auxiliaryLoad, "
                        + "thermal, voltageModel, aging");
    }

    @Test
    void wrongUnit() throws IOException {
        assertProblems(
                VALID.replace("energy: 1 MWh", "energy: 1 MW"),
                "t.yaml:9:13: batteries[0].energy: \"1 MW\" has unit \"MW\"; expected an energy with a unit "
                        + "(Wh, kWh, MWh, GWh), e.g. \"600 MWh\"");
    }

    @Test
    void missingUnit() throws IOException {
        assertProblems(
                VALID.replace("contract: 1 MW", "contract: 1000"),
                "t.yaml:3:13: grid.contract: \"1000\" has no unit; expected a power with a unit (W, kW, MW, GW), "
                        + "e.g. \"150 MW\"");
    }

    @Test
    void negativeCapacity() throws IOException {
        assertProblems(
                VALID.replace("energy: 1 MWh", "energy: -1 MWh"),
                "t.yaml:9:13: batteries[0].energy: \"-1 MWh\" must be greater than 0");
    }

    @Test
    void efficiencyAboveOne() throws IOException {
        assertProblems(
                VALID.replace("power: 500 kW", "power: 500 kW\n    chargeEfficiency: 102 %"),
                "t.yaml:11:23: batteries[0].chargeEfficiency: \"102 %\" is outside (0, 1]; an efficiency is a "
                        + "fraction such as \"95 %\" or 0.95");
    }

    @Test
    void efficiencyOfZero() throws IOException {
        assertProblems(
                VALID.replace("power: 500 kW", "power: 500 kW\n    dischargeEfficiency: 0"),
                "t.yaml:11:26: batteries[0].dischargeEfficiency: \"0\" is outside (0, 1]; an efficiency is a "
                        + "fraction such as \"95 %\" or 0.95");
    }

    @Test
    void socWindowInverted() throws IOException {
        assertProblems(
                VALID.replace("{min: 10 %, max: 90 %, initial: 50 %}", "{min: 90 %, max: 10 %, initial: 50 %}"),
                "t.yaml:11:16: batteries[0].soc: min 90 % is not below max 10 %; the window must satisfy "
                        + "0 <= min < max <= 100 %");
    }

    @Test
    void initialSocOutsideWindow() throws IOException {
        assertProblems(
                VALID.replace("initial: 50 %", "initial: 95 %"),
                "t.yaml:11:42: batteries[0].soc.initial: initial SOC 95 % is outside the window 10 % .. 90 %");
    }

    @Test
    void stepDoesNotDivideThePeriod() throws IOException {
        assertProblems(
                VALID.replace("step: 1 min", "step: 7 min"),
                "t.yaml:15:9: study.step: \"7 min\" does not divide the study period of 1 d into whole steps");
    }

    @Test
    void stepBelowTheFinest() throws IOException {
        assertProblems(
                VALID.replace("step: 1 min", "step: 5 ms"),
                "t.yaml:15:9: study.step: \"5 ms\" is outside the allowed range 10 ms .. 1 h (whole milliseconds)");
    }

    /** Found in review: a study starting at 00:29 gave the demand limiter a one-minute first slot. */
    @Test
    void aStudyStartsOnAHalfHourOfTheLocalClock() throws IOException {
        assertProblems(
                VALID.replace("start: 2025-01-06", "start: 2025-01-06T00:29"),
                "t.yaml:13:10: study.start: \"2025-01-06T00:29\" is not on a 30-minute boundary of the local clock "
                        + "(:00 or :30); demand slots and bills are counted from those, so a study starts on one");
    }

    @Test
    void unknownTimeZone() throws IOException {
        assertProblems(
                "timeZone: Asia/Osaka\n" + VALID,
                "t.yaml:1:11: timeZone: \"Asia/Osaka\" is not a time zone; use a region ID such as Asia/Tokyo");
    }

    @Test
    void badStartDate() throws IOException {
        assertProblems(
                VALID.replace("start: 2025-01-06", "start: 2025-13-06"),
                "t.yaml:13:10: study.start: \"2025-13-06\" is not a date or time; use ISO-8601 such as 2025-07-01, "
                        + "2025-07-01T00:00 (site local time) or 2025-07-01T00:00+09:00");
    }

    @Test
    void unknownStrategy() throws IOException {
        assertProblems(
                VALID.replace("type: peak-shaving", "type: peak-shave"),
                "t.yaml:17:9: strategy.type: \"peak-shave\" is not one of stack, peak-shaving, idle",
                "t.yaml:18:3: strategy.dischargeAbove: unknown key \"dischargeAbove\" Allowed here: type",
                "t.yaml:19:3: strategy.chargeBelow: unknown key \"chargeBelow\" Allowed here: type");
    }

    @Test
    void thresholdsInverted() throws IOException {
        assertProblems(
                VALID.replace("chargeBelow: 700 kW", "chargeBelow: 950 kW"),
                "t.yaml:19:16: strategy.chargeBelow: \"950 kW\" is above dischargeAbove \"900 kW\"; recharging must "
                        + "stop below where discharging starts");
    }

    @Test
    void dailyShapeOfWrongLength() throws IOException {
        assertProblems(
                VALID.replace("base: 800 kW", "base: 800 kW\n    daily: [1, 1, 1]"),
                "t.yaml:8:12: loads[0].daily: has 3 values; give 24 factors, one per local hour 0-23");
    }

    @Test
    void missingTraceFile() throws IOException {
        assertThat(problems(VALID.replace("type: profile\n    base: 800 kW", "type: csv\n    file: nowhere.csv")))
                .singleElement()
                .asString()
                .startsWith("t.yaml:7:11: loads[0].file: \"nowhere.csv\" does not exist (looked for ");
    }

    @Test
    void mappingWhereAValueBelongs() throws IOException {
        assertProblems(
                VALID.replace("base: 800 kW", "base: {value: 800 kW}"),
                "t.yaml:7:11: loads[0].base: expected a power with a unit (W, kW, MW, GW), e.g. \"150 MW\", "
                        + "found a mapping");
    }

    @Test
    void missingSectionsAreAllListed() throws IOException {
        assertProblems(
                "name: Bare\n",
                "t.yaml:1:1: loads: is required: a list of loads",
                "t.yaml:1:1: study: is required: start, duration (or end) and step");
    }

    @Test
    void severalProblemsAreReportedTogetherInFileOrder() throws IOException {
        String text = VALID.replace("contract: 1 MW", "contract: 1 MWh")
                .replace("energy: 1 MWh", "energy: 0 MWh")
                .replace("step: 1 min", "step: 2 h");
        assertThat(problems(text)).extracting(ConfigProblem::line).containsExactly(3, 9, 15);
    }

    @Test
    void yamlSyntaxErrorHasItsPosition() throws IOException {
        assertProblems(
                "name: x\ngrid:\n  contract: [1 MW\n",
                "t.yaml:4:1: not valid YAML: expected ',' or ']', but got <stream end>");
    }

    @Test
    void duplicateKey() throws IOException {
        assertProblems(
                VALID.replace("  contract: 1 MW", "  contract: 1 MW\n  contract: 2 MW"),
                "t.yaml:4:3: grid.contract: duplicate key; each key may appear once");
    }

    @Test
    void theExceptionMessageListsEveryProblem() throws IOException {
        Path f = write(VALID.replace("energy: 1 MWh", "energy: 1 MW").replace("step: 1 min", "step: 7 min"));
        assertThatThrownBy(() -> SiteConfigReader.read(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("2 problems in the configuration:\n  " + f + ":9:13: batteries[0].energy:")
                .hasMessageContaining("\n  " + f + ":15:9: study.step:");
    }

    private void assertWarnings(String yaml, String... expected) throws IOException {
        Path f = write(yaml);
        assertThat(SiteConfigReader.read(f).warnings())
                .extracting(w -> w.toString().replace(f.toString(), "t.yaml"))
                .as(yaml)
                .containsExactly(expected);
    }

    private void assertProblems(String yaml, String... expected) throws IOException {
        assertThat(problems(yaml)).extracting(Object::toString).containsExactly(expected);
    }

    private List<ConfigProblem> problems(String yaml) throws IOException {
        Path f = write(yaml);
        try {
            SiteConfigReader.read(f);
        } catch (ConfigException e) {
            return e.problems().stream()
                    .map(p -> new ConfigProblem(Path.of("t.yaml"), p.line(), p.column(), p.path(), p.message()))
                    .toList();
        }
        throw new AssertionError("expected problems, the file was accepted:\n" + yaml);
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
