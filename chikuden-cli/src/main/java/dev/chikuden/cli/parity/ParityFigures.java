package dev.chikuden.cli.parity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.scenario.plan.GridCodeFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The study and live over one window, metric by metric. A grid-code metric is within tolerance when
 * live is within 10 % of the study; a ramp also when within 0.2 MW/s (12 MW/min for the 1-minute
 * ramps) of a study ramp under 2 MW/s (120 MW/min). The demand counts as a grid-code metric; the
 * battery's energies and SOC, the spectrum's share and dominant frequency are shown, not judged
 * (in a short window they hang on a few seconds' timing).
 *
 * @param loadMismatchKw the largest difference between the load live ran on and the study's, any
 *                       step: 0 unless the twin's site time and the study's differ
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParityFigures(
        Window window,
        SideFigures study,
        SideFigures live,
        List<Difference> differences,
        double loadMismatchKw,
        boolean verdictsAgree,
        boolean withinTolerance) {

    static final double RELATIVE = 0.10;
    static final double RAMP_FLOOR_KW_PER_S = 200;
    static final double SMALL_RAMP_KW_PER_S = 2000;
    static final double POWER_FLOOR = 0.01;

    /** The compared span, in site time. */
    public record Window(String start, String end, double durationSeconds, double stepSeconds, String why) {}

    /**
     * @param percent  (live - study) / |study|, %; null when the study's value is 0 or absent
     * @param within   null for a metric shown but not judged
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Difference(
            String metric, String unit, Double study, Double live, Double absolute, Double percent, Boolean within) {}

    private enum Kind {
        RAMP_PER_S,
        RAMP_PER_MIN,
        RELATIVE,
        COUNT,
        SHOWN
    }

    private record Metric(String name, String unit, Kind kind, Function<SideFigures, Number> value) {}

    private static final List<Metric> METRICS = List.of(
            new Metric(
                    "maxRampUpKwPerS",
                    "kW/s",
                    Kind.RAMP_PER_S,
                    s -> s.gridCode().maxRampUpKwPerS()),
            new Metric(
                    "maxRampDownKwPerS",
                    "kW/s",
                    Kind.RAMP_PER_S,
                    s -> s.gridCode().maxRampDownKwPerS()),
            new Metric(
                    "maxRampUpKwPerMin",
                    "kW/min",
                    Kind.RAMP_PER_MIN,
                    s -> s.gridCode().maxRampUpKwPerMin()),
            new Metric(
                    "maxRampDownKwPerMin",
                    "kW/min",
                    Kind.RAMP_PER_MIN,
                    s -> s.gridCode().maxRampDownKwPerMin()),
            new Metric(
                    "maxRampKwPerMin",
                    "kW/min",
                    Kind.RAMP_PER_MIN,
                    s -> s.gridCode().maxRampKwPerMin()),
            new Metric("dynamicRangeKw", "kW", Kind.RELATIVE, s -> s.gridCode().dynamicRangeKw()),
            new Metric("bandRmsKw", "kW", Kind.RELATIVE, s -> s.gridCode().bandRmsKw()),
            new Metric("bandEnergyShare", "", Kind.SHOWN, s -> s.gridCode().bandEnergyShare()),
            new Metric(
                    "dominantFrequencyHz", "Hz", Kind.SHOWN, s -> s.gridCode().dominantFrequencyHz()),
            new Metric("loadDropEvents", "", Kind.COUNT, s -> s.gridCode().loadDropEvents()),
            new Metric("largestDropKw", "kW", Kind.RELATIVE, s -> s.gridCode().largestDropKw()),
            new Metric("demandKw", "kW", Kind.RELATIVE, SideFigures::demandKw),
            new Metric("batteryDischargedKwh", "kWh", Kind.SHOWN, SideFigures::batteryDischargedKwh),
            new Metric("batteryChargedKwh", "kWh", Kind.SHOWN, SideFigures::batteryChargedKwh),
            new Metric("socChange", "", Kind.SHOWN, SideFigures::socChange));

    static ParityFigures of(Window window, SideFigures study, SideFigures live, double loadMismatchKw) {
        List<Difference> diffs = new ArrayList<>();
        boolean within = true;
        for (Metric m : METRICS) {
            Difference d = difference(m, study, live, POWER_FLOOR * Math.abs(study.demandKw()));
            diffs.add(d);
            within &= d.within() == null || d.within();
        }
        return new ParityFigures(window, study, live, List.copyOf(diffs), loadMismatchKw, agree(study, live), within);
    }

    private static Difference difference(Metric m, SideFigures study, SideFigures live, double powerFloorKw) {
        Number sv = m.value().apply(study);
        Number lv = m.value().apply(live);
        if (sv == null || lv == null) {
            return new Difference(
                    m.name(),
                    m.unit(),
                    dbl(sv),
                    dbl(lv),
                    null,
                    null,
                    m.kind() == Kind.SHOWN ? null : Objects.equals(dbl(sv), dbl(lv)));
        }
        double s = sv.doubleValue();
        double l = lv.doubleValue();
        double abs = l - s;
        Double pct = s == 0 ? null : 100 * abs / Math.abs(s);
        boolean relative = Math.abs(abs) <= RELATIVE * Math.abs(s) + 1e-9;
        Boolean ok = switch (m.kind()) {
            case RAMP_PER_S -> relative || (Math.abs(s) < SMALL_RAMP_KW_PER_S && Math.abs(abs) <= RAMP_FLOOR_KW_PER_S);
            case RAMP_PER_MIN ->
                relative || (Math.abs(s) < 60 * SMALL_RAMP_KW_PER_S && Math.abs(abs) <= 60 * RAMP_FLOOR_KW_PER_S);
            case RELATIVE -> relative || Math.abs(abs) <= powerFloorKw;
            case COUNT -> s == l;
            case SHOWN -> null;
        };
        return new Difference(m.name(), m.unit(), s, l, abs, pct, ok);
    }

    private static Double dbl(Number n) {
        return n == null ? null : n.doubleValue();
    }

    /** Every rule passes or fails alike on both sides. */
    static boolean agree(SideFigures study, SideFigures live) {
        List<GridCodeFigures.Rule> a = study.gridCode().rules();
        List<GridCodeFigures.Rule> b = live.gridCode().rules();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i).rule(), b.get(i).rule())
                    || a.get(i).pass() != b.get(i).pass()) {
                return false;
            }
        }
        return true;
    }
}
