package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.tariff.ContractRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site without loads, a grid battery (系統用蓄電池): read from {@code loads: []}, billed at its own
 * peaks as an agreed connection (not as a small customer by the 12-month ratchet), and judged by no
 * grid-code rule unless it gives its connection's own.
 */
class GridBatterySiteTest {
    /** Two days; the battery charges up to its SOC ceiling and then holds. */
    private static final String SITE = """
            name: Grid battery
            grid: {contract: auto, voltage: extra-high}
            loads: []
            batteries:
              - {energy: 4 MWh, power: 1 MW, roundTripEfficiency: 90 %, soc: {min: 10 %, max: 90 %, initial: 20 %}}
            study: {start: 2025-07-01, duration: 2 d, step: 15 min}
            strategy: {type: peak-shaving, dischargeAbove: 5 MW, chargeBelow: 700 kW}
            tariff: {preset: kansai-high-voltage-as, marketPriceAdjustment: off}
            """;

    @TempDir
    Path dir;

    private SiteConfig read(String yaml) throws IOException {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, yaml);
        return SiteConfigReader.read(f);
    }

    @Test
    void anEmptyListOfLoadsIsAGridBatteryButNoLoadsKeyIsStillAnError() throws IOException {
        assertThat(read(SITE).loads()).isEmpty();
        assertThatThrownBy(() -> read(SITE.replace("loads: []\n", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("loads");
    }

    /**
     * The case without battery draws nothing: a contract of 0 kW at its own peak (a positive zero,
     * not the -0 that rounding a peak of 0 down by 10 W gave). The battery's case is billed at its own
     * charging peak, 700 kW, where a site with a load under 500 kW would be ratcheted.
     */
    @Test
    void bothCasesAreBilledAtTheirOwnPeaksNotByTheRatchet() throws IOException {
        SiteBilling.Bills b =
                PlanStudy.run(read(SITE), PlanStudy.SinkFactory.NONE).bills();
        assertThat(b.withoutBattery().basis()).isEqualTo(SiteBilling.ContractBasis.OWN_PEAK);
        assertThat(b.withoutBattery().contractKw()).isEqualTo(0.0); // isEqualTo compares -0.0 as different
        assertThat(b.withoutBattery().totalYen()).isZero();
        assertThat(b.withBattery().basis()).isEqualTo(SiteBilling.ContractBasis.OWN_PEAK);
        assertThat(b.withBattery().contractKw())
                .isEqualTo(ContractRule.contractOf(b.withBattery().peakDemand30minKw()))
                .isEqualTo(700);
        assertThat(b.withBatterySteadyState()).isNull();

        SiteBilling.Bills small = PlanStudy.run(
                        read(SITE.replace("loads: []", "loads: [{type: profile, base: 100 kW}]")),
                        PlanStudy.SinkFactory.NONE)
                .bills();
        assertThat(small.withoutBattery().basis())
                .as("the same site with a small load")
                .isEqualTo(SiteBilling.ContractBasis.RATCHET);
    }

    @Test
    void aPeakOfZeroIsAContractOfPositiveZero() {
        assertThat(Double.doubleToRawLongBits(ContractRule.contractOf(0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(ContractRule.contractOf(0.005)).isEqualTo(0.0);
        assertThat(ContractRule.contractOf(1.02)).isEqualTo(2.0);
    }

    /** The shipped rules are for a large load: measured, not judged; a rule file of its own is judged. */
    @Test
    void noShippedRuleJudgesASiteWithoutLoadsButItsOwnRuleFileDoes() throws IOException {
        PlanStudy.Result r = PlanStudy.run(read(SITE), PlanStudy.SinkFactory.NONE);
        assertThat(r.withoutBatteryGridCode().verdicts()).isEmpty();
        assertThat(r.withBatteryGridCode().verdicts()).isEmpty();
        assertThat(r.withBatteryGridCode().metrics().peakDemand30minKw())
                .as("the metrics are still measured")
                .isEqualTo(700, org.assertj.core.api.Assertions.within(1e-6));

        Files.writeString(dir.resolve("rules.yaml"), "maxDemand30min: 500 kW\n");
        PlanStudy.Result judged =
                PlanStudy.run(read(SITE + "gridCode: {rules: rules.yaml}\n"), PlanStudy.SinkFactory.NONE);
        assertThat(judged.withBatteryGridCode().verdicts())
                .singleElement()
                .satisfies(v -> assertThat(v.pass()).isFalse());
    }
}
