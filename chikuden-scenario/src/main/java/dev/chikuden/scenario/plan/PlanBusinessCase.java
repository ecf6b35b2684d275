package dev.chikuden.scenario.plan;

import dev.chikuden.battery.AugmentationEvent;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.finance.BusinessCase;
import dev.chikuden.finance.FinanceInputs;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.study.PlanStudy;
import java.util.Arrays;

/**
 * The business case of a plan: the first year's saving held every year, the battery's nameplate as
 * the size, and the cells bought in each year's augmentations.
 *
 * @param simplePaybackYears     null when never paid back
 * @param discountedPaybackYears null when never paid back
 */
public record PlanBusinessCase(
        double capexYen,
        double npvYen,
        Double simplePaybackYears,
        Double discountedPaybackYears,
        double discountRate,
        int years) {
    static final double DAYS_PER_YEAR = 365;

    /** The case of {@code r} at {@code savingPerYear}; null without a finance section. */
    public static PlanBusinessCase of(PlanStudy.Result r, double savingPerYear) {
        PlanningSpec.FinanceSpec f = r.site().planning().finance();
        if (f == null) {
            return null;
        }
        double periodDays = r.withoutBattery().grid().durationSeconds() / 86_400;
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
        return new PlanBusinessCase(
                c.capexYen(),
                c.npvYen(),
                finite(c.simplePaybackYears()),
                finite(c.discountedPaybackYears()),
                f.discountRate(),
                years);
    }

    private static Double finite(double v) {
        return Double.isInfinite(v) ? null : v;
    }
}
