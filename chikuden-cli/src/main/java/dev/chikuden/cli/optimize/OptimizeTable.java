package dev.chikuden.cli.optimize;

import dev.chikuden.scenario.optimize.OptimizeFigures;
import java.util.Locale;

/**
 * {@link OptimizeFigures} as text for a terminal: the delivered saving first, the LP's bound beside
 * it, the monthly peaks planned and delivered, then the LP's objective and its parts.
 */
public final class OptimizeTable {
    private OptimizeTable() {}

    private static String percent(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }

    public static String render(OptimizeFigures f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.site())
                .append(": optimal dispatch of ")
                .append(f.periods())
                .append(" periods of ")
                .append(f.periodMinutes())
                .append(" min from ")
                .append(f.start())
                .append(" (")
                .append(f.solver())
                .append(")\n\n");
        OptimizeFigures.Lp lp = f.lp();
        OptimizeFigures.WithoutBattery without = f.withoutBattery();
        OptimizeFigures.Delivered d = f.delivered();
        if (d != null) {
            line(
                    sb,
                    "Saving delivered",
                    d.shareOfLp() == null
                            ? String.format(
                                    Locale.ROOT,
                                    "%,.0f yen (the LP's bound is %,.0f yen, no saving to take a share of)",
                                    d.savingYen(),
                                    lp.savingYen())
                            : String.format(
                                    Locale.ROOT,
                                    "%,.0f yen (%.1f %% of the LP's bound of %,.0f yen)",
                                    d.savingYen(),
                                    100 * d.shareOfLp(),
                                    lp.savingYen()));
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-28s %20s %20s%n", "", "LP bound", d == null ? "" : "delivered"));
        row(sb, "Saving", lp.savingYen(), d == null ? null : d.savingYen(), "yen");
        row(sb, "Bill with battery", lp.billYen(), d == null ? null : d.billYen(), "yen");
        row(sb, "Bill without battery", lp.withoutBatteryBillYen(), (double) without.billYen(), "yen");
        row(sb, "Contract", f.contractKw(), d == null ? null : d.contractKw(), "kW");
        row(sb, "Peak 30-min demand", f.peakDemandKw(), d == null ? null : d.peakDemand30minKw(), "kW");
        if (d != null) {
            line(
                    sb,
                    "  stored energy at the end",
                    String.format(
                            Locale.ROOT,
                            "%,.0f kWh planned, %,.0f kWh delivered "
                                    + "(%,.0f yen to buy back, in the delivered saving)",
                            d.plannedEndStoredKwh(),
                            d.endStoredKwh(),
                            d.endShortfallYen()));
            if (d.activationOnBillYen() != 0) {
                line(
                        sb,
                        "  reserve activations",
                        String.format(
                                Locale.ROOT,
                                "%,.0f yen of energy on the bill, paid by the TSO in the reserve revenue "
                                        + "(out of the delivered saving)",
                                d.activationOnBillYen()));
            }
        }
        line(
                sb,
                "Without battery",
                String.format(
                        Locale.ROOT,
                        "%,d yen at a contract of %,.0f kW (%s), " + "as plan and size bill it",
                        without.billYen(),
                        without.contractKw(),
                        without.contractBasis()));
        if (d != null) {
            sb.append(String.format(Locale.ROOT, "%nMonthly 30-min peak        planned kW   delivered kW%n"));
            double[] planned = f.plannedMonthlyPeakKw();
            double[] delivered = d.monthlyPeakKw();
            for (int m = 0; m < planned.length && m < delivered.length; m++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "  %-24s %12s %14s%n",
                        m < f.months().size() ? f.months().get(m) : "",
                        String.format(Locale.ROOT, "%,.0f", planned[m]),
                        String.format(Locale.ROOT, "%,.0f", delivered[m])));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nThe LP's objective (its own accounting, wear included)%n"));
        yen(sb, "Objective", f.objectiveYen());
        yen(sb, "  energy", f.energyCostYen());
        yen(sb, "  basic charge", f.basicChargeYen());
        yen(sb, "  excess demand", f.excessChargeYen());
        yen(sb, "  battery wear", f.degradationCostYen());
        if (f.exportRevenueYen() != 0) {
            yen(sb, "  export revenue", -f.exportRevenueYen());
        }
        if (f.reserveRevenueYen() != 0) {
            yen(sb, "  reserve revenue", -f.reserveRevenueYen());
        }
        if (f.revenueByMarket() != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nRevenue by market (the plan, recomputed; energy against the LP without battery)%n"));
            f.revenueByMarket().forEach((market, yen) -> yen(sb, "  " + market, yen));
            if (f.revenueByProduct() != null) {
                f.revenueByProduct().forEach((product, yen) -> yen(sb, "    " + product, yen));
            }
        }
        if (f.forecasting() != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nTrading at gate closure on %s prices: %,.0f yen, %.1f %% of the %,.0f yen the LP earns "
                            + "knowing every price%n",
                    f.forecasting().forecast(),
                    f.forecasting().valueYen(),
                    100 * f.captureRatio(),
                    f.forecasting().perfectValueYen()));
            OptimizeFigures.Forecasting g = f.forecasting();
            line(sb, "  on forecast", g.energyDecisions());
            if (g.intradayPeriods() != null) {
                line(
                        sb,
                        "  intraday",
                        String.format(
                                Locale.ROOT,
                                "deviations traded in %,d of %,d periods (the rest had no trade: position held)",
                                g.intradayPeriods(),
                                f.periods()));
            }
            OptimizeFigures.Energy e = g.energy();
            line(
                    sb,
                    "  energy",
                    String.format(
                            Locale.ROOT,
                            "%,.0f yen (day-ahead %,.0f, intraday %,.0f) of %,.0f yen: %s",
                            e.valueYen(),
                            e.dayAheadYen(),
                            e.intradayYen(),
                            e.perfectValueYen(),
                            percent(e.captureRatio())));
            OptimizeFigures.Reserve r = g.reserve();
            line(
                    sb,
                    "  reserve",
                    String.format(
                            Locale.ROOT,
                            "%,.0f yen of %,.0f yen: %s",
                            r.valueYen(),
                            r.perfectValueYen(),
                            percent(r.captureRatio())));
        }
        line(
                sb,
                "Contract (" + f.contractMode() + ", " + f.exceedance() + ")",
                String.format(Locale.ROOT, "%,.0f kW", f.contractKw()));
        if (f.discharge() != null) {
            line(
                    sb,
                    "Discharged",
                    String.format(
                            Locale.ROOT,
                            "%,.0f kWh (%.1f full cycles)",
                            f.discharge().dischargedKwh(),
                            f.discharge().equivalentFullCycles()));
            line(
                    sb,
                    "Wear cost",
                    String.format(
                            Locale.ROOT,
                            "%.2f yen/kWh discharged",
                            f.discharge().degradationYenPerKwh()));
        }
        line(sb, "Build / solve", String.format(Locale.ROOT, "%.2f s / %.2f s", f.buildSeconds(), f.solveSeconds()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, double lp, Double delivered, String unit) {
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %20s %20s%n",
                label,
                String.format(Locale.ROOT, "%,.0f %s", lp, unit),
                delivered == null ? "" : String.format(Locale.ROOT, "%,.0f %s", delivered, unit)));
    }

    private static void yen(StringBuilder sb, String label, double yen) {
        line(sb, label, String.format(Locale.ROOT, "%,.0f yen", yen));
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-28s %s%n", label, value));
    }
}
