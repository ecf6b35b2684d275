package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanStudyTest {
    @TempDir
    Path dir;

    /** A site whose load comes from a CSV file, simulated with and without an idle battery. */
    @Test
    void aCsvLoadFlowsThroughTheWholeStudy() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,power_mw\n");
        for (int h = 0; h < 24; h++) {
            csv.append(String.format("2025-07-01T%02d:00:00+09:00,%d%n", h, h < 12 ? 2 : 4));
        }
        Files.writeString(dir.resolve("load.csv"), csv);
        Files.writeString(dir.resolve("site.yaml"), """
                name: CSV site
                grid: {contract: 5 MW}
                loads:
                  - {name: meter, type: csv, file: load.csv, column: power_mw, unit: MW}
                batteries:
                  - {energy: 4 MWh, power: 1 MW, roundTripEfficiency: 100 %, soc: {min: 0 %, max: 100 %, initial: 100 %}}
                study: {start: 2025-07-01, duration: 1 d, step: 15 min}
                strategy: {type: peak-shaving, dischargeAbove: 3.5 MW, chargeBelow: 0 kW}
                """);
        SiteConfig site = SiteConfigReader.read(dir.resolve("site.yaml"));
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        assertThat(r.withoutBattery().gridKpis().energyImportedKwh()).isCloseTo(12 * 2000 + 12 * 4000, offset(1e-6));
        assertThat(r.withoutBattery().gridKpis().peakDemand30minKw()).isCloseTo(4000, offset(1e-9));
        // 0.5 MW shaved for 8 h until the 4 MWh are spent (lossless), then 4 MW again
        assertThat(r.withBattery().battery().acDischargedKwh()).isCloseTo(4000, offset(1e-6));
        assertThat(r.withBattery().gridKpis().peakDemand30minKw()).isCloseTo(4000, offset(1e-9));
        assertThat(r.withBattery().gridKpis().energyImportedKwh())
                .isCloseTo(12 * 2000 + 12 * 4000 - 4000, offset(1e-6));
        assertThat(r.stepsSimulated()).isEqualTo(2 * 96);
        assertThat(r.bills()).isNull();
    }

    /**
     * The same day billed on Kansai high-voltage AS (July: summer 14.17, levy FY2025 3.98, basic
     * 5,000 kW x 1,911.80 prorated 1/31 = 308,354.83): the battery moves 4,000 kWh off the bill.
     */
    @Test
    void bothCasesAreBilledForTheFirstYear() throws IOException {
        aCsvLoadFlowsThroughTheWholeStudy();
        Files.writeString(
                dir.resolve("site.yaml"),
                Files.readString(dir.resolve("site.yaml"))
                        + "tariff: {preset: kansai-high-voltage-as, marketPriceAdjustment: off}\n");
        PlanStudy.Result r = PlanStudy.run(SiteConfigReader.read(dir.resolve("site.yaml")), PlanStudy.SinkFactory.NONE);
        // 72,000 kWh x 14.17 = 1,020,240 and x 3.98 = 286,560; with the battery 68,000 kWh: 963,560 and 270,640
        assertThat(r.bills().withoutBattery().totalYen()).isEqualTo(308_354 + 1_020_240 + 286_560);
        assertThat(r.bills().withBattery().totalYen()).isEqualTo(308_354 + 963_560 + 270_640);
        assertThat((double) r.bills().savingYen()).isEqualTo(4000 * (14.17 + 3.98), offset(1.0));
        assertThat(r.bills().withBattery().bill().warnings()) // the preset ships no fuel-cost table: it changes monthly
                .containsExactly("no fuelCostAdjustment table: the fuel-cost adjustment line is left out, 0 yen");
    }

    /**
     * A campus of 1,000 nodes from one node's nvidia-smi log: 4 GPUs at 100 ms for one minute,
     * 250 W each in even seconds and 150 W in odd ones (node 1,000 / 600 W, mean 800 W).
     */
    @Test
    void anNvidiaSmiLogScaledToACampusFlowsThroughTheStudy() throws IOException {
        StringBuilder log = new StringBuilder("timestamp, power.draw [W], utilization.gpu [%]\n");
        for (int k = 0; k < 600; k++) {
            for (int g = 0; g < 4; g++) {
                long ms = 100L * k + 3L * g;
                log.append(String.format(
                        "2024/05/01 12:00:%02d.%03d, %.2f W, 100 %%%n",
                        ms / 1000, ms % 1000, (k / 10) % 2 == 0 ? 250.0 : 150.0));
            }
        }
        Files.writeString(dir.resolve("node.csv"), log);
        String site = """
                name: GPU campus
                grid: {contract: 5 MW}
                loads:
                  - {name: training, type: csv, format: nvidia-smi, file: node.csv, nodes: 1000%s}
                study: {start: 2024-05-01T12:00, duration: 1 min, step: 1 s}
                """;
        Files.writeString(dir.resolve("site.yaml"), site.formatted(""));
        PlanStudy.Result inPhase =
                PlanStudy.run(SiteConfigReader.read(dir.resolve("site.yaml")), PlanStudy.SinkFactory.NONE);
        double energyKwh = 800 * 60 / 3600.0;
        assertThat(inPhase.withoutBattery().gridKpis().energyImportedKwh()).isCloseTo(energyKwh, offset(1e-9));
        assertThat(inPhase.withoutBattery().gridKpis().peakGridKw()).isCloseTo(1000, offset(1e-9));
        assertThat(inPhase.withoutBattery().gridKpis().maxRampUpKwPerS()).isCloseTo(400, offset(1e-9));

        Files.writeString(dir.resolve("site.yaml"), site.formatted(", desynchronise: 2 s, seed: 3"));
        PlanStudy.Result spread =
                PlanStudy.run(SiteConfigReader.read(dir.resolve("site.yaml")), PlanStudy.SinkFactory.NONE);
        assertThat(spread.withoutBattery().gridKpis().energyImportedKwh()).isCloseTo(energyKwh, offset(1e-9));
        assertThat(spread.withoutBattery().gridKpis().peakGridKw()).isLessThan(900);
        assertThat(spread.withoutBattery().gridKpis().maxRampUpKwPerS()).isLessThan(100);
    }

    /** Three hot years of daily full cycles: the battery ages every year and is augmented. */
    @Test
    void aMultiYearStudyCarriesTheBatteryFromYearToYear() throws IOException {
        Files.writeString(dir.resolve("years.yaml"), """
                name: Years
                grid: {contract: 5 MW}
                loads:
                  - {type: profile, base: 2 MW, daily: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5,
                                                        1.5, 1.5, 1.5, 1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]}
                batteries:
                  - energy: 8 MWh
                    power: 2 MW
                    roundTripEfficiency: 90 %
                    soc: {min: 0 %, max: 100 %, initial: 50 %}
                    aging: {model: lfp-250ah, endOfLife: 97 %, augmentation: {whenSohBelow: 96 %}}
                ambient: {temperature: 40 °C}
                study: {start: 2025-04-01, duration: 365 d, step: 1 h, years: 3}
                strategy: {type: peak-shaving, dischargeAbove: 2 MW, chargeBelow: 2 MW}
                """);
        SiteConfig site = SiteConfigReader.read(dir.resolve("years.yaml"));
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        assertThat(r.years()).hasSize(3);
        double last = 1;
        for (PlanStudy.Year y : r.years()) {
            double soh = y.withBattery().health().stateOfHealth();
            if (y.withBattery().health().augmentations().isEmpty()) {
                assertThat(soh).isLessThan(last);
            }
            last = soh;
            assertThat(y.withBattery().battery().equivalentFullCycles()).isGreaterThan(200);
        }
        var end = r.lastWithBattery().health();
        assertThat(end.endOfLifeDay()).isBetween(1.0, 365.0 * 3);
        assertThat(end.augmentations())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.sohBefore()).isLessThan(0.96));
        assertThat(end.daysAged()).isCloseTo(365 * 3, offset(1e-6));
        // repeated years without battery are simulated once
        assertThat(r.years().get(2).withoutBattery()).isSameAs(r.years().get(0).withoutBattery());
    }

    /** Progress counts every step simulated, once: three years with the battery, one without (reused). */
    @Test
    void progressReachesTheTotalStepsOfAllCases() throws IOException {
        aMultiYearStudyCarriesTheBatteryFromYearToYear();
        SiteConfig site = SiteConfigReader.read(dir.resolve("years.yaml"));
        java.util.concurrent.atomic.LongAdder done = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();
        PlanStudy.run(site, PlanStudy.SinkFactory.NONE, n -> {
            done.add(n);
            calls.increment();
        });
        assertThat(PlanStudy.totalSteps(site)).isEqualTo(4 * 8760);
        assertThat(done.sum()).isEqualTo(4 * 8760);
        assertThat(calls.sum()).isEqualTo(4 * 2); // once per chunk of 8192 steps
    }

    @Test
    void manyYearsNeedAOneYearPeriod() throws IOException {
        Files.writeString(dir.resolve("short.yaml"), """
                name: Short
                grid: {contract: 5 MW}
                loads: [{type: profile, base: 2 MW}]
                study: {start: 2025-04-01, duration: 30 d, step: 1 h, years: 3}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteConfigReader.read(dir.resolve("short.yaml")))
                .hasMessageContaining("study.years: a study of 3 years needs a period of one year (365 or 366 d), "
                        + "not 30 d; each year is simulated in full");
    }

    /** Found in review: a 30-min schedule under a 1-h study step skipped every other slot. */
    @Test
    void aScheduleFinerThanTheStudyStepIsRefused() throws IOException {
        Files.writeString(dir.resolve("schedule.csv"), """
                timestamp,kw
                2025-07-01T00:00:00+09:00,100
                2025-07-01T00:30:00+09:00,0
                2025-07-01T01:00:00+09:00,500
                """);
        Files.writeString(dir.resolve("sched.yaml"), """
                name: Schedule
                grid: {contract: 5 MW}
                loads: [{type: profile, base: 2 MW}]
                batteries: [{energy: 4 MWh, power: 1 MW}]
                study: {start: 2025-07-01, duration: 1 d, step: 1 h}
                strategy: {type: stack, controllers: [{type: schedule, file: schedule.csv}]}
                """);
        SiteConfig site = SiteConfigReader.read(dir.resolve("sched.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteModels.controller(site))
                .isInstanceOf(dev.chikuden.BadInputException.class)
                .hasMessageContaining("the schedule's slots (1800.0 s) are shorter than the study step (3600.0 s)");
    }

    /** The core has no solver: an mpc layer is built by chikuden-optimize, found as a service. */
    @Test
    void anMpcLayerWithoutTheOptimizeModuleIsBadInput() throws IOException {
        Files.writeString(dir.resolve("mpc.yaml"), """
                name: MPC
                grid: {contract: 5 MW}
                loads: [{type: profile, base: 2 MW}]
                batteries: [{energy: 4 MWh, power: 1 MW}]
                study: {start: 2025-07-01, duration: 1 d, step: 1 min}
                strategy: {type: stack, controllers: [{type: demand-limiter, target: 3 MW}, {type: mpc}]}
                tariff: {preset: kansai-high-voltage-as-tou, marketPriceAdjustment: off}
                """);
        SiteConfig site = SiteConfigReader.read(dir.resolve("mpc.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteModels.controller(site))
                .isInstanceOf(dev.chikuden.BadInputException.class)
                .hasMessage("strategy: the mpc controller solves the dispatch LP and needs the chikuden-optimize "
                        + "module on the class path (the chikuden command line has it)");
    }
}
