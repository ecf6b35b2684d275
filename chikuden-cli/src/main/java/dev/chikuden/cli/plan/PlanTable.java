package dev.chikuden.cli.plan;

import dev.chikuden.units.Quantities;
import java.util.List;
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
        sb.append(String.format(Locale.ROOT, "%-28s %-6s %16s %16s %12s%n", "", "", "without battery",
                "with battery", "change"));
        row(sb, "Energy imported", eu, without, with, "energyImportedKwh", k, 1);
        row(sb, "Energy exported", eu, without, with, "energyExportedKwh", k, 1);
        row(sb, "Peak 30-min demand", pu, without, with, "peakDemand30minKw", k, 2);
        row(sb, "Peak grid power", pu, without, with, "peakGridKw", k, 2);
        row(sb, stepS > 1 ? "Largest ramp (over a step)" : "Largest ramp (1 s)", pu + "/s", without, with,
                "maxRampKwPerS", k, 3);
        gridCodeRows(sb, without, with, k, pu);
        if (with != null) {
            only(sb, "Battery throughput", eu, num(with, "batteryThroughputKwh") / k, 1);
            only(sb, "Equivalent full cycles", "", num(with, "equivalentFullCycles"), 2);
            sb.append(String.format(Locale.ROOT, "%-28s %-6s %16s %16s%n", "SOC range", "%", "-",
                    String.format(Locale.ROOT, "%.1f - %.1f", num(with, "socMin") * 100, num(with, "socMax") * 100)));
            only(sb, "Energy lost in the battery", eu, num(with, "batteryLossesKwh") / k, 2);
            gpuSmoothing(sb, f, k, pu, eu);
            if (with.get("bindingShare") != null) {
                StringBuilder shares = new StringBuilder();
                for (Map.Entry<String, Object> e : ((Map<String, Object>) with.get("bindingShare")).entrySet()) {
                    double share = ((Number) e.getValue()).doubleValue();
                    if (share > 0) {
                        shares.append(shares.length() == 0 ? "" : ", ").append(e.getKey())
                                .append(String.format(Locale.ROOT, " %.1f %%", share * 100));
                    }
                }
                sb.append("Deciding controller (share of steps): ").append(shares).append('\n');
            }
            if (f.get("agingModel") != null) {
                sb.append(String.format(Locale.ROOT, "%-28s %-6s %16s %16s%n", "State of health at the end", "%", "-",
                        String.format(Locale.ROOT, "%.2f", num(with, "stateOfHealthEnd") * 100)));
                life(sb, f, k, pu, eu);
            }
        }
        if (without.get("bill") != null) {
            sb.append('\n');
            BillFigures.rows(sb, (Map<String, Object>) without.get("bill"),
                    with == null ? null : (Map<String, Object>) with.get("bill"));
            contract(sb, f, without, with);
            if (f.get("billSavingYen") != null) {
                saving(sb, f);
            }
            for (Object w : (List<Object>) f.get("billWarnings")) {
                sb.append("Contract warning: ").append(w).append('\n');
            }
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Simulated %,d steps in %.2f s (%,.0f steps/s)",
                ((Number) f.get("stepsSimulated")).longValue(), num(f, "wallSeconds"), num(f, "stepsPerSecond")));
        if (resultsNote != null) {
            sb.append("; ").append(resultsNote);
        }
        return sb.append('\n').toString();
    }

    /** Each case's contract and how the rule set it. */
    @SuppressWarnings("unchecked")
    private static void contract(StringBuilder sb, Map<String, Object> f, Map<String, Object> without,
                                 Map<String, Object> with) {
        Map<String, Object> rule = (Map<String, Object>) f.get("contractRule");
        String basis = "contract " + rule.get("contract") + ", exceedance " + rule.get("exceedance") + "; "
                + without.get("contractBasis") + (with == null ? "" : " / " + with.get("contractBasis"));
        if (with == null) {
            sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s  (%s)%n", "Contract", "kW",
                    String.format(Locale.ROOT, "%,.0f", num(without, "contractKw")), basis));
            return;
        }
        sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s %12s  (%s)%n", "Contract", "kW",
                String.format(Locale.ROOT, "%,.0f", num(without, "contractKw")),
                String.format(Locale.ROOT, "%,.0f", num(with, "contractKw")),
                String.format(Locale.ROOT, "%+,.0f", num(with, "contractKw") - num(without, "contractKw")), basis));
        Map<String, Object> steady = (Map<String, Object>) f.get("withBatterySteadyState");
        if (steady != null) {
            sb.append(String.format(Locale.ROOT, "%-28s %-5s %16s %16s  (the ratchet's later years)%n",
                    "Steady state: contract", "kW", "", String.format(Locale.ROOT, "%,.0f", num(steady, "contractKw"))));
        }
    }

    /** The bill saving by line, then the net saving by item, each summing to its total. */
    @SuppressWarnings("unchecked")
    private static void saving(StringBuilder sb, Map<String, Object> f) {
        String row = "%-28s %-5s %16s  %s";
        sb.append('\n');
        line(sb, String.format(Locale.ROOT, row, "Bill saving", "yen", yen(f.get("billSavingYen")),
                "(bill without battery minus with)"));
        ((Map<String, Object>) f.get("billSavingByLine")).forEach((k, v) -> {
            if (((Number) v).longValue() != 0) {
                line(sb, String.format(Locale.ROOT, row, "  " + BillFigures.label(k), "yen", yen(v), ""));
            }
        });
        Map<String, Object> items = (Map<String, Object>) f.get("netSavingByItem");
        line(sb, String.format(Locale.ROOT, row, "Market revenue", "yen", yen(items.get("marketRevenueYen")), ""));
        line(sb, String.format(Locale.ROOT, row, "Battery wear", "yen", yen(items.get("batteryWearYen")),
                "(" + f.get("wearBasis") + ")"));
        line(sb, String.format(Locale.ROOT, row, "Net saving", "yen", yen(f.get("netSavingYen")),
                "(bill saving + market revenue - battery wear)"));
        if (f.get("yearFrom") != null) {
            line(sb, String.format(Locale.ROOT, row, "Bill saving per year", "yen",
                    yen(Math.round(num(f, "billSavingPerYearYen"))),
                    "(extended month by month from " + f.get("yearFrom") + ")"));
        }
        Map<String, Object> steady = (Map<String, Object>) f.get("withBatterySteadyState");
        if (steady != null) {
            line(sb, String.format(Locale.ROOT, row, "Bill saving, steady state", "yen", yen(steady.get("billSavingYen")),
                    "(after 12 months the ratchet forgets the peaks without battery)"));
        }
        if (f.get("contractEffectYen") != null) {
            line(sb, String.format(Locale.ROOT, row, "  of which the contracts", "yen", yen(f.get("contractEffectYen")),
                    "(the fixed contracts against each case at its own peak, which saves "
                            + yen(f.get("savingAtOwnPeaksYen")) + ")"));
        }
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text.stripTrailing()).append('\n');
    }

    private static String yen(Object v) {
        return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
    }

    /** The third case, when compared: no battery, the GPUs smoothing themselves. */
    @SuppressWarnings("unchecked")
    private static void gpuSmoothing(StringBuilder sb, Map<String, Object> f, double k, String pu, String eu) {
        Map<String, Object> g = (Map<String, Object>) f.get("withGpuSmoothing");
        if (g == null) {
            return;
        }
        Map<String, Object> without = (Map<String, Object>) f.get("withoutBattery");
        Map<String, Object> code = (Map<String, Object>) g.get("gridCode");
        sb.append(String.format(Locale.ROOT, "%nInstead of the battery, GPU-side smoothing (floor %.0f %% of TDP, %,.0f W/s per GPU):%n",
                num(g, "gpuFloor") * 100, num(g, "gpuRampWPerS")));
        sb.append(String.format(Locale.ROOT, "  extra energy %,.1f %s (%+.2f %%), peak 30-min demand %,.2f %s, largest ramp %,.3f %s/s,"
                        + " dynamic range %,.2f %s%n", num(g, "extraEnergyKwh") / k, eu,
                num(g, "extraEnergyKwh") / num(without, "energyImportedKwh") * 100, num(g, "peakDemand30minKw") / k, pu,
                num(g, "maxRampKwPerS") / k, pu, num(code, "dynamicRangeKw") / k, pu));
        sb.append("  grid-code rules: ").append(verdict(g));
        for (Map<String, Object> fail : (List<Map<String, Object>>) g.get("gridCodeFailures")) {
            sb.append("; fails ").append(fail.get("rule"));
        }
        sb.append("\n\n");
    }

    /** Grid-code metrics of both cases, then the rules each case fails. */
    @SuppressWarnings("unchecked")
    private static void gridCodeRows(StringBuilder sb, Map<String, Object> without, Map<String, Object> with,
                                     double k, String pu) {
        Map<String, Object> a = (Map<String, Object>) without.get("gridCode");
        Map<String, Object> b = with == null ? null : (Map<String, Object>) with.get("gridCode");
        row(sb, "Largest ramp (1 min)", pu + "/min", a, b, "maxRampKwPerMin", k, 2);
        row(sb, "Dynamic range (1 min)", pu, a, b, "dynamicRangeKw", k, 2);
        if (a.get("bandEnergyShare") != null) {
            row(sb, "Oscillation share in band", "%", scaled(a, "bandEnergyShare", 100), b == null ? null
                    : scaled(b, "bandEnergyShare", 100), "v", 1, 1);
            row(sb, "Oscillation RMS in band", pu, a, b, "bandRmsKw", k, 2);
            row(sb, "Dominant frequency", "Hz", a, b, "dominantFrequencyHz", 1, 3);
        }
        row(sb, String.format(Locale.ROOT, "Load drops > %s %s in %s s", fmt(num(a, "loadDropKw") / k), pu,
                fmt(num(a, "loadDropWithinSeconds"))), "", a, b, "loadDropEvents", 1, 0);
        sb.append(String.format(Locale.ROOT, "%-28s %-6s %16s %16s%n", "Grid-code rules", "", verdict(without),
                with == null ? "-" : verdict(with)));
        for (Map<String, Object> side : with == null ? List.of(without) : List.of(without, with)) {
            for (Map<String, Object> f : (List<Map<String, Object>>) side.get("gridCodeFailures")) {
                sb.append(String.format(Locale.ROOT, "  %-13s fails %s: %s over the limit %s%n",
                        side == without ? "without battery" : "with battery", f.get("rule"),
                        fmt(num(f, "value")), fmt(num(f, "limit"))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String verdict(Map<String, Object> side) {
        List<Object> failures = (List<Object>) side.get("gridCodeFailures");
        int rules = ((List<Object>) ((Map<String, Object>) side.get("gridCode")).get("rules")).size();
        return failures.isEmpty() ? "pass (" + rules + ")" : "FAIL " + failures.size() + " of " + rules;
    }

    private static Map<String, Object> scaled(Map<String, Object> m, String key, double factor) {
        return Map.of("v", num(m, key) * factor);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.3f", v);
    }

    /** Per-year battery life, shown when the study runs more than one year. */
    @SuppressWarnings("unchecked")
    private static void life(StringBuilder sb, Map<String, Object> f, double k, String pu, String eu) {
        List<Map<String, Object>> years = (List<Map<String, Object>>) f.get("years");
        if (years.size() > 1) {
            sb.append(String.format(Locale.ROOT, "%n%-6s %8s %8s %16s %18s%n", "Year", "SOH %", "cycles",
                    "throughput " + eu, "peak 30-min " + pu));
            for (Map<String, Object> y : years) {
                sb.append(String.format(Locale.ROOT, "%-6s %8.2f %8.1f %16s %18s%n", y.get("year"),
                        num(y, "stateOfHealth") * 100, num(y, "equivalentFullCycles"),
                        String.format(Locale.ROOT, "%,.1f", num(y, "batteryThroughputKwh") / k),
                        String.format(Locale.ROOT, "%,.2f", num(y, "peakDemand30minKw") / k)));
            }
        }
        Object eol = f.get("endOfLifeYear");
        double threshold = num(f, "endOfLifeSoh") * 100;
        double lastSoh = num(years.get(years.size() - 1), "stateOfHealth") * 100;
        sb.append("Aging model: ").append(f.get("agingModel")).append('\n');
        sb.append(eol == null
                ? String.format(Locale.ROOT, "End of life (SOH %.0f %%): not reached in %s; SOH %.2f %% at the end%n",
                        threshold, years.size() > 1 ? years.size() + " years" : "the study period", lastSoh)
                : String.format(Locale.ROOT, "End of life (SOH %.0f %%): reached in year %s%n", threshold, eol));
        for (Map<String, Object> a : (List<Map<String, Object>>) f.get("augmentations")) {
            sb.append(String.format(Locale.ROOT, "Augmentation: %s in year %s, +%,.1f %s (SOH was %.2f %%)%n",
                    a.get("battery"), a.get("year"), num(a, "addedKwh") / k, eu, num(a, "stateOfHealthBefore") * 100));
        }
        for (Object w : (List<Object>) f.get("agingWarnings")) {
            sb.append("Aging model warning: ").append(w).append('\n');
        }
    }

    private static void row(StringBuilder sb, String label, String unit, Map<String, Object> without,
                            Map<String, Object> with, String key, double k, int decimals) {
        double a = num(without, key) / k;
        String f = "%,." + decimals + "f";
        String b = with == null ? "-" : String.format(Locale.ROOT, f, num(with, key) / k);
        String change = with == null ? "" : String.format(Locale.ROOT, "%+,." + decimals + "f", num(with, key) / k - a);
        sb.append(String.format(Locale.ROOT, "%-28s %-6s %16s %16s %12s%n", label, unit,
                String.format(Locale.ROOT, f, a), b, change));
    }

    private static void only(StringBuilder sb, String label, String unit, double value, int decimals) {
        sb.append(String.format(Locale.ROOT, "%-28s %-6s %16s %16s%n", label, unit, "-",
                String.format(Locale.ROOT, "%,." + decimals + "f", value)));
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
