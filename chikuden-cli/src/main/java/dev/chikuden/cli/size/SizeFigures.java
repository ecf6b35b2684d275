package dev.chikuden.cli.size;

import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.Candidate;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a sizing sweep for JSON, in a fixed order. A number that is not finite (an IRR
 * that does not exist, a payback never reached, an end of life beyond the study) is null.
 */
public final class SizeFigures {
    private SizeFigures() {
    }

    /** @param outage null when the site has no outage section */
    public static Map<String, Object> of(SiteConfig site, SizingResult r, OutageReport outage) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("site", site.name());
        f.put("solver", r.solver());
        f.put("periods", r.periods());
        f.put("periodMinutes", r.best().problem().periodMs() / 60_000.0);
        f.put("defaultGrid", r.defaultGrid());
        f.put("powerKw", r.powerKw());
        f.put("energyKwh", r.energyKwh());
        f.put("baselineYen", r.baselineYen());
        f.put("baselineContractKw", r.baselineContractKw());
        f.put("best", candidate(r.bestCandidate()));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Candidate c : r.candidates()) {
            all.add(candidate(c));
        }
        f.put("candidates", all);
        f.put("wallSeconds", r.wallSeconds());
        f.put("assumptions", assumptions(site, r));
        if (outage != null) {
            f.put("outage", outage.toMap());
        }
        return f;
    }

    static Map<String, Object> candidate(Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("powerKw", c.powerKw());
        m.put("energyKwh", c.energyKwh());
        m.put("durationHours", c.durationHours());
        m.put("feasible", c.feasible());
        if (!c.feasible()) {
            m.put("infeasibleReason", c.infeasibleReason());
            return m;
        }
        m.put("annualSavingYen", c.annualSavingYen());
        m.put("billYen", c.billYen());
        m.put("reserveRevenueYen", c.reserveRevenueYen());
        m.put("annualDischargeKwh", c.annualDischargeKwh());
        m.put("contractKw", c.contractKw());
        m.put("capexYen", c.capexYen());
        m.put("npvYen", c.npvYen());
        m.put("irr", finite(c.irr()));
        m.put("paybackYears", finite(c.paybackYears()));
        m.put("discountedPaybackYears", finite(c.discountedPaybackYears()));
        m.put("lcosYenPerKwh", finite(c.lcosYenPerKwh()));
        m.put("yearsToEndOfLife", finite(c.yearsToEndOfLife()));
        m.put("sohAfterFirstYear", c.life().sohAfterFirstYear());
        m.put("sohAtEnd", c.life().sohAtEnd());
        m.put("replacementKwh", c.life().replacementKwh());
        m.put("replacementKwhByYear", c.life().replacementKwhByYear());
        m.put("cashFlowYen", c.businessCase().cashFlowYen());
        m.put("solveSeconds", c.solveSeconds());
        return m;
    }

    /** What the numbers rest on, in words, for the report and the JSON alike. */
    public static List<String> assumptions(SiteConfig site, SizingResult r) {
        List<String> a = new ArrayList<>();
        PlanningSpec.FinanceSpec f = site.planning().finance();
        a.add("every year saves, discharges and pays to charge what the dispatch LP's first year does (no load "
                + "growth, no price escalation); money in yen of today, discounted at "
                + String.format(java.util.Locale.ROOT, "%.1f %%", f.discountRate() * 100) + " over " + f.years()
                + " years");
        a.add("saving = bill without battery - bill with it + reserve revenue; the LP's wear cost steers the "
                + "dispatch but is not subtracted: worn cells are paid for when the aging model says they wear out");
        a.add("aging: the year's SOC (stored energy over nameplate) repeated through the battery's own aging model, "
                + "cells at the site's ambient held inside the container HVAC band; cells replaced at end of life "
                + "(or augmented as configured) at the replacement price, restoring the savings");
        a.add("each size is the site's first battery scaled (efficiencies, SOC window, aging kept); its power is "
                + "capped at the C-rate limit times its energy");
        DispatchProblem.DemandCharge d = r.best().problem().demand();
        if (d != null && d.mode() == DispatchProblem.ContractMode.FIXED) {
            a.add("every size keeps the same agreed contract (" + Math.round(d.contractKw()) + " kW); set "
                    + "grid.contract: auto to let each size sign its own");
        }
        return a;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
