package dev.chikuden.cli.report;

import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.scenario.plan.PlanBusinessCase;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.study.PlanStudy;

/**
 * The report's first lines: the saving a year, the payback, the grid-code verdict and the years
 * to end of life, each null where the study cannot say (no tariff, no finance section, no battery).
 */
record Verdict(
        double periodDays,
        Double savingYen,
        Double savingYenPerYear,
        String yearFrom,
        PlanBusinessCase finance,
        int rules,
        long rulesFailedWithoutBattery,
        Long rulesFailedWithBattery) {

    static Verdict of(PlanStudy.Result r) {
        double periodDays = r.withoutBattery().grid().durationSeconds() / 86_400;
        boolean saves = r.bills() != null && r.bills().savingYen() != null;
        Double saving = saves ? (double) r.bills().savingYen() : null;
        Double perYear = saves ? r.bills().savingPerYearYen() : null;
        return new Verdict(
                periodDays,
                saving,
                perYear,
                saves ? PlanFigures.yearFrom(r.bills().withoutBattery().bill()) : null,
                !saves ? null : PlanBusinessCase.of(r, perYear),
                r.withoutBatteryGridCode().verdicts().size(),
                failures(r.withoutBatteryGridCode()),
                r.withBatteryGridCode() == null ? null : failures(r.withBatteryGridCode()));
    }

    private static long failures(GridCodeReport report) {
        return report.verdicts().stream().filter(v -> !v.pass()).count();
    }
}
