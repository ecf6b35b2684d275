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
        Map<String, Object> without = new LinkedHashMap<>();
        without.put("billYen", r.withoutBattery().totalYen());
        without.put("contractKw", r.withoutBattery().contractKw());
        without.put("contractBasis", r.withoutBattery().basis().id());
        without.put("peakDemand30minKw", r.withoutBattery().peakDemand30minKw());
        f.put("withoutBattery", without);
        f.put("lpWithoutBatteryBillYen", r.lpWithoutBatteryYen());
        f.put("simulated", r.simulated());
        f.put("rankedBy", "delivered NPV");
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

    /**
     * A size: its plan's figures, the business case the ranking uses (the delivered one where the
     * size was simulated) at the top, and both business cases under {@code lp} and {@code delivered}.
     */
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
        m.put("simulated", c.delivered() != null);
        m.put("npvYen", c.npvYen());
        m.put("lpNpvYen", c.lp().npvYen());
        m.put("deliveredNpvYen", c.delivered() == null ? null : c.delivered().npvYen());
        m.put("annualSavingYen", c.value().annualSavingYen());
        m.put("irr", finite(c.value().irr()));
        m.put("paybackYears", finite(c.value().paybackYears()));
        m.put("discountedPaybackYears", finite(c.value().discountedPaybackYears()));
        m.put("lcosYenPerKwh", finite(c.value().lcosYenPerKwh()));
        m.put("billYen", c.billYen());
        m.put("reserveRevenueYen", c.reserveRevenueYen());
        m.put("annualDischargeKwh", c.annualDischargeKwh());
        m.put("contractKw", c.contractKw());
        m.put("capexYen", c.capexYen());
        m.put("yearsToEndOfLife", finite(c.yearsToEndOfLife()));
        m.put("sohAfterFirstYear", c.life().sohAfterFirstYear());
        m.put("sohAtEnd", c.life().sohAtEnd());
        m.put("replacementKwh", c.life().replacementKwh());
        m.put("replacementKwhByYear", c.life().replacementKwhByYear());
        m.put("cashFlowYen", c.value().businessCase().cashFlowYen());
        m.put("solveSeconds", c.solveSeconds());
        m.put("lp", value(c.lp()));
        if (c.delivered() != null) {
            Map<String, Object> d = value(c.delivered());
            d.put("savingYen", c.delivery().savingYen());
            d.put("billYen", c.delivery().billYen());
            d.put("contractKw", c.delivery().bill().contractKw());
            d.put("peakDemand30minKw", c.delivery().bill().peakDemand30minKw());
            d.put("endShortfallYen", c.delivery().endShortfallYen());
            m.put("delivered", d);
        } else {
            m.put("delivered", null);
        }
        return m;
    }

    private static Map<String, Object> value(Candidate.Value v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("annualSavingYen", v.annualSavingYen());
        m.put("npvYen", v.npvYen());
        m.put("irr", finite(v.irr()));
        m.put("paybackYears", finite(v.paybackYears()));
        m.put("discountedPaybackYears", finite(v.discountedPaybackYears()));
        m.put("lcosYenPerKwh", finite(v.lcosYenPerKwh()));
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
        a.add("saving = bill without battery - bill with it + reserve revenue; the bill with it is the one the LP's "
                + "plan delivered through the battery model under a demand limiter at its monthly peaks (the LP's own "
                + "saving, a bound, is shown beside it); the LP's wear cost steers the dispatch but is not subtracted: "
                + "worn cells are paid for when the aging model says they wear out");
        if (r.simulated() < r.candidates().size()) {
            a.add("of " + r.candidates().size() + " sizes the " + r.simulated() + " best by the LP's NPV were played "
                    + "through the battery model; the best is chosen among them");
        }
        a.add("aging: the plan's year of SOC (stored energy over nameplate) repeated through the battery's own "
                + "aging model, cells at the site's ambient held inside the container HVAC band; cells replaced at end of life "
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
