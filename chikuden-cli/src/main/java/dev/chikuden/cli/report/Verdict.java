package dev.chikuden.cli.report;

import dev.chikuden.battery.AugmentationEvent;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.cli.plan.PlanFigures;
import dev.chikuden.finance.BusinessCase;
import dev.chikuden.finance.FinanceInputs;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.study.PlanStudy;
import java.util.Arrays;

/**
 * The report's first lines: the saving a year, the payback, the grid-code verdict and the years
 * to end of life, each null where the study cannot say (no tariff, no finance section, no battery).
 */
record Verdict(
        double periodDays,
        Double savingYen,
        Double savingYenPerYear,
        String yearFrom,
        Finance finance,
        int rules,
        long rulesFailedWithoutBattery,
        Long rulesFailedWithBattery) {
    static final double DAYS_PER_YEAR = 365;

    /** The business case of the first year's saving held every year. */
    record Finance(double capexYen, double npvYen, Double simplePaybackYears, double discountRate, int years) {}

    static Verdict of(PlanStudy.Result r) {
        double periodDays = r.withoutBattery().grid().durationSeconds() / 86_400;
        boolean saves = r.bills() != null && r.bills().savingYen() != null;
        Double saving = saves ? (double) r.bills().savingYen() : null;
        Double perYear = saves ? r.bills().savingPerYearYen() : null;
        PlanningSpec.FinanceSpec finance = r.site().planning().finance();
        return new Verdict(
                periodDays,
                saving,
                perYear,
                saves ? PlanFigures.yearFrom(r.bills().withoutBattery().bill()) : null,
                finance == null || !saves ? null : finance(r, finance, perYear, periodDays),
                r.withoutBatteryGridCode().verdicts().size(),
                failures(r.withoutBatteryGridCode()),
                r.withBatteryGridCode() == null ? null : failures(r.withBatteryGridCode()));
    }

    private static long failures(GridCodeReport report) {
        return report.verdicts().stream().filter(v -> !v.pass()).count();
    }

    /**
     * The business case with the first year's saving in every year, the battery's nameplate as the
     * size, and the cells bought in each year's augmentations.
     */
    private static Finance finance(
            PlanStudy.Result r, PlanningSpec.FinanceSpec f, double savingPerYear, double periodDays) {
        int years = f.years();
        double energyKwh = r.site().batteries().stream()
                .mapToDouble(BatteryParameters::energyKwh)
                .sum();
        double powerKw = r.site().batteries().stream()
                .mapToDouble(b -> Math.max(b.chargePowerKw(), b.dischargePowerKw()))
                .sum();
        double[] saving = new double[years];
        double[] discharged = new double[years];
        double[] cells = new double[years];
        double dischargedPerYear = r.withBattery().battery().acDischargedKwh() * DAYS_PER_YEAR / periodDays;
        Arrays.fill(saving, savingPerYear);
        Arrays.fill(discharged, dischargedPerYear);
        for (AugmentationEvent e : r.lastWithBattery().health().augmentations()) {
            int year = (int) Math.floor(e.day() / DAYS_PER_YEAR);
            if (year < years) {
                cells[year] += e.addedKwh();
            }
        }
        BusinessCase c = BusinessCase.of(new FinanceInputs(
                f.capexYenPerKwh(),
                f.capexYenPerKw(),
                f.fixedOmYenPerKwYear(),
                f.replacementYenPerKwh(),
                f.discountRate(),
                years,
                energyKwh,
                powerKw,
                saving,
                discharged,
                new double[years],
                cells,
                f.salvageFraction()));
        return new Finance(
                c.capexYen(),
                c.npvYen(),
                Double.isInfinite(c.simplePaybackYears()) ? null : c.simplePaybackYears(),
                f.discountRate(),
                years);
    }
}
