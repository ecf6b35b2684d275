package dev.chikuden.cli.optimize;

import dev.chikuden.optimize.DispatchCheck;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.time.SeriesCsv;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of an optimisation, in the order {@code optimize --json} prints them. */
public final class OptimizeFigures {
    private OptimizeFigures() {
    }

    /**
     * @param baseline the same problem solved without the battery; null when not solved
     * @param check    the re-simulation; null when skipped
     */
    public static Map<String, Object> of(String site, ZoneId zone, DispatchProblem p, DispatchSolution s,
                                         DispatchSolution baseline, DispatchCheck check) {
        Map<String, Object> f = new LinkedHashMap<>();
        DispatchSolution.Costs c = s.costs();
        f.put("site", site);
        f.put("start", SeriesCsv.formatTime(p.startEpochMs(), zone));
        f.put("periodMinutes", p.periodMs() / 60_000);
        f.put("objectiveYen", c.objectiveYen());
        f.put("lpObjectiveValue", s.lpObjectiveValue());
        f.put("lpConstantYen", s.lpConstantYen());
        f.put("energyCostYen", c.energyCostYen());
        f.put("exportRevenueYen", c.exportRevenueYen());
        f.put("basicChargeYen", c.basicChargeYen());
        f.put("excessChargeYen", c.excessChargeYen());
        f.put("degradationCostYen", c.degradationCostYen());
        f.put("reserveRevenueYen", c.reserveRevenueYen());
        f.put("contractKw", s.contractKw());
        f.put("contractMode", p.demand() == null ? "none" : p.demand().mode().name().toLowerCase(java.util.Locale.ROOT));
        f.put("peakDemandKw", max(s.monthPeakKw()));
        f.put("periods", s.periods());
        f.put("buildSeconds", s.buildSeconds());
        f.put("solveSeconds", s.solveSeconds());
        f.put("solver", s.solver());
        if (p.storage() != null) {
            double discharged = 0;
            for (double d : s.dischargeKw()) {
                discharged += d * p.periodHours();
            }
            f.put("dischargedKwh", discharged);
            f.put("equivalentFullCycles", discharged / (p.storage().maxKwh() - p.storage().floorKwh()));
            f.put("degradationYenPerKwh", p.storage().degradationYenPerKwh());
        }
        if (baseline != null) {
            f.put("withoutBatteryYen", baseline.costs().objectiveYen());
            f.put("savingYen", baseline.costs().objectiveYen() - c.objectiveYen());
            f.put("billSavingYen", baseline.costs().billYen() - c.billYen());
        }
        if (check != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("lpBillYen", check.lpBillYen());
            r.put("simulatedBillYen", check.simulatedBillYen());
            r.put("endShortfallKwh", check.endShortfallKwh());
            r.put("endShortfallYen", check.endShortfallYen());
            r.put("relativeDifference", check.relativeDifference());
            r.put("scheduledKwh", check.scheduledKwh());
            r.put("shortfallKwh", check.scheduleShortfallKwh());
            r.put("batteryLossesKwh", check.simulation().battery().lossesKwh());
            f.put("resimulated", r);
        }
        return f;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
