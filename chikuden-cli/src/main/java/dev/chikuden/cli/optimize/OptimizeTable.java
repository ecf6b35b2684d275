package dev.chikuden.cli.optimize;

import java.util.Locale;
import java.util.Map;

/** {@link OptimizeFigures} as text for a terminal. */
public final class OptimizeTable {
    private OptimizeTable() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.get("site")).append(": optimal dispatch of ").append(f.get("periods")).append(" periods of ")
                .append(f.get("periodMinutes")).append(" min from ").append(f.get("start")).append(" (")
                .append(f.get("solver")).append(")\n\n");
        yen(sb, "Objective", f, "objectiveYen");
        yen(sb, "  energy", f, "energyCostYen");
        yen(sb, "  basic charge", f, "basicChargeYen");
        yen(sb, "  excess demand", f, "excessChargeYen");
        yen(sb, "  battery wear", f, "degradationCostYen");
        negativeYen(sb, "  export revenue", f, "exportRevenueYen");
        negativeYen(sb, "  reserve revenue", f, "reserveRevenueYen");
        if (f.containsKey("savingYen")) {
            yen(sb, "Without battery", f, "withoutBatteryYen");
            yen(sb, "Saving", f, "savingYen");
            yen(sb, "  of which on the bill", f, "billSavingYen");
        }
        line(sb, "Contract (" + f.get("contractMode") + ")", String.format(Locale.ROOT, "%,.0f kW", num(f, "contractKw")));
        line(sb, "Peak 30-min demand", String.format(Locale.ROOT, "%,.0f kW", num(f, "peakDemandKw")));
        if (f.containsKey("dischargedKwh")) {
            line(sb, "Discharged", String.format(Locale.ROOT, "%,.0f kWh (%.1f full cycles)", num(f, "dischargedKwh"),
                    num(f, "equivalentFullCycles")));
            line(sb, "Wear cost", String.format(Locale.ROOT, "%.2f yen/kWh discharged", num(f, "degradationYenPerKwh")));
        }
        line(sb, "Build / solve", String.format(Locale.ROOT, "%.2f s / %.2f s", num(f, "buildSeconds"),
                num(f, "solveSeconds")));
        Map<String, Object> r = (Map<String, Object>) f.get("resimulated");
        if (r != null) {
            sb.append('\n');
            line(sb, "Re-simulated bill", String.format(Locale.ROOT, "%,.0f yen through the battery model", num(r, "simulatedBillYen")));
            line(sb, "  ends short of the plan", String.format(Locale.ROOT, "%,.0f kWh stored, %,.0f yen to buy back "
                    + "(auxiliaries and losses drawn from the store)", num(r, "endShortfallKwh"), num(r, "endShortfallYen")));
            line(sb, "  LP bill", String.format(Locale.ROOT, "%,.0f yen (%+.3f %% with the shortfall bought back: the "
                    + "LP's linear battery)", num(r, "lpBillYen"), 100 * num(r, "relativeDifference")));
            line(sb, "  schedule not delivered", String.format(Locale.ROOT, "%,.0f of %,.0f kWh",
                    num(r, "shortfallKwh"), num(r, "scheduledKwh")));
        }
        return sb.toString();
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
