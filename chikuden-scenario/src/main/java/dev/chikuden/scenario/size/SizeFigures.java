package dev.chikuden.scenario.size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.optimize.sizing.Candidate;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.site.MarketsSpec;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a sizing sweep for JSON, in a fixed order. A number that is not finite (an IRR
 * that does not exist, a payback never reached, an end of life beyond the study) is null.
 *
 * @param outage null when the site has no outage section
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SizeFigures(
        String site,
        String solver,
        int periods,
        double periodMinutes,
        boolean defaultGrid,
        double[] powerKw,
        double[] energyKwh,
        WithoutBattery withoutBattery,
        double lpWithoutBatteryBillYen,
        int simulated,
        String rankedBy,
        Size best,
        List<Size> candidates,
        double wallSeconds,
        List<String> assumptions,
        List<String> configWarnings,
        OutageReport.Figures outage) {

    /** The case without battery, billed as plan and optimize bill it. */
    public record WithoutBattery(long billYen, double contractKw, String contractBasis, double peakDemand30minKw) {}

    /** A business case: the saving a year and what it is worth. */
    public record Value(
            double annualSavingYen,
            double npvYen,
            Double irr,
            Double paybackYears,
            Double discountedPaybackYears,
            Double lcosYenPerKwh) {
        static Value of(Candidate.Value v) {
            return new Value(
                    v.annualSavingYen(),
                    v.npvYen(),
                    finite(v.irr()),
                    finite(v.paybackYears()),
                    finite(v.discountedPaybackYears()),
                    finite(v.lcosYenPerKwh()));
        }
    }

    /** The delivered business case and what the plan delivered. */
    public record Delivered(
            @JsonUnwrapped Value value,
            double savingYen,
            double billYen,
            double contractKw,
            double peakDemand30minKw,
            double endShortfallYen) {}

    /**
     * A size: its plan's figures, the business case the ranking uses (the delivered one where the
     * size was simulated) at the top, and both business cases under {@code lp} and {@code delivered}.
     * An infeasible size has only its size and the reason.
     */
    public record Size(
            double powerKw,
            double energyKwh,
            double durationHours,
            boolean feasible,
            @JsonInclude(JsonInclude.Include.NON_NULL) String infeasibleReason,
            @JsonUnwrapped Plan plan) {}

    /**
     * A feasible size's figures; a number that is not finite is null, a size not simulated has no delivered case.
     *
     * @param capacityKw         the kW the capacity market (or a long-term auction) pays for; left out without either
     * @param capacityPaymentYen that payment a year, in the saving; left out without either
     */
    public record Plan(
            boolean simulated,
            double npvYen,
            double lpNpvYen,
            Double deliveredNpvYen,
            double annualSavingYen,
            Double irr,
            Double paybackYears,
            Double discountedPaybackYears,
            Double lcosYenPerKwh,
            double billYen,
            double reserveRevenueYen,
            double annualDischargeKwh,
            double contractKw,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double capacityKw,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double capacityPaymentYen,
            double capexYen,
            Double yearsToEndOfLife,
            double sohAfterFirstYear,
            double sohAtEnd,
            double replacementKwh,
            double[] replacementKwhByYear,
            double[] cashFlowYen,
            double solveSeconds,
            Value lp,
            Delivered delivered) {}

    public static SizeFigures of(SiteConfig site, SizingResult r, OutageReport outage, List<String> configWarnings) {
        return new SizeFigures(
                site.name(),
                r.solver(),
                r.periods(),
                r.best().problem().periodMs() / 60_000.0,
                r.defaultGrid(),
                r.powerKw(),
                r.energyKwh(),
                new WithoutBattery(
                        r.withoutBattery().totalYen(),
                        r.withoutBattery().contractKw(),
                        r.withoutBattery().basis().id(),
                        r.withoutBattery().peakDemand30minKw()),
                r.lpWithoutBatteryYen(),
                r.simulated(),
                "delivered NPV",
                size(r.bestCandidate(), site.planning().markets()),
                r.candidates().stream()
                        .map(c -> size(c, site.planning().markets()))
                        .toList(),
                r.wallSeconds(),
                assumptions(site, r),
                configWarnings,
                outage == null ? null : outage.figures());
    }

    static Size size(Candidate c, MarketsSpec markets) {
        if (!c.feasible()) {
            return new Size(c.powerKw(), c.energyKwh(), c.durationHours(), false, c.infeasibleReason(), null);
        }
        Candidate.Value v = c.value();
        Delivered delivered = c.delivered() == null
                ? null
                : new Delivered(
                        Value.of(c.delivered()),
                        c.delivery().savingYen(),
                        c.delivery().billYen(),
                        c.delivery().bill().contractKw(),
                        c.delivery().bill().peakDemand30minKw(),
                        c.delivery().endShortfallYen());
        return new Size(
                c.powerKw(),
                c.energyKwh(),
                c.durationHours(),
                true,
                null,
                new Plan(
                        c.delivered() != null,
                        c.npvYen(),
                        c.lp().npvYen(),
                        c.delivered() == null ? null : c.delivered().npvYen(),
                        v.annualSavingYen(),
                        finite(v.irr()),
                        finite(v.paybackYears()),
                        finite(v.discountedPaybackYears()),
                        finite(v.lcosYenPerKwh()),
                        c.billYen(),
                        c.reserveRevenueYen(),
                        c.annualDischargeKwh(),
                        c.contractKw(),
                        finite(c.capacityKw()),
                        finite(c.capacityKw() * fixedYenPerKwYear(markets)),
                        c.capexYen(),
                        finite(c.yearsToEndOfLife()),
                        c.life().sohAfterFirstYear(),
                        c.life().sohAtEnd(),
                        c.life().replacementKwh(),
                        c.life().replacementKwhByYear(),
                        v.businessCase().cashFlowYen(),
                        c.solveSeconds(),
                        Value.of(c.lp()),
                        delivered));
    }

    /** What the numbers rest on, in words, for the report and the JSON alike. */
    public static List<String> assumptions(SiteConfig site, SizingResult r) {
        List<String> a = new ArrayList<>();
        PlanningSpec.FinanceSpec f = site.planning().finance();
        a.add("every year saves, discharges and pays to charge what the dispatch LP's first year does (no load "
                + "growth, no price escalation); money in yen of today, discounted at "
                + String.format(java.util.Locale.ROOT, "%.1f %%", f.discountRate() * 100) + " over " + f.years()
                + " years");
        a.add("saving = bill without battery - bill with it + reserve revenue"
                + fixedPayments(site.planning().markets())
                + "; the bill with it is the one the LP's "
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
        a.addAll(MarketAssumptions.of(site.planning().markets(), r));
        DispatchProblem.DemandCharge d = r.best().problem().demand();
        if (d != null && d.mode() == DispatchProblem.ContractMode.FIXED) {
            a.add("every size keeps the same agreed contract (" + Math.round(d.contractKw()) + " kW); set "
                    + "grid.contract: auto to let each size sign its own");
        }
        return a;
    }

    /** What the saving adds for the capacity market or a long-term auction, as {@code MarketRevenue} pays them. */
    private static String fixedPayments(MarketsSpec markets) {
        if (markets.longTerm() != null) {
            return ", of which the long-term auction's share is given back, + the auction's payment";
        }
        return markets.capacity() != null ? " + capacity payment" : "";
    }

    /** Yen a kW-year the paid kW earn: the long-term auction's, which replaces the capacity payment, or the capacity market's. */
    static double fixedYenPerKwYear(MarketsSpec markets) {
        if (markets.longTerm() != null) {
            return markets.longTerm().yenPerKwYear();
        }
        return markets.capacity() != null ? markets.capacity().yenPerKwYear() : Double.NaN;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
