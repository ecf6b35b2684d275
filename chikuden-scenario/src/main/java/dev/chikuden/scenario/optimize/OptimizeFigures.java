package dev.chikuden.scenario.optimize;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.optimize.Delivery;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.GateClosureDispatch;
import dev.chikuden.optimize.IntradayPrices;
import dev.chikuden.optimize.MarketRevenue;
import dev.chikuden.optimize.Optimization;
import dev.chikuden.optimize.resilience.OutageReport;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteBilling;
import dev.chikuden.time.SeriesCsv;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of an optimisation, in the order {@code optimize --json} prints them: the LP's
 * objective and its parts (the LP's own accounting), the case without battery as every command bills
 * it, the LP's saving (a bound) and what the plan delivered through the battery model.
 *
 * @param months    the billing months, which the LP's months follow
 * @param discharge null for a site without battery
 * @param delivered null when the plan was not played through the battery model ({@code --no-check})
 * @param outage    null without an {@code outage} section
 * @param revenueByMarket  what the plan earns per market (energy against the same LP without battery,
 *                         each balancing product, capacity), recomputed from the plan; null without
 *                         a {@code markets} section
 * @param revenueByProduct per balancing product; null without one
 * @param revenueByMonth   month to market to yen; null without a {@code markets} section
 * @param captureRatio     with {@code --forecast}: the value of trading at gate closure on the forecast
 *                         over the value of the LP with every price known; null without
 * @param forecasting      with {@code --forecast}: both values, the forecast, which energy decisions
 *                         were on forecast, and both values by market; null without
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizeFigures(
        String site,
        String start,
        long periodMinutes,
        double objectiveYen,
        double lpObjectiveValue,
        double lpConstantYen,
        double energyCostYen,
        double exportRevenueYen,
        double basicChargeYen,
        double excessChargeYen,
        double degradationCostYen,
        double reserveRevenueYen,
        double contractKw,
        String contractMode,
        String exceedance,
        double peakDemandKw,
        List<String> months,
        double[] plannedMonthlyPeakKw,
        int periods,
        double buildSeconds,
        double solveSeconds,
        String solver,
        @JsonUnwrapped Discharge discharge,
        WithoutBattery withoutBattery,
        Lp lp,
        Delivered delivered,
        List<String> configWarnings,
        OutageReport.Figures outage,
        Map<String, Double> revenueByMarket,
        Map<String, Double> revenueByProduct,
        Map<String, Map<String, Double>> revenueByMonth,
        Double captureRatio,
        Forecasting forecasting) {

    /**
     * Trading at gate closure against hindsight.
     *
     * @param energyDecisions which energy decisions were made on forecast prices, in words
     * @param intradayPeriods periods whose deviations traded at intraday prices; null without intraday prices
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Forecasting(
            String forecast,
            double valueYen,
            double perfectValueYen,
            String energyDecisions,
            Integer intradayPeriods,
            Energy energy,
            Reserve reserve) {
        static Forecasting of(GateClosureDispatch g, IntradayPrices intraday) {
            GateClosureDispatch.Parts v = g.value();
            GateClosureDispatch.Parts p = g.perfect();
            String f = g.forecast().id();
            String decisions = "the day-ahead position, 10:00 the day before, on " + f + " energy prices"
                    + (intraday == null
                            ? "; no intraday prices: the position held"
                            : "; deviations at the start of the day on the day's day-ahead prices as the "
                                    + "intraday forecast, settled at JEPX intraday prices");
            return new Forecasting(
                    f,
                    g.valueYen(),
                    g.perfectValueYen(),
                    decisions,
                    intraday == null ? null : intraday.tradedPeriods(),
                    new Energy(
                            v.energyYen(),
                            v.dayAheadYen(),
                            v.intradayYen(),
                            p.energyYen(),
                            p.dayAheadYen(),
                            p.intradayYen(),
                            finite(g.energyCaptureRatio())),
                    new Reserve(v.reserveYen(), p.reserveYen(), finite(g.reserveCaptureRatio())));
        }
    }

    /**
     * The energy's part: day-ahead (the position at day-ahead prices, less wear) and intraday (the
     * deviations' worth beyond day-ahead), stitched and in hindsight.
     *
     * @param captureRatio {@code valueYen / perfectValueYen}; null when the hindsight earns nothing from energy
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Energy(
            double valueYen,
            double dayAheadYen,
            double intradayYen,
            double perfectValueYen,
            double perfectDayAheadYen,
            double perfectIntradayYen,
            Double captureRatio) {}

    /**
     * The reserve's part: capacity prices and activations less their wear.
     *
     * @param captureRatio {@code valueYen / perfectValueYen}; null when the hindsight sells no reserve
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reserve(double valueYen, double perfectValueYen, Double captureRatio) {}

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** What the plan discharges and what the LP charges for its wear. */
    public record Discharge(double dischargedKwh, double equivalentFullCycles, double degradationYenPerKwh) {}

    /** The case without battery, billed as plan and size bill it. */
    public record WithoutBattery(long billYen, double contractKw, String contractBasis, double peakDemand30minKw) {}

    /** The LP's own saving, a bound: its bill with the battery and its bill without. */
    public record Lp(double savingYen, double billYen, double withoutBatteryBillYen) {}

    /**
     * The plan played through the battery model and billed.
     *
     * @param savingYen the bill saving less the energy the battery ends short of its plan, bought back, and
     *                  less the reserve activations' energy on the bill (the TSO pays it)
     * @param shareOfLp the delivered saving over the LP's; null unless the LP saves something (over a
     *     loss the ratio would read as delivery beating the bound when it lost more)
     */
    public record Delivered(
            double savingYen,
            double billYen,
            double billSavingYen,
            double endShortfallYen,
            double activationOnBillYen,
            Double shareOfLp,
            double contractKw,
            String contractBasis,
            double[] monthlyPeakKw,
            double peakDemand30minKw,
            double scheduledKwh,
            double endStoredKwh,
            double plannedEndStoredKwh,
            double batteryLossesKwh,
            double batteryAuxiliaryKwh,
            Map<String, Double> bindingShare) {
        static Delivered of(Optimization o) {
            Delivery d = o.delivery();
            return new Delivered(
                    d.savingYen(),
                    d.billYen(),
                    o.baseline().bill().totalYen() - d.billYen(),
                    d.endShortfallYen(),
                    d.activationYen(),
                    o.lpSavingYen() > 0 ? d.savingYen() / o.lpSavingYen() : null,
                    d.bill().contractKw(),
                    d.bill().basis().id(),
                    d.monthlyPeakKw(),
                    d.bill().peakDemand30minKw(),
                    d.scheduledKwh(),
                    d.endStoredKwh(),
                    d.plannedEndStoredKwh(),
                    d.simulation().battery().lossesKwh(),
                    d.simulation().battery().auxiliaryKwh(),
                    d.simulation().bindingShare());
        }
    }

    public static OptimizeFigures of(
            SiteConfig site,
            Optimization o,
            List<String> configWarnings,
            OutageReport outage,
            GateClosureDispatch gate,
            IntradayPrices intraday) {
        DispatchProblem p = o.problem();
        DispatchSolution s = o.plan();
        DispatchSolution.Costs c = s.costs();
        Discharge discharge = null;
        if (p.storage() != null) {
            double discharged = 0;
            for (double d : s.dischargeKw()) {
                discharged += d * p.periodHours();
            }
            discharge = new Discharge(
                    discharged,
                    discharged / (p.storage().maxKwh() - p.storage().floorKwh()),
                    p.storage().degradationYenPerKwh());
        }
        SiteBilling.CaseBill base = o.baseline().bill();
        MarketRevenue revenue = site.planning().markets().any()
                ? MarketRevenue.of(p, s, o.lpWithoutBattery(), site.planning().markets(), site.zone())
                : null;
        return new OptimizeFigures(
                site.name(),
                SeriesCsv.formatTime(p.startEpochMs(), site.zone()),
                p.periodMs() / 60_000,
                c.objectiveYen(),
                s.lpObjectiveValue(),
                s.lpConstantYen(),
                c.energyCostYen(),
                c.exportRevenueYen(),
                c.basicChargeYen(),
                c.excessChargeYen(),
                c.degradationCostYen(),
                c.reserveRevenueYen(),
                s.contractKw(),
                p.demand() == null ? "none" : p.demand().mode().name().toLowerCase(Locale.ROOT),
                site.grid().contract().exceedance().name().toLowerCase(Locale.ROOT),
                max(s.monthPeakKw()),
                base.bill().months().stream().map(m -> m.month().toString()).toList(),
                s.monthPeakKw(),
                s.periods(),
                s.buildSeconds(),
                s.solveSeconds(),
                s.solver(),
                discharge,
                new WithoutBattery(
                        base.totalYen(), base.contractKw(), base.basis().id(), base.peakDemand30minKw()),
                new Lp(
                        o.lpSavingYen(),
                        c.billYen(),
                        o.lpWithoutBattery().costs().billYen()),
                o.delivery() == null ? null : Delivered.of(o),
                configWarnings,
                outage == null ? null : outage.figures(),
                revenue == null ? null : revenue.byMarket(),
                revenue == null || revenue.byProduct().isEmpty() ? null : revenue.byProduct(),
                revenue == null ? null : byMonth(revenue),
                gate == null ? null : gate.captureRatio(),
                gate == null ? null : Forecasting.of(gate, intraday));
    }

    private static Map<String, Map<String, Double>> byMonth(MarketRevenue r) {
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        r.byMonth().forEach((m, v) -> out.put(m.toString(), v));
        return out;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
