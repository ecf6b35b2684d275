package dev.chikuden.cli.plan;

import dev.chikuden.units.Quantities;
import java.util.Locale;
import java.util.Map;

/**
 * The plan study as a compact text table for a terminal, printed from {@link PlanFigures}.
 * Powers and energies are shown in MW/MWh for sites above 10 MW, in kW/kWh below.
 */
public final class PlanTable {
    private PlanTable() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> f, String resultsNote) {
        Map<String, Object> without = (Map<String, Object>) f.get("withoutBattery");
        Map<String, Object> with = (Map<String, Object>) f.get("withBattery");
        boolean mega = num(without, "peakGridKw") >= 10_000;
        double k = mega ? 1000 : 1;
        String pu = mega ? "MW" : "kW";
        String eu = mega ? "MWh" : "kWh";
        StringBuilder sb = new StringBuilder();
        long steps = ((Number) f.get("steps")).longValue();
        double stepS = num(f, "stepSeconds");
        sb.append(f.get("site")).append(": ").append(Quantities.formatDuration(steps * stepS)).append(" from ")
                .append(f.get("start")).append(" at ").append(Quantities.formatDuration(stepS)).append(" steps\n\n");
        sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s %12s%n", "", "", "without battery",
                "with battery", "change"));
        row(sb, "Energy imported", eu, without, with, "energyImportedKwh", k, 1);
        row(sb, "Energy exported", eu, without, with, "energyExportedKwh", k, 1);
        row(sb, "Peak 30-min demand", pu, without, with, "peakDemand30minKw", k, 2);
        row(sb, "Peak grid power", pu, without, with, "peakGridKw", k, 2);
        row(sb, "Largest ramp (1 s)", pu + "/s", without, with, "maxRampKwPerS", k, 3);
        if (with != null) {
            only(sb, "Battery throughput", eu, num(with, "batteryThroughputKwh") / k, 1);
            only(sb, "Equivalent full cycles", "", num(with, "equivalentFullCycles"), 2);
            sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s%n", "SOC range", "%", "-",
                    String.format(Locale.ROOT, "%.1f - %.1f", num(with, "socMin") * 100, num(with, "socMax") * 100)));
            only(sb, "Energy lost in the battery", eu, num(with, "batteryLossesKwh") / k, 2);
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Simulated %,d steps in %.2f s (%,.0f steps/s)",
                ((Number) f.get("stepsSimulated")).longValue(), num(f, "wallSeconds"), num(f, "stepsPerSecond")));
        if (resultsNote != null) {
            sb.append("; ").append(resultsNote);
        }
        return sb.append('\n').toString();
    }

    private static void row(StringBuilder sb, String label, String unit, Map<String, Object> without,
                            Map<String, Object> with, String key, double k, int decimals) {
        double a = num(without, key) / k;
        String f = "%,." + decimals + "f";
        String b = with == null ? "-" : String.format(Locale.ROOT, f, num(with, key) / k);
        String change = with == null ? "" : String.format(Locale.ROOT, "%+,." + decimals + "f", num(with, key) / k - a);
        sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s %12s%n", label, unit,
                String.format(Locale.ROOT, f, a), b, change));
    }

    private static void only(StringBuilder sb, String label, String unit, double value, int decimals) {
        sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s%n", label, unit, "-",
                String.format(Locale.ROOT, "%,." + decimals + "f", value)));
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
