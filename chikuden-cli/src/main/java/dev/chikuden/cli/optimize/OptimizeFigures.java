package dev.chikuden.cli.optimize;

import dev.chikuden.optimize.Delivery;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.Optimization;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.tariff.ContractRule;
import dev.chikuden.time.SeriesCsv;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of an optimisation, in the order {@code optimize --json} prints them: the LP's
 * objective and its parts (the LP's own accounting), the case without battery as every command bills
 * it, the LP's saving (a bound) and what the plan delivered through the battery model.
 */
public final class OptimizeFigures {
    private OptimizeFigures() {
    }

    public static Map<String, Object> of(SiteConfig site, Optimization o) {
        DispatchProblem p = o.problem();
        DispatchSolution s = o.plan();
        Map<String, Object> f = new LinkedHashMap<>();
        DispatchSolution.Costs c = s.costs();
        f.put("site", site.name());
        f.put("start", SeriesCsv.formatTime(p.startEpochMs(), site.zone()));
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
        f.put("contractMode", p.demand() == null ? "none" : p.demand().mode().name().toLowerCase(Locale.ROOT));
        ContractRule rule = site.grid().contract();
        f.put("exceedance", rule.exceedance().name().toLowerCase(Locale.ROOT));
        f.put("peakDemandKw", max(s.monthPeakKw()));
        // the billing months, which the LP's months follow
        f.put("months", o.baseline().bill().bill().months().stream().map(m -> m.month().toString()).toList());
        f.put("plannedMonthlyPeakKw", s.monthPeakKw());
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
        SiteBilling.CaseBill base = o.baseline().bill();
        Map<String, Object> without = new LinkedHashMap<>();
        without.put("billYen", base.totalYen());
        without.put("contractKw", base.contractKw());
        without.put("contractBasis", base.basis().id());
        without.put("peakDemand30minKw", base.peakDemand30minKw());
        f.put("withoutBattery", without);
        Map<String, Object> lp = new LinkedHashMap<>();
        lp.put("savingYen", o.lpSavingYen());
        lp.put("billYen", c.billYen());
        lp.put("withoutBatteryBillYen", o.lpWithoutBattery().costs().billYen());
        f.put("lp", lp);
        Delivery d = o.delivery();
        if (d != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("savingYen", d.savingYen());
            r.put("billYen", d.billYen());
            r.put("billSavingYen", base.totalYen() - d.billYen());
            r.put("endShortfallYen", d.endShortfallYen());
            r.put("shareOfLp", o.lpSavingYen() != 0 ? d.savingYen() / o.lpSavingYen() : null);
            r.put("contractKw", d.bill().contractKw());
            r.put("contractBasis", d.bill().basis().id());
            r.put("monthlyPeakKw", d.monthlyPeakKw());
            r.put("peakDemand30minKw", d.bill().peakDemand30minKw());
            r.put("scheduledKwh", d.scheduledKwh());
            r.put("endStoredKwh", d.endStoredKwh());
            r.put("plannedEndStoredKwh", d.plannedEndStoredKwh());
            r.put("batteryLossesKwh", d.simulation().battery().lossesKwh());
            r.put("batteryAuxiliaryKwh", d.simulation().battery().auxiliaryKwh());
            r.put("bindingShare", d.simulation().bindingShare());
            f.put("delivered", r);
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
