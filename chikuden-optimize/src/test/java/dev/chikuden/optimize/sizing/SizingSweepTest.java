package dev.chikuden.optimize.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.finance.BusinessCase;
import dev.chikuden.fixtures.TwoPriceSite;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.site.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizingSweepTest {
    @TempDir
    Path dir;

    /** 1 / 1.05 + ... + 1 / 1.05^10. */
    private static final double ANNUITY_5_PERCENT_10_YEARS = (1 - Math.pow(1.05, -10)) / 0.05;

    @Test
    void theBestOfTheTwoPriceGridIsTheMostEnergyOnTheLeastPower() {
        SizingResult r = SizingSweep.run(TwoPriceSite.write(dir, TwoPriceSite.WEEK), Solver.CLP, 2);
        assertThat(r.candidates()).hasSize(4);
        assertThat(r.candidates())
                .extracting(Candidate::powerKw, Candidate::energyKwh)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(100.0, 400.0),
                                org.assertj.core.groups.Tuple.tuple(100.0, 800.0),
                        org.assertj.core.groups.Tuple.tuple(200.0, 400.0),
                                org.assertj.core.groups.Tuple.tuple(200.0, 800.0));
        // the baseline: a week of 1 MW, 12 h a day at 30 and 12 h at 10 yen/kWh
        assertThat(r.withoutBattery().totalYen()).isEqualTo(7 * (12 * 1000 * 30 + 12 * 1000 * 10));
        assertThat(r.lpWithoutBatteryYen()).isCloseTo(7 * (12 * 1000 * 30 + 12 * 1000 * 10), within(1e-3));
        assertThat(r.simulated()).isEqualTo(4);
        for (Candidate c : r.candidates()) {
            // 20 yen on every kWh of the battery, every day; more power does not help (8 night hours fill it)
            double saving = 365 * 20 * c.energyKwh();
            assertThat(c.lp().annualSavingYen()).as("%s", c).isCloseTo(saving, within(1e-3));
            // a lossless battery delivers it, but for the bill's rounding to whole yen, a year of weeks of it
            assertThat(c.delivered().annualSavingYen()).as("%s", c).isCloseTo(saving, within(365 / 7.0 * 2));
            assertThat(c.annualDischargeKwh()).isCloseTo(365 * c.energyKwh(), within(1e-6));
            double capex = 20_000 * c.energyKwh() + 10_000 * c.powerKw();
            assertThat(c.capexYen()).isEqualTo(capex);
            assertThat(c.lp().npvYen()).isCloseTo(saving * ANNUITY_5_PERCENT_10_YEARS - capex, within(1e-2));
            assertThat(c.npvYen()).isEqualTo(c.delivered().npvYen());
            assertThat(c.lp().paybackYears()).isCloseTo(capex / saving, within(1e-9));
            assertThat(c.yearsToEndOfLife()).isInfinite();
        }
        assertThat(r.bestIndex()).isEqualTo(1);
        assertThat(r.bestCandidate().energyKwh()).isEqualTo(800);
        assertThat(r.bestCandidate().powerKw()).isEqualTo(100);
        assertThat(r.best().problem().storage().maxKwh()).isEqualTo(800);
        assertThat(r.best().site().batteries())
                .singleElement()
                .extracting(BatteryParameters::energyKwh)
                .isEqualTo(800.0);
        assertThat(r.defaultGrid()).isFalse();
        assertThat(r.solver()).isEqualTo("clp");
    }

    @Test
    void theOutageFiguresOfTheBestSize() {
        SizingResult r = SizingSweep.run(TwoPriceSite.write(dir, TwoPriceSite.WEEK), Solver.CLP, 2);
        OutageReport o =
                OutageReport.of(r.best().site(), r.best().problem(), r.best().solution());
        // full at 08:00 every day: 800 kWh carry 50 kW for 16 h; empty at 20:00
        double most = java.util.Arrays.stream(o.backupHours()).max().orElseThrow();
        assertThat(most).isCloseTo(16, within(1e-6));
        assertThat(o.minBackupHours()).isCloseTo(0, within(1e-6));
        assertThat(o.survivalProbability()[2]).isZero();
        assertThat(o.months()).extracting(m -> m.month().toString()).containsExactly("2025-04");
        assertThat(o.criticalLoadKw()).isEqualTo(50);
    }

    @Test
    void theBusinessCaseOfTheBestIsTheBusinessCaseOfItsInputs() {
        SizingResult r = SizingSweep.run(TwoPriceSite.write(dir, TwoPriceSite.WEEK), Solver.HIGHS, 1);
        Candidate best = r.bestCandidate();
        for (Candidate.Value v : List.of(best.lp(), best.delivered())) {
            BusinessCase again = BusinessCase.of(v.inputs());
            assertThat(v.npvYen()).isEqualTo(again.npvYen());
            assertThat(v.irr()).isEqualTo(again.irr());
            assertThat(v.paybackYears()).isEqualTo(again.simplePaybackYears());
            assertThat(v.discountedPaybackYears()).isEqualTo(again.discountedPaybackYears());
            assertThat(v.lcosYenPerKwh()).isEqualTo(again.lcosYenPerKwh());
            assertThat(v.businessCase().cashFlowYen()).containsExactly(again.cashFlowYen());
            assertThat(v.inputs().annualSavingYen()).containsOnly(v.annualSavingYen());
            assertThat(v.inputs().energyKwh()).isEqualTo(best.energyKwh());
            assertThat(v.inputs().powerKw()).isEqualTo(best.powerKw());
            assertThat(v.inputs().replacementKwhByYear())
                    .containsExactly(best.life().replacementKwhByYear());
        }
        // LCOS by hand: capex plus the charging energy at 10 yen/kWh over the energy discharged, both discounted
        double capex = 20_000 * 800 + 10_000 * 100;
        assertThat(best.lp().lcosYenPerKwh())
                .isCloseTo(
                        (capex + 365 * 800 * 10 * ANNUITY_5_PERCENT_10_YEARS)
                                / (365 * 800 * ANNUITY_5_PERCENT_10_YEARS),
                        within(1e-6));
    }

    @Test
    void resultsAreTheSameInGridOrderOnAnyNumberOfThreads() {
        SiteConfig site = TwoPriceSite.write(dir, TwoPriceSite.WEEK);
        SizingResult one = SizingSweep.run(site, Solver.CLP, 1);
        SizingResult two = SizingSweep.run(site, Solver.CLP, 2);
        for (int i = 0; i < one.candidates().size(); i++) {
            Candidate a = one.candidates().get(i);
            Candidate b = two.candidates().get(i);
            assertThat(b.powerKw()).isEqualTo(a.powerKw());
            assertThat(b.energyKwh()).isEqualTo(a.energyKwh());
            assertThat(b.npvYen()).isEqualTo(a.npvYen());
            assertThat(b.billYen()).isEqualTo(a.billYen());
        }
        assertThat(two.bestIndex()).isEqualTo(one.bestIndex());
    }

    @Test
    void withoutASizingSectionTheGridIsHalfToOneAndAHalfTimesTheBattery() {
        String yaml = TwoPriceSite.WEEK.replace("""
                sizing:
                  power: [100 kW, 200 kW]
                  energy: [400 kWh, 800 kWh]
                """, "");
        SizingResult r = SizingSweep.run(TwoPriceSite.write(dir, yaml), Solver.CLP, 2);
        assertThat(r.defaultGrid()).isTrue();
        assertThat(r.powerKw()).containsExactly(50, 75, 100, 125, 150);
        assertThat(r.energyKwh()).containsExactly(200, 300, 400, 500, 600);
        assertThat(r.candidates()).hasSize(25);
    }

    @Test
    void aSizeScalesEnergyPowerAndWhatGrowsWithThem() {
        BatteryParameters b =
                TwoPriceSite.write(dir, TwoPriceSite.WEEK).batteries().get(0);
        BatteryParameters big = SizingSweep.scaled(
                new BatteryParameters(
                        b.name(),
                        b.energyKwh(),
                        50,
                        b.dischargePowerKw(),
                        b.socMin(),
                        b.socMax(),
                        b.initialSoc(),
                        b.conversion(),
                        b.limits(),
                        2,
                        b.thermal(),
                        b.aging(),
                        b.endOfLifeSoh(),
                        b.augmentation(),
                        b.voltageModel()),
                300,
                1200);
        assertThat(big.energyKwh()).isEqualTo(1200);
        assertThat(big.dischargePowerKw()).isEqualTo(300);
        assertThat(big.chargePowerKw()).isEqualTo(150);
        assertThat(big.standbyKw()).isEqualTo(6);
        assertThat(big.socMin()).isEqualTo(b.socMin());
        assertThat(big.conversion()).isEqualTo(b.conversion());
    }

    @Test
    void aSizeTooSmallForTheBackupReserveIsInfeasibleAndTheOthersStillCompete() {
        // 100 kW for 5 h hold 500 kWh back: 400 kWh cannot, 800 kWh cycles the other 300 kWh
        String yaml = TwoPriceSite.WEEK.replace(
                "strategy: {type: idle}",
                "strategy: {type: stack, controllers: [{type: backup-reserve, criticalLoad: 100 kW, duration: 5 h}]}");
        SizingResult r = SizingSweep.run(TwoPriceSite.write(dir, yaml), Solver.CLP, 2);
        assertThat(r.at(0, 0).feasible()).isFalse();
        assertThat(r.at(0, 0).infeasibleReason()).contains("backup reserve");
        assertThat(r.at(1, 0).feasible()).isFalse();
        assertThat(r.at(0, 1).lp().annualSavingYen()).isCloseTo(365 * 20 * 300, within(1e-3));
        assertThat(r.bestIndex()).isEqualTo(1);
    }

    @Test
    void aSiteWithoutFinanceIsBadInputNamingTheSection() {
        String yaml = TwoPriceSite.WEEK.replaceAll("(?s)finance:.*?years: 10\n", "");
        SiteConfig site = TwoPriceSite.write(dir, yaml);
        assertThat(site.planning().finance()).isNull();
        assertThatThrownBy(() -> SizingSweep.run(site, Solver.CLP, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("finance:")
                .hasMessageContaining("capexYenPerKwh");
    }

    @Test
    void aSiteWithoutABatteryIsBadInput() {
        SiteConfig site = TwoPriceSite.write(dir, TwoPriceSite.WEEK).withBatteries(List.of());
        assertThatThrownBy(() -> SizingSweep.run(site, Solver.CLP, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("batteries:");
    }

    @Test
    void progressCountsEverySizeSolvedAndSimulatedOnce() {
        SiteConfig site = TwoPriceSite.write(dir, TwoPriceSite.WEEK);
        java.util.concurrent.atomic.LongAdder done = new java.util.concurrent.atomic.LongAdder();
        SizingResult r = SizingSweep.run(site, Solver.CLP, 2, done::add);
        assertThat(SizingSweep.sizes(site)).isEqualTo(r.candidates().size()).isPositive();
        assertThat(SizingSweep.work(site)).isEqualTo(2 * r.candidates().size());
        assertThat(done.sum()).isEqualTo(SizingSweep.work(site));
    }
}
