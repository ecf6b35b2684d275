package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.tariff.BillCalculator;
import dev.chikuden.tariff.BillingMeter;
import dev.chikuden.tariff.MonthlyBill;
import dev.chikuden.tariff.SlotEnergy;
import dev.chikuden.time.FixedStepSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract rule, applied alike to both cases, against bills worked out independently. */
class SiteBillingTest {
    private static final String TARIFF = "tariff: {preset: kansai-high-voltage-as, marketPriceAdjustment: off}\n";

    @TempDir
    Path dir;

    /** A day: 2 MW until noon, 4 MW after; the battery shaves 0.5 MW off the afternoon while it lasts. */
    private SiteConfig site(String grid, String battery) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,power_mw\n");
        for (int h = 0; h < 24; h++) {
            csv.append(String.format("2025-07-01T%02d:00:00+09:00,%d%n", h, h < 12 ? 2 : 4));
        }
        Files.writeString(dir.resolve("load.csv"), csv);
        Files.writeString(dir.resolve("site.yaml"), """
                name: Contract site
                grid: %s
                loads:
                  - {name: meter, type: csv, file: load.csv, column: power_mw, unit: MW}
                batteries:
                  - {energy: %s, power: 1 MW, roundTripEfficiency: 100 %%, soc: {min: 0 %%, max: 100 %%, initial: 100 %%}}
                study: {start: 2025-07-01, duration: 1 d, step: 15 min}
                strategy: {type: peak-shaving, dischargeAbove: 3.5 MW, chargeBelow: 0 kW}
                """.formatted(grid, battery) + TARIFF);
        return SiteConfigReader.read(dir.resolve("site.yaml"));
    }

    private static long billAt(SiteConfig site, double contractKw, SlotEnergy slots) {
        return new BillCalculator(site.billing().tariff().withAgreedKw(contractKw), site.zone(), null)
                .bill(slots)
                .totalYen();
    }

    /** 8 MWh shave the whole afternoon to 3.5 MW: each case is billed at its own peak, 4,000 and 3,500 kW. */
    @Test
    void autoBillsEachCaseAtItsOwnPeak() throws IOException {
        SiteConfig site = site("{contract: auto}", "8 MWh");
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        SiteBilling.Bills b = r.bills();
        assertThat(b.withoutBattery().contractKw()).isEqualTo(4000);
        assertThat(b.withBattery().contractKw()).isEqualTo(3500);
        assertThat(b.withoutBattery().basis()).isEqualTo(SiteBilling.ContractBasis.OWN_PEAK);
        // independently: the grid series billed at the rounded-up peaks
        SlotEnergy without = slots(r.withoutBattery().grid().startEpochMs(), 15 * 60_000, load(), site);
        assertThat(b.withoutBattery().totalYen()).isEqualTo(billAt(site, 4000, without));
        assertThat(b.savingByLine().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(b.savingYen());
        assertThat(b.warnings()).isEmpty();
        assertThat(b.savingAtOwnPeaksYen()).isNull();
    }

    /** One fixed contract for both: a warning for each case more than 5 % above its peak, and the contracts' share. */
    @Test
    void aFixedContractFarAboveThePeaksWarnsAndShowsWhatTheContractsMake() throws IOException {
        SiteConfig site = site("{contract: {withoutBattery: 5 MW, withBattery: 3.6 MW}}", "8 MWh");
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        SiteBilling.Bills b = r.bills();
        assertThat(b.withoutBattery().contractKw()).isEqualTo(5000);
        assertThat(b.withBattery().contractKw()).isEqualTo(3600);
        assertThat(b.warnings()).singleElement().asString().contains("without battery", "5,000 kW", "25.0 %");
        SiteConfig auto = site("{contract: auto}", "8 MWh");
        long atOwnPeaks =
                PlanStudy.run(auto, PlanStudy.SinkFactory.NONE).bills().savingYen();
        assertThat(b.savingAtOwnPeaksYen()).isEqualTo(atOwnPeaks);
        assertThat(b.contractEffectYen()).isEqualTo(b.savingYen() - atOwnPeaks).isPositive();
    }

    /** A fixed contract the battery case passes under forbid: billed at the penalty, and said. */
    @Test
    void aForbiddenExcessIsBilledAndSaid() throws IOException {
        SiteConfig site = site("{contract: 3.6 MW}", "1 MWh");
        SiteBilling.Bills b = PlanStudy.run(site, PlanStudy.SinkFactory.NONE).bills();
        assertThat(b.withBattery().bill().lineItemsYen().get("excessDemandChargeYen"))
                .isPositive();
        assertThat(b.warnings()).anySatisfy(w -> assertThat(w).contains("exceedance forbid", "with battery"));
    }

    /**
     * Under penalty the contract minimises the bill with its excess charges: checked against every
     * whole-kW contract from 0 to above the peak, over three months with different peaks.
     */
    @Test
    void penaltyChoosesTheLeastCostContract() throws IOException {
        SiteConfig site = site("{contract: auto, exceedance: penalty}", "1 MWh");
        long start = OffsetDateTime.parse("2025-07-01T00:00+09:00").toInstant().toEpochMilli();
        double[] kw = new double[92 * 48];
        for (int i = 0; i < kw.length; i++) {
            int day = i / 48;
            kw[i] = 1000 + (i % 48 == 30 ? (day < 31 ? 3000 : day < 62 ? 1500 : 800) : 0);
        }
        SlotEnergy slots = BillingMeter.of(new FixedStepSeries(start, 1_800_000, kw), site.zone());
        SiteBilling.CaseBill chosen = SiteBilling.baseline(site, slots);
        long best = Long.MAX_VALUE;
        for (int c = 0; c <= 4100; c += 10) {
            best = Math.min(best, billAt(site, c, slots));
        }
        assertThat(chosen.basis()).isEqualTo(SiteBilling.ContractBasis.LEAST_COST);
        assertThat(chosen.totalYen()).isLessThanOrEqualTo(best);
        assertThat(chosen.contractKw()).isIn(4000.0, 2500.0, 1800.0);
    }

    /**
     * Under 500 kW both cases are billed by the 12-month maximum demand, and the battery's first
     * year inherits the peaks before it had one.
     */
    @Test
    void aSmallSiteRatchetsAndTheBatteryInheritsThePeaksWithoutIt() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,power_kw\n");
        for (int h = 0; h < 24; h++) {
            csv.append(String.format("2025-07-01T%02d:00:00+09:00,%d%n", h, h < 12 ? 200 : 400));
        }
        Files.writeString(dir.resolve("small.csv"), csv);
        Files.writeString(dir.resolve("small.yaml"), """
                name: Small
                loads: [{name: meter, type: csv, file: small.csv, column: power_kw, unit: kW}]
                batteries:
                  - {energy: 2 MWh, power: 100 kW, roundTripEfficiency: 100 %, soc: {min: 0 %, max: 100 %, initial: 100 %}}
                study: {start: 2025-07-01, duration: 1 d, step: 15 min}
                strategy: {type: peak-shaving, dischargeAbove: 300 kW, chargeBelow: 0 kW}
                """ + TARIFF);
        SiteBilling.Bills b = PlanStudy.run(
                        SiteConfigReader.read(dir.resolve("small.yaml")), PlanStudy.SinkFactory.NONE)
                .bills();
        assertThat(b.withoutBattery().basis()).isEqualTo(SiteBilling.ContractBasis.RATCHET);
        assertThat(b.withoutBattery().contractKw()).isEqualTo(400);
        assertThat(b.withBattery().contractKw())
                .as("first year: the months before were without battery")
                .isEqualTo(400);
        assertThat(b.withBatterySteadyState().contractKw()).isEqualTo(300);
        assertThat(b.steadyStateSavingYen()).isGreaterThan(b.savingYen());
        for (MonthlyBill m : b.withBattery().bill().months()) {
            assertThat(m.contractKw()).isEqualTo(400);
        }
    }

    /** The case without battery carries none of the battery's auxiliaries: zero load, zero bill. */
    @Test
    void aSiteWithZeroLoadPaysNothingWithoutBattery() throws IOException {
        Files.writeString(dir.resolve("zero.yaml"), """
                name: Zero
                loads: [{type: profile, base: 0 kW}]
                batteries:
                  - {preset: lfp-container, energy: 20 MWh, power: 5 MW}
                study: {start: 2025-04-01, duration: 30 d, step: 1 h}
                strategy: {type: peak-shaving, dischargeAbove: 1 MW, chargeBelow: 0 kW}
                """ + TARIFF);
        SiteConfig site = SiteConfigReader.read(dir.resolve("zero.yaml"));
        Baseline base = Baseline.of(site, null);
        assertThat(base.bill().totalYen()).isZero();
        PlanStudy.Result r = PlanStudy.run(site, PlanStudy.SinkFactory.NONE);
        assertThat(r.bills().withoutBattery().totalYen()).isZero();
        assertThat(r.bills().withBattery().totalYen())
                .as("the battery's standby and HVAC are billed with it")
                .isPositive();
    }

    /** The settings this rule replaced are errors that name it. */
    @Test
    void theReplacedContractSettingsAreErrorsNamingTheNewOne() throws IOException {
        Files.writeString(dir.resolve("old.yaml"), """
                name: Old
                grid: {contract: 5 MW}
                loads: [{type: profile, base: 1 MW}]
                study: {start: 2025-04-01, duration: 1 d, step: 1 h}
                optimize: {contract: optimise}
                tariff: {preset: kansai-high-voltage-as, marketPriceAdjustment: off, contractWithBattery: 4 MW}
                """);
        assertThatThrownBy(() -> SiteConfigReader.read(dir.resolve("old.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("optimize.contract: is replaced by grid.contract")
                .hasMessageContaining("tariff.contractWithBattery: is replaced by grid.contract");
    }

    private static double[] load() {
        double[] kw = new double[96];
        for (int i = 0; i < kw.length; i++) {
            kw[i] = i < 48 ? 2000 : 4000;
        }
        return kw;
    }

    private static SlotEnergy slots(long start, long stepMs, double[] kw, SiteConfig site) {
        return BillingMeter.of(new FixedStepSeries(start, stepMs, kw), site.zone());
    }
}
