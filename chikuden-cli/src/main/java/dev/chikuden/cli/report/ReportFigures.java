package dev.chikuden.cli.report;

import dev.chikuden.cli.report.BalanceBuckets.Quantity;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.RampHistogram;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.PlanStudy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the report shows, as one tree for its JSON block: the plan's figures exactly as
 * {@code plan --json} prints them ({@code plan}), and what only the report draws. Series of power
 * are in the report's unit ({@code unit}: MW for a site whose load reaches 1 MW, else kW) to four
 * decimals, SOC in percent to two; times are local wall-clock milliseconds of the site
 * ({@code startLocalMs}: the epoch milliseconds plus the zone's offset at the start), so the
 * charts show the site's clock wherever the report is opened.
 */
public final class ReportFigures {
    static final int POWER_DECIMALS = 3;

    private ReportFigures() {
    }

    /**
     * @param plan   {@code PlanFigures.of(r)}
     * @param sizing a sizing sweep's NPV map, or null
     */
    public static Map<String, Object> of(PlanStudy.Result r, Map<String, Object> plan, ReportRecorders recorders,
                                         SizingMap sizing, ReportInputs inputs) {
        BalanceBuckets period = recorders.period();
        double peakLoadKw = Arrays.stream(period.max(Quantity.LOAD)).max().orElse(0);
        double unitKw = peakLoadKw >= 1000 ? 1000 : 1;
        boolean battery = r.withBattery() != null;
        ZoneId zone = r.site().zone();
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("language", r.site().output().language());
        top.put("unit", unitKw == 1000 ? "MW" : "kW");
        top.put("unitKw", unitKw);
        top.put("plan", plan);
        top.put("strategy", strategy(r.site().strategy()));
        top.put("gridCodeRules", r.site().gridCodeRules() == null ? null : r.site().gridCodeRules().getFileName().toString());
        top.put("verdict", Verdict.of(r));
        long start = recorders.grid().startEpochMs();
        top.put("period", balance(period, localMs(start, zone), period.bucketSteps() * recorders.grid().stepSeconds(),
                unitKw, battery));
        WorstDay day = recorders.worstDay();
        Map<String, Object> worst = balance(day.buckets(), localMs(day.firstEpochMs(), zone), day.bucketSeconds(), unitKw,
                battery);
        worst.put("date", Instant.ofEpochMilli(day.firstEpochMs()).atZone(zone).toLocalDate().toString());
        worst.put("peakDemandWithoutBatteryKw", day.peakDemandKw());
        top.put("worstDay", worst);
        top.put("demand", DemandFigures.of(r, unitKw));
        Map<String, Object> gridCode = new LinkedHashMap<>();
        gridCode.put("withoutBattery", gridCode(r.withoutBatteryGridCode()));
        gridCode.put("withBattery", battery ? gridCode(r.withBatteryGridCode()) : null);
        top.put("gridCode", gridCode);
        top.put("sizing", sizing == null ? null : sizing.figures());
        top.put("inputs", inputs.figures());
        return top;
    }

    /** The strategy as the site file names it; a stack with its controllers, highest priority first. */
    private static String strategy(StrategySpec s) {
        if (s == null) {
            return null;
        }
        if (s instanceof StrategySpec.Stack stack) {
            return "stack: " + stack.layers().stream().map(l -> kebab(l.getClass().getSimpleName()))
                    .collect(Collectors.joining(", "));
        }
        return kebab(s.getClass().getSimpleName());
    }

    /** {@code LoadDropAbsorber} -> {@code load-drop-absorber}. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static long localMs(long epochMs, ZoneId zone) {
        return epochMs + zone.getRules().getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
    }

    /** Each quantity's min, max and mean per bucket, or only its values when a bucket is one step. */
    private static Map<String, Object> balance(BalanceBuckets b, long startLocalMs, double bucketSeconds, double unitKw,
                                               boolean battery) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLocalMs", startLocalMs);
        m.put("bucketSeconds", bucketSeconds);
        m.put("points", b.buckets());
        m.put("load", quantity(b, Quantity.LOAD, 1 / unitKw, POWER_DECIMALS));
        m.put("gridWithoutBattery", quantity(b, Quantity.GRID_WITHOUT_BATTERY, 1 / unitKw, POWER_DECIMALS));
        if (battery) {
            m.put("grid", quantity(b, Quantity.GRID, 1 / unitKw, POWER_DECIMALS));
            m.put("battery", quantity(b, Quantity.BATTERY, 1 / unitKw, POWER_DECIMALS));
            m.put("socPercent", quantity(b, Quantity.SOC, 100, 2));
        }
        return m;
    }

    private static Map<String, Object> quantity(BalanceBuckets b, Quantity q, double factor, int decimals) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (b.bucketSteps() > 1) {
            m.put("min", rounded(b.min(q), factor, decimals));
            m.put("max", rounded(b.max(q), factor, decimals));
        }
        m.put("mean", rounded(b.mean(q), factor, decimals));
        return m;
    }

    /** Power in the report's unit, to three decimals (1 kW in MW). */
    static double[] scaled(double[] kw, double unitKw) {
        return rounded(kw, 1 / unitKw, POWER_DECIMALS);
    }

    private static double[] rounded(double[] v, double factor, int decimals) {
        double scale = Math.pow(10, decimals);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i] * factor * scale) / scale;
        }
        return out;
    }

    /** The ramp histogram, trimmed to its first and last non-empty bins, and the spectrum above 0 Hz. */
    private static Map<String, Object> gridCode(GridCodeReport report) {
        GridCodeMetrics g = report.metrics();
        RampHistogram h = g.rampHistogram();
        long[] counts = h.counts();
        int first = 0;
        int last = counts.length - 1;
        while (first < last && counts[first] == 0) {
            first++;
        }
        while (last > first && counts[last] == 0) {
            last--;
        }
        Map<String, Object> ramps = new LinkedHashMap<>();
        ramps.put("windowSeconds", g.rampWindowSeconds());
        ramps.put("binKwPerS", h.binKwPerS());
        ramps.put("firstEdgeKwPerS", h.lowerEdgeKwPerS(first));
        ramps.put("counts", Arrays.copyOfRange(counts, first, last + 1));
        double[] kw2 = g.spectrum().powerKw2();
        Map<String, Object> spectrum = new LinkedHashMap<>();
        spectrum.put("binWidthHz", g.spectrum().binWidthHz());
        spectrum.put("segments", g.welchSegments());
        spectrum.put("powerKw2", Arrays.copyOfRange(kw2, 1, kw2.length));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rampHistogram", ramps);
        m.put("spectrum", spectrum);
        return m;
    }
}
