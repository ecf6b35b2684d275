package dev.chikuden.cli.optimize;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link OptimizeFigures} as text for a terminal: the delivered saving first, the LP's bound beside
 * it, the monthly peaks planned and delivered, then the LP's objective and its parts.
 */
public final class OptimizeTable {
    private OptimizeTable() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.get("site")).append(": optimal dispatch of ").append(f.get("periods")).append(" periods of ")
                .append(f.get("periodMinutes")).append(" min from ").append(f.get("start")).append(" (")
                .append(f.get("solver")).append(")\n\n");
        Map<String, Object> lp = (Map<String, Object>) f.get("lp");
        Map<String, Object> without = (Map<String, Object>) f.get("withoutBattery");
        Map<String, Object> d = (Map<String, Object>) f.get("delivered");
        if (d != null) {
            line(sb, "Saving delivered", String.format(Locale.ROOT, "%,.0f yen (%s of the LP's bound of %,.0f yen)",
                    num(d, "savingYen"), share(d), num(lp, "savingYen")));
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-28s %20s %20s%n", "", "LP bound", d == null ? "" : "delivered"));
        row(sb, "Saving", num(lp, "savingYen"), d == null ? null : num(d, "savingYen"), "yen");
        row(sb, "Bill with battery", num(lp, "billYen"), d == null ? null : num(d, "billYen"), "yen");
        row(sb, "Bill without battery", num(lp, "withoutBatteryBillYen"), num(without, "billYen"), "yen");
        row(sb, "Contract", num(f, "contractKw"), d == null ? null : num(d, "contractKw"), "kW");
        row(sb, "Peak 30-min demand", num(f, "peakDemandKw"), d == null ? null : num(d, "peakDemand30minKw"), "kW");
        if (d != null) {
            line(sb, "  stored energy at the end", String.format(Locale.ROOT, "%,.0f kWh planned, %,.0f kWh delivered "
                    + "(%,.0f yen to buy back, in the delivered saving)", num(d, "plannedEndStoredKwh"),
                    num(d, "endStoredKwh"), num(d, "endShortfallYen")));
        }
        line(sb, "Without battery", String.format(Locale.ROOT, "%,.0f yen at a contract of %,.0f kW (%s), "
                + "as plan and size bill it", num(without, "billYen"), num(without, "contractKw"),
                without.get("contractBasis")));
        if (d != null) {
            sb.append(String.format(Locale.ROOT, "%nMonthly 30-min peak        planned kW   delivered kW%n"));
            List<String> months = (List<String>) f.get("months");
            double[] planned = (double[]) f.get("plannedMonthlyPeakKw");
            double[] delivered = (double[]) d.get("monthlyPeakKw");
            for (int m = 0; m < planned.length && m < delivered.length; m++) {
                sb.append(String.format(Locale.ROOT, "  %-24s %12s %14s%n", m < months.size() ? months.get(m) : "",
                        String.format(Locale.ROOT, "%,.0f", planned[m]),
                        String.format(Locale.ROOT, "%,.0f", delivered[m])));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nThe LP's objective (its own accounting, wear included)%n"));
        yen(sb, "Objective", f, "objectiveYen");
        yen(sb, "  energy", f, "energyCostYen");
        yen(sb, "  basic charge", f, "basicChargeYen");
        yen(sb, "  excess demand", f, "excessChargeYen");
        yen(sb, "  battery wear", f, "degradationCostYen");
        negativeYen(sb, "  export revenue", f, "exportRevenueYen");
        negativeYen(sb, "  reserve revenue", f, "reserveRevenueYen");
        line(sb, "Contract (" + f.get("contractMode") + ", " + f.get("exceedance") + ")",
                String.format(Locale.ROOT, "%,.0f kW", num(f, "contractKw")));
        if (f.containsKey("dischargedKwh")) {
            line(sb, "Discharged", String.format(Locale.ROOT, "%,.0f kWh (%.1f full cycles)", num(f, "dischargedKwh"),
                    num(f, "equivalentFullCycles")));
            line(sb, "Wear cost", String.format(Locale.ROOT, "%.2f yen/kWh discharged",
                    num(f, "degradationYenPerKwh")));
        }
        line(sb, "Build / solve", String.format(Locale.ROOT, "%.2f s / %.2f s", num(f, "buildSeconds"),
                num(f, "solveSeconds")));
        return sb.toString();
    }

    private static String share(Map<String, Object> d) {
        Object s = d.get("shareOfLp");
        return s == null ? "none" : String.format(Locale.ROOT, "%.1f %%", 100 * ((Number) s).doubleValue());
    }

    private static void row(StringBuilder sb, String label, double lp, Double delivered, String unit) {
        sb.append(String.format(Locale.ROOT, "%-28s %20s %20s%n", label,
                String.format(Locale.ROOT, "%,.0f %s", lp, unit),
                delivered == null ? "" : String.format(Locale.ROOT, "%,.0f %s", delivered, unit)));
    }

    private static void yen(StringBuilder sb, String label, Map<String, Object> f, String key) {
        line(sb, label, String.format(Locale.ROOT, "%,.0f yen", num(f, key)));
    }

    private static void negativeYen(StringBuilder sb, String label, Map<String, Object> f, String key) {
        if (num(f, key) != 0) {
            line(sb, label, String.format(Locale.ROOT, "%,.0f yen", -num(f, key)));
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-28s %s%n", label, value));
    }

    private static double num(Map<String, Object> f, String key) {
        return ((Number) f.get(key)).doubleValue();
    }
}
