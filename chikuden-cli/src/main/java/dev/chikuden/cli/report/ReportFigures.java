package dev.chikuden.cli.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.cli.report.BalanceBuckets.Quantity;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.RampHistogram;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.PlanStudy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Everything the report shows, as one tree for its JSON block: the plan's figures exactly as
 * {@code plan --json} prints them ({@code plan}), and what only the report draws. Series of power
 * are in the report's unit ({@code unit}: MW for a site whose load reaches 1 MW, or a site without
 * load whose battery's grid power does, else kW) to four decimals, SOC in percent to two; times
 * are local wall-clock milliseconds of the site
 * ({@code startLocalMs}: the epoch milliseconds plus the zone's offset at the start), so the
 * charts show the site's clock wherever the report is opened.
 */
public record ReportFigures(
        String language,
        String unit,
        double unitKw,
        PlanFigures plan,
        String strategy,
        String gridCodeRules,
        Verdict verdict,
        Balance period,
        Balance worstDay,
        DemandFigures demand,
        GridCodeCharts gridCode,
        SizingMap.Figures sizing,
        ReportInputs inputs) {
    static final int POWER_DECIMALS = 3;

    /**
     * Power over time in buckets: each quantity's min, max and mean per bucket (only the mean when a
     * bucket is one step). The worst day also carries its date and its peak demand without battery.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Balance(
            long startLocalMs,
            double bucketSeconds,
            int points,
            Series load,
            Series gridWithoutBattery,
            Series grid,
            Series battery,
            Series socPercent,
            String date,
            Double peakDemandWithoutBatteryKw) {
        Balance onDay(String day, double peakKw) {
            return new Balance(
                    startLocalMs,
                    bucketSeconds,
                    points,
                    load,
                    gridWithoutBattery,
                    grid,
                    battery,
                    socPercent,
                    day,
                    peakKw);
        }
    }

    /** One quantity's buckets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Series(double[] min, double[] max, double[] mean) {}

    /** Each case's ramp histogram and spectrum; {@code withBattery} null without one. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GridCodeCharts(Charts withoutBattery, Charts withBattery) {}

    record Charts(RampBins rampHistogram, Spectrum spectrum) {}

    record RampBins(double windowSeconds, double binKwPerS, double firstEdgeKwPerS, long[] counts) {}

    record Spectrum(double binWidthHz, long segments, double[] powerKw2) {}

    /**
     * @param plan   the plan's figures, as {@code plan --json} prints them
     * @param sizing a sizing sweep's NPV map, or null
     */
    public static ReportFigures of(
            PlanStudy.Result r, PlanFigures plan, ReportRecorders recorders, SizingMap sizing, ReportInputs inputs) {
        BalanceBuckets period = recorders.period();
        double peakLoadKw = Arrays.stream(period.max(Quantity.LOAD)).max().orElse(0);
        // a site without load is drawn at its battery's scale
        double scaleKw = r.site().loads().isEmpty() && r.withBattery() != null
                ? r.withBattery().gridKpis().peakGridKw()
                : peakLoadKw;
        double unitKw = scaleKw >= 1000 ? 1000 : 1;
        boolean battery = r.withBattery() != null;
        ZoneId zone = r.site().zone();
        long start = recorders.grid().startEpochMs();
        WorstDay day = recorders.worstDay();
        Balance worst = balance(day.buckets(), localMs(day.firstEpochMs(), zone), day.bucketSeconds(), unitKw, battery)
                .onDay(
                        Instant.ofEpochMilli(day.firstEpochMs())
                                .atZone(zone)
                                .toLocalDate()
                                .toString(),
                        day.peakDemandKw());
        return new ReportFigures(
                r.site().output().language(),
                unitKw == 1000 ? "MW" : "kW",
                unitKw,
                plan,
                strategy(r.site().strategy()),
                r.site().gridCodeRules() == null
                        ? null
                        : r.site().gridCodeRules().getFileName().toString(),
                Verdict.of(r),
                balance(
                        period,
                        localMs(start, zone),
                        period.bucketSteps() * recorders.grid().stepSeconds(),
                        unitKw,
                        battery),
                worst,
                DemandFigures.of(r, unitKw),
                new GridCodeCharts(
                        charts(r.withoutBatteryGridCode()), battery ? charts(r.withBatteryGridCode()) : null),
                sizing == null ? null : sizing.figures(),
                inputs);
    }

    /** The strategy as the site file names it; a stack with its controllers, highest priority first. */
    private static String strategy(StrategySpec s) {
        if (s == null) {
            return null;
        }
        if (s instanceof StrategySpec.Stack stack) {
            return "stack: "
                    + stack.layers().stream().map(StrategySpec.Layer::type).collect(Collectors.joining(", "));
        }
        return s.type();
    }

    private static long localMs(long epochMs, ZoneId zone) {
        return epochMs
                + zone.getRules().getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
    }

    private static Balance balance(
            BalanceBuckets b, long startLocalMs, double bucketSeconds, double unitKw, boolean battery) {
        return new Balance(
                startLocalMs,
                bucketSeconds,
                b.buckets(),
                series(b, Quantity.LOAD, 1 / unitKw, POWER_DECIMALS),
                series(b, Quantity.GRID_WITHOUT_BATTERY, 1 / unitKw, POWER_DECIMALS),
                battery ? series(b, Quantity.GRID, 1 / unitKw, POWER_DECIMALS) : null,
                battery ? series(b, Quantity.BATTERY, 1 / unitKw, POWER_DECIMALS) : null,
                battery ? series(b, Quantity.SOC, 100, 2) : null,
                null,
                null);
    }

    private static Series series(BalanceBuckets b, Quantity q, double factor, int decimals) {
        boolean spread = b.bucketSteps() > 1;
        return new Series(
                spread ? rounded(b.min(q), factor, decimals) : null,
                spread ? rounded(b.max(q), factor, decimals) : null,
                rounded(b.mean(q), factor, decimals));
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
    private static Charts charts(GridCodeReport report) {
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
        double[] kw2 = g.spectrum().powerKw2();
        return new Charts(
                new RampBins(
                        g.rampWindowSeconds(),
                        h.binKwPerS(),
                        h.lowerEdgeKwPerS(first),
                        Arrays.copyOfRange(counts, first, last + 1)),
                new Spectrum(g.spectrum().binWidthHz(), g.welchSegments(), Arrays.copyOfRange(kw2, 1, kw2.length)));
    }
}
