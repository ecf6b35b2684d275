package dev.chikuden.cli.report;

import dev.chikuden.battery.AugmentationEvent;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.finance.BusinessCase;
import dev.chikuden.finance.FinanceInputs;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.cli.plan.PlanFigures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's first lines: the saving a year, the payback, the grid-code verdict and the years
 * to end of life, each null where the study cannot say (no tariff, no finance section, no battery).
 */
final class Verdict {
    static final double DAYS_PER_YEAR = 365;

    private Verdict() {
    }

    static Map<String, Object> of(PlanStudy.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        double periodDays = r.withoutBattery().grid().durationSeconds() / 86_400;
        m.put("periodDays", periodDays);
        double saving = r.bills() == null || r.bills().savingYen() == null ? Double.NaN : r.bills().savingYen();
        double savingPerYear = Double.isNaN(saving) ? Double.NaN : r.bills().savingPerYearYen();
        m.put("savingYen", Double.isNaN(saving) ? null : saving);
        m.put("savingYenPerYear", Double.isNaN(savingPerYear) ? null : savingPerYear);
        m.put("yearFrom", Double.isNaN(saving) ? null : PlanFigures.yearFrom(r.bills().withoutBattery().bill()));
        PlanningSpec.FinanceSpec finance = r.site().planning().finance();
        m.put("finance", finance == null || Double.isNaN(savingPerYear) ? null : finance(r, finance, savingPerYear, periodDays));
        m.put("rules", r.withoutBatteryGridCode().verdicts().size());
        m.put("rulesFailedWithoutBattery", failures(r.withoutBatteryGridCode()));
        m.put("rulesFailedWithBattery", r.withBatteryGridCode() == null ? null : failures(r.withBatteryGridCode()));
        return m;
    }

    private static long failures(GridCodeReport report) {
        return report.verdicts().stream().filter(v -> !v.pass()).count();
    }

    /**
     * The business case with the first year's saving in every year, the battery's nameplate as the
     * size, and the cells bought in each year's augmentations.
     */
    private static Map<String, Object> finance(PlanStudy.Result r, PlanningSpec.FinanceSpec f, double savingPerYear,
                                               double periodDays) {
        int years = f.years();
        double energyKwh = r.site().batteries().stream().mapToDouble(BatteryParameters::energyKwh).sum();
        double powerKw = r.site().batteries().stream()
                .mapToDouble(b -> Math.max(b.chargePowerKw(), b.dischargePowerKw())).sum();
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
        BusinessCase c = BusinessCase.of(new FinanceInputs(f.capexYenPerKwh(), f.capexYenPerKw(), f.fixedOmYenPerKwYear(),
                f.replacementYenPerKwh(), f.discountRate(), years, energyKwh, powerKw, saving, discharged,
                new double[years], cells, f.salvageFraction()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("capexYen", c.capexYen());
        m.put("npvYen", c.npvYen());
        m.put("simplePaybackYears", Double.isInfinite(c.simplePaybackYears()) ? null : c.simplePaybackYears());
        m.put("discountRate", f.discountRate());
        m.put("years", years);
        return m;
    }
}
