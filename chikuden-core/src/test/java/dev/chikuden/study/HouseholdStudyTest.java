package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.site.SiteClass;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home with PV and a battery on a time-of-use menu, one month at 30-minute steps: the saving
 * split sums to the bill saving, the battery never exports under FIT, and the PV energy balances.
 */
class HouseholdStudyTest {
    @TempDir
    Path dir;

    private Path site(String strategy, String export) throws IOException {
        Path f = dir.resolve("home.yaml");
        Files.writeString(f, """
                name: home
                location: {latitude: 34.69, longitude: 135.50}
                grid: {voltage: low}
                loads:
                  - type: profile
                    base: 0.5 kW
                    daily: [0.6,0.5,0.5,0.5,0.5,0.6,1.0,1.6,1.4,1.0,0.9,0.9,1.0,0.9,0.9,1.0,1.2,1.8,2.4,2.6,2.4,2.0,1.4,0.9]
                pv: {type: clear-sky, peak: 4.5 kW}
                batteries:
                  - {name: home, energy: 9.8 kWh, power: 4 kW, roundTripEfficiency: 90 %,
                     soc: {min: 10 %, max: 100 %, initial: 50 %}}
                study: {start: 2025-05-01, duration: 31 d, step: 30 min}
                tariff:
                  preset: kansai-hapi-e-time-r
                  contractCapacity: 10 kVA
                  export: EXPORT
                strategy:
                  type: stack
                  controllers:
                    - {type: backup-reserve, criticalLoad: 0.5 kW, duration: 6 h}
                    STRATEGY
                """.replace("EXPORT", export).replace("STRATEGY", strategy));
        return f;
    }

    @Test
    void theSplitSumsToTheBillSavingAndTheClassIsInferred() throws IOException {
        SiteConfig s = SiteConfigReader.read(site(
                "- {type: self-consumption, gridCharge: {from: \"23:00\", to: \"07:00\", upTo: 60 %}}",
                "{yenPerKwh: 8.0}"));
        PlanStudy.Result r = PlanStudy.run(s, PlanStudy.SinkFactory.NONE);
        assertThat(r.siteClass().siteClass()).isEqualTo(SiteClass.HOUSEHOLD);
        assertThat(r.siteClass().basis()).startsWith("from low voltage and a ");
        HouseholdStudy.SavingSplit split = r.household().split();
        assertThat(split.savingYen()).isEqualTo(r.bills().savingYen());
        assertThat(split.pvOnlyIsTheStrategy()).isFalse();
        // the counterfactual is one more year simulated, and counted
        assertThat(r.stepsSimulated()).isEqualTo(3 * r.withoutBattery().steps());
        assertThat(split.lostExportYen()).isNegative();
        assertThat(split.selfConsumptionYen()).isPositive();
        // charging at night: the battery took energy from the grid, which is not PV
        PvUseMeter.PvUse with = r.pvWithBattery();
        assertThat(with.gridChargedKwh()).isPositive();
        assertThat(with.pvToLoadKwh() + with.pvViaBatteryKwh() + with.pvExportedKwh() + with.pvLostOrStoredKwh())
                .isCloseTo(with.pvKwh(), within(1e-6));
        assertThat(with.pvViaBatteryKwh()).isLessThan(with.dischargedToLoadKwh());
        // the backup reserve keeps 0.5 kW x 6 h (at 95 % one way) above the floor: every start rides 6 h through
        HouseholdStudy.OutageCover o = r.household().outage();
        assertThat(o.minHours()).isGreaterThan(5.9);
        assertThat(o.meanHours()).isGreaterThanOrEqualTo(o.minHours()).isLessThanOrEqualTo(o.cappedAtHours());
    }

    @Test
    void aStrategyThatOnlyStoresPvHasNoTimeOfUseShift() throws IOException {
        SiteConfig s = SiteConfigReader.read(site("- {type: self-consumption}", "{yenPerKwh: 8.0}"));
        PlanStudy.Result r = PlanStudy.run(s, PlanStudy.SinkFactory.NONE);
        HouseholdStudy.SavingSplit split = r.household().split();
        assertThat(split.pvOnlyIsTheStrategy()).isTrue();
        assertThat(r.stepsSimulated()).isEqualTo(2 * r.withoutBattery().steps());
        assertThat(split.touShiftYen()).isZero();
        assertThat(split.savingYen()).isEqualTo(r.bills().savingYen());
        // storing only PV surplus, the battery never draws from the grid beyond its standby
        assertThat(r.pvWithBattery().gridChargedKwh()).isLessThan(1.0);
    }

    /** A schedule that discharges 3 kW around the clock: it would push stored energy out at noon. */
    private String pushingSchedule() throws IOException {
        StringBuilder csv = new StringBuilder("time,kw\n");
        for (int i = 0; i < 31 * 48; i++) {
            csv.append(java.time.OffsetDateTime.parse("2025-05-01T00:00:00+09:00")
                            .plusMinutes(30L * i))
                    .append(",3\n");
        }
        Files.writeString(dir.resolve("push.csv"), csv);
        return "- {type: schedule, file: push.csv}";
    }

    @Test
    void underFitTheBatteryNeverExportsAndAfterItMay() throws IOException {
        String schedule = pushingSchedule();
        PlanStudy.Result fit = PlanStudy.run(
                SiteConfigReader.read(site(schedule, "{yenPerKwh: 8.0, fit: {yenPerKwh: 24, until: 2030-03}}")),
                PlanStudy.SinkFactory.NONE);
        assertThat(fit.pvWithBattery().batteryExportedKwh()).isLessThan(1e-9);
        assertThat(fit.withBattery().bindingShare()).containsKey("no-battery-export");
        PlanStudy.Result after = PlanStudy.run(
                SiteConfigReader.read(site(schedule, "{yenPerKwh: 8.0, fit: {yenPerKwh: 24, until: 2025-04}}")),
                PlanStudy.SinkFactory.NONE);
        assertThat(after.pvWithBattery().batteryExportedKwh()).isPositive();
        PlanStudy.Result pvOnlyMenu = PlanStudy.run(
                SiteConfigReader.read(site(schedule, "{yenPerKwh: 8.0, batteryExport: false}")),
                PlanStudy.SinkFactory.NONE);
        assertThat(pvOnlyMenu.pvWithBattery().batteryExportedKwh()).isLessThan(1e-9);
        // the export is priced at the FIT price through its term: May's exports at 24 yen, not 8
        long fitSale = -fit.bills().withoutBattery().bill().lineItemsYen().get("exportSaleYen");
        double exportedKwh = fit.withoutBattery().gridKpis().energyExportedKwh();
        assertThat((double) fitSale).isCloseTo(exportedKwh * 24, within(1.0));
    }
}
