package dev.chikuden.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.BadInputException;
import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.gridcode.RuleVerdict;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceInput;
import dev.chikuden.trace.TraceReader;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "gridcode",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Measures the grid-code metrics of a fixed-step power trace and judges them against a rule set.",
            "Ramps: the largest rise and fall of power across 1 s and across 1 min (one step when the step is "
                    + "longer), in MW/s and MW/min.",
            "Dynamic range: the largest deviation of power from its mean over the window ending at that step "
                    + "(1 min unless the rules say otherwise).",
            "Oscillation: Welch's spectrum (Hann window, 50 %% overlap, each segment's mean removed); the share "
                    + "of oscillation energy inside the band (0.1-20 Hz, clipped to the Nyquist frequency) of all "
                    + "oscillation energy above 0 Hz, its RMS, and the strongest frequency.",
            "Load drops: the times power fell by more than a threshold within a time (25 MW within 1 s), each "
                    + "counted once, and the largest such fall.",
            "30-minute demand: the mean import of each half hour of the local clock, and its maximum.",
            "A failing rule is a result, not an error: the exit code is 0 either way."
        })
final class GridcodeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "TRACE.csv",
            description = "A power trace: a power series at any step, an nvidia-smi log or a meter's interval "
                    + "energy; see the README's data section for the forms read.")
    Path file;

    @Mixin
    TraceFileOptions input;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            description =
                    "The analysis grid's step, e.g. 100 ms (default: the longest of 1, 2, 5 x 10^k ms, "
                            + "1-30 s, 1-30 min not longer than the trace's median step). Samples are integrated over each step.")
    String step;

    @Option(
            names = "--rules",
            paramLabel = "RULES.yaml",
            description = "A rule set (default: the built-in "
                    + "illustrative rules for a 100-150 MW AI campus: ramps of 10 MW/s and 30 MW/min, dynamic range 5 %% of "
                    + "the peak, at most 20 %% of oscillation energy in 0.1-20 Hz, no loss of 25 MW within 1 s).")
    Path rulesFile;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            defaultValue = "Asia/Tokyo",
            description = "Local time for timestamps without an offset and for the 30-minute slots "
                    + "(default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        GridCodeRules rules = rulesFile == null ? GridCodeRules.defaults() : GridCodeRules.read(rulesFile);
        Trace read = TraceReader.read(file, input.power(zone));
        FixedStepSeries trace = read.onGrid(read.localMidnight(zone), stepMs(read));
        GridCodeReport report = GridCodeMeter.of(trace, zone, rules);
        PrintWriter w = spec.commandLine().getOut();
        w.print(json.on ? json(report, trace, rules, read.input()) : table(report, trace, rules, read.input()));
        w.flush();
        return Main.OK;
    }

    /** The analysis step: --step, or the trace's natural step. */
    private long stepMs(Trace read) {
        if (step == null) {
            return read.naturalStepMs();
        }
        long ms = Math.round(1000 * Quantities.parse(step, Dimension.DURATION));
        if (ms < 1 || ms > 86_400_000) {
            throw new BadInputException("--step: \"" + step + "\" must be between 1 ms and 1 d");
        }
        return ms;
    }

    /** What {@code gridcode --json} prints: the trace read, every metric (null where not measurable) and each rule. */
    record Figures(
            TraceInput input,
            String column,
            String unit,
            long samples,
            double stepSeconds,
            String start,
            Double peakKw,
            Double maxRampUpKwPerS,
            Double maxRampDownKwPerS,
            Double maxRampUpKwPerMin,
            Double maxRampDownKwPerMin,
            Double dynamicRangeKw,
            double dynamicRangeWindowSeconds,
            double bandLowHz,
            double bandHighHz,
            Double bandEnergyShare,
            Double bandRmsKw,
            Double dominantFrequencyHz,
            double frequencyResolutionHz,
            int welchSegmentSamples,
            long welchSegments,
            long loadDropEvents,
            Double largestDropKw,
            double loadDropKw,
            double loadDropWithinSeconds,
            List<String> firstLoadDrops,
            Double peakDemand30minKw,
            String peakDemand30minSlot,
            String demand30minStart,
            double[] demand30minKw,
            String rulesSource,
            List<Rule> rules,
            boolean pass,
            List<String> notes) {}

    /** One rule's verdict; value, limit and margin null where not judged. */
    record Rule(
            String rule,
            String unit,
            Double value,
            Double limit,
            boolean pass,
            Double margin,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    private String json(GridCodeReport r, FixedStepSeries trace, GridCodeRules rules, TraceInput power) {
        GridCodeMetrics m = r.metrics();
        List<Rule> verdicts = r.verdicts().stream()
                .map(v -> new Rule(
                        v.rule(), v.unit(), num(v.value()), num(v.limit()), v.pass(), num(v.margin()), v.note()))
                .toList();
        Figures f = new Figures(
                power,
                power.column(),
                power.unit(),
                m.samples(),
                m.stepSeconds(),
                SeriesCsv.formatTime(trace.startEpochMs(), zone),
                num(m.peakKw()),
                num(m.maxRampUpKwPerS()),
                num(m.maxRampDownKwPerS()),
                num(m.maxRampUpKwPerMin()),
                num(m.maxRampDownKwPerMin()),
                num(m.dynamicRangeKw()),
                m.dynamicRangeWindowSeconds(),
                m.bandLowHz(),
                m.bandHighHz(),
                num(m.bandEnergyShare()),
                num(m.bandRmsKw()),
                num(m.dominantFrequencyHz()),
                m.frequencyResolutionHz(),
                m.welchSegmentSamples(),
                m.welchSegments(),
                m.loadDropEvents(),
                num(m.largestDropKw()),
                m.loadDropKw(),
                m.loadDropWithinSeconds(),
                m.firstLoadDropsEpochMs().stream()
                        .map(t -> SeriesCsv.formatTime(t, zone))
                        .toList(),
                num(m.peakDemand30minKw()),
                Double.isNaN(m.peakDemand30minKw()) ? null : SeriesCsv.formatTime(m.peakDemand30minSlotEpochMs(), zone),
                SeriesCsv.formatTime(m.demand30minKw().startEpochMs(), zone),
                m.demand30minKw().values(),
                rules.source(),
                verdicts,
                r.pass(),
                m.notes());
        try {
            return JSON.writeValueAsString(f) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NaN (not measurable) as JSON null. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private String table(GridCodeReport r, FixedStepSeries trace, GridCodeRules rules, TraceInput power) {
        GridCodeMetrics m = r.metrics();
        StringBuilder sb = new StringBuilder();
        sb.append(power.line()).append('\n');
        for (String note : power.notes()) {
            sb.append("  ").append(note).append('\n');
        }
        sb.append(String.format(
                Locale.ROOT,
                "Analysed: %,d steps of %s from %s%n%n",
                m.samples(),
                Quantities.formatDuration(m.stepSeconds()),
                SeriesCsv.formatTime(trace.startEpochMs(), zone)));
        String row = "%-40s %12s  %s%n";
        sb.append(String.format(Locale.ROOT, row, "metric", "value", "unit"));
        metric(sb, row, "Peak power", m.peakKw() / 1000, "%.2f", "MW");
        metric(
                sb,
                row,
                "Largest ramp up over " + Quantities.formatDuration(m.rampWindowSeconds()),
                m.maxRampUpKwPerS() / 1000,
                "%.3f",
                "MW/s");
        metric(
                sb,
                row,
                "Largest ramp down over " + Quantities.formatDuration(m.rampWindowSeconds()),
                m.maxRampDownKwPerS() / 1000,
                "%.3f",
                "MW/s");
        metric(
                sb,
                row,
                "Largest ramp up over " + Quantities.formatDuration(m.rampMinuteWindowSeconds()),
                m.maxRampUpKwPerMin() / 1000,
                "%.3f",
                "MW/min");
        metric(
                sb,
                row,
                "Largest ramp down over " + Quantities.formatDuration(m.rampMinuteWindowSeconds()),
                m.maxRampDownKwPerMin() / 1000,
                "%.3f",
                "MW/min");
        metric(
                sb,
                row,
                "Dynamic range (vs " + Quantities.formatDuration(m.dynamicRangeWindowSeconds()) + " mean)",
                m.dynamicRangeKw() / 1000,
                "%.3f",
                "MW");
        String band = String.format(Locale.ROOT, "%s-%s Hz", plain(m.bandLowHz()), plain(m.bandHighHz()));
        metric(sb, row, "Oscillation energy in " + band, m.bandEnergyShare() * 100, "%.2f", "%");
        metric(sb, row, "Oscillation RMS in " + band, m.bandRmsKw() / 1000, "%.3f", "MW");
        metric(
                sb,
                row,
                "Dominant frequency",
                m.dominantFrequencyHz(),
                "%.4f",
                String.format(
                        Locale.ROOT,
                        "Hz (bins of %.4f Hz, %,d segments of %,d)",
                        m.frequencyResolutionHz(),
                        m.welchSegments(),
                        m.welchSegmentSamples()));
        metric(
                sb,
                row,
                "Load drops > " + plain(m.loadDropKw() / 1000) + " MW within "
                        + Quantities.formatDuration(m.loadDropWithinSeconds()),
                m.loadDropEvents(),
                "%.0f",
                "events");
        metric(
                sb,
                row,
                "Largest drop within " + Quantities.formatDuration(m.loadDropWithinSeconds()),
                m.largestDropKw() / 1000,
                "%.3f",
                "MW");
        metric(
                sb,
                row,
                "Peak 30-min demand",
                m.peakDemand30minKw() / 1000,
                "%.2f",
                "MW"
                        + (Double.isNaN(m.peakDemand30minKw())
                                ? ""
                                : " at " + SeriesCsv.formatTime(m.peakDemand30minSlotEpochMs(), zone) + " ("
                                        + m.demand30minKw().size() + " slots)"));
        if (!m.firstLoadDropsEpochMs().isEmpty()) {
            sb.append("First load drops: ")
                    .append(String.join(
                            ", ",
                            m.firstLoadDropsEpochMs().stream()
                                    .map(t -> SeriesCsv.formatTime(t, zone))
                                    .toList()))
                    .append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%nRules: %s%n", rules.source()));
        String vrow = "%-20s %12s %12s %12s  %-6s %s%n";
        sb.append(String.format(Locale.ROOT, vrow, "rule", "value", "limit", "margin", "unit", "verdict"));
        long failed = 0;
        for (RuleVerdict v : r.verdicts()) {
            failed += v.pass() ? 0 : 1;
            String f = v.unit().equals("events") ? "%.0f" : "%.3f";
            sb.append(String.format(
                    Locale.ROOT,
                    vrow,
                    v.rule(),
                    fmt(v.value(), f),
                    fmt(v.limit(), f),
                    fmt(v.margin(), f),
                    v.unit(),
                    (v.pass() ? "pass" : "FAIL") + (v.note() == null ? "" : " (" + v.note() + ")")));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%s: %d of %d rules fail%n",
                r.pass() ? "PASS" : "FAIL",
                failed,
                r.verdicts().size()));
        for (String note : m.notes()) {
            sb.append("Note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static void metric(StringBuilder sb, String row, String name, double value, String format, String unit) {
        sb.append(String.format(Locale.ROOT, row, name, fmt(value, format), unit));
    }

    private static String fmt(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
