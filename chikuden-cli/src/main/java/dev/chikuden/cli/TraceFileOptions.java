package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.trace.GapPolicy;
import dev.chikuden.trace.Resample;
import dev.chikuden.trace.TextEncoding;
import dev.chikuden.trace.TraceFormat;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The trace reader's options on the command line: each overrides one decision the reader would
 * otherwise make and print (see {@link dev.chikuden.trace.TraceReader}).
 */
final class TraceFileOptions {
    @Option(
            names = "--column",
            paramLabel = "NAME",
            description = "The value column (default: the only numeric one; of several, gridKw, the meter's "
                    + "series in plan's result files, or the only one whose header names a unit).")
    String column;

    @Option(
            names = "--time-column",
            paramLabel = "NAME",
            description = "The (first) time column (default: the first column holding a time).")
    String timeColumn;

    @Option(
            names = "--unit",
            paramLabel = "UNIT",
            description = "W, kW, MW or GW for power, Wh, kWh or MWh for interval energy (default: the one "
                    + "the header names, e.g. power_mw, \"Power (MW)\", 使用電力量(kWh); kW with a note when none).")
    String unit;

    @Option(
            names = "--format",
            paramLabel = "power|energy|nvidia-smi",
            description = "How the file is written (default: detected).")
    String format;

    @Option(
            names = "--header",
            split = ",",
            paramLabel = "NAME,...",
            description = "Column names for a file without a header row (required for one).")
    List<String> header;

    @Option(names = "--encoding", paramLabel = "utf-8|cp932", description = "The text encoding (default: detected).")
    String encoding;

    @Option(
            names = "--resample",
            paramLabel = "mean|linear|hold",
            description = "How samples become grid steps: mean (each sample held until the next, time-weighted "
                    + "mean; the default), linear (straight lines between samples, averaged), hold (the value at "
                    + "each step's start).")
    String resample;

    @Option(
            names = "--gaps",
            paramLabel = "error|hold|linear",
            description = "What a step longer than the gap limit does (default: error).")
    String gaps;

    @Option(
            names = "--gap-limit",
            paramLabel = "DURATION",
            description = "The shortest step that is a gap, e.g. 2 s (default: 5 median steps).")
    String gapLimit;

    @Option(names = "--gpus", paramLabel = "N", description = "GPUs per nvidia-smi poll (default: detected).")
    Integer gpus;

    @Option(
            names = "--labels",
            paramLabel = "start|end",
            description = "Whether time stamps label the start or the end of their interval (default: end when "
                    + "24:00 appears, else start).")
    String labels;

    /** The options for a power series; a unit nobody names is kW, with a note. */
    TraceOptions power(ZoneId zone) {
        TraceOptions o = TraceOptions.power(zone).withDefaultKw(true);
        if (format != null) {
            o = o.withFormat(choose("--format", format, List.of("power", "energy", "nvidia-smi"), TraceFormat::of));
        }
        if (unit != null) {
            choose("--unit", unit, List.of("W", "kW", "MW", "GW", "Wh", "kWh", "MWh"), u -> u);
        }
        return common(o.withUnit(unit).withGpus(gpus));
    }

    /** The options for values as written (rainflow's state of charge, say). */
    TraceOptions values(ZoneId zone) {
        if (unit != null || format != null || gpus != null) {
            throw new BadInputException(
                    "--unit, --format and --gpus are for power traces; this command reads the " + "column as written");
        }
        return common(TraceOptions.values(zone));
    }

    private TraceOptions common(TraceOptions o) {
        o = o.withColumn(column).withHeader(header).withTimeColumn(timeColumn);
        if (encoding != null) {
            o = o.withEncoding(TextEncoding.named(encoding));
        }
        if (resample != null) {
            o = o.withResample(choose("--resample", resample, List.of("mean", "linear", "hold"), Resample::of));
        }
        if (gaps != null || gapLimit != null) {
            Long limitMs = gapLimit == null ? null : Math.round(1000 * Quantities.parse(gapLimit, Dimension.DURATION));
            if (limitMs != null && limitMs <= 0) {
                throw new BadInputException("--gap-limit: \"" + gapLimit + "\" must be a positive duration");
            }
            o = o.withGaps(
                    gaps == null ? null : choose("--gaps", gaps, List.of("error", "hold", "linear"), GapPolicy::of),
                    limitMs);
        }
        if (labels != null) {
            o = o.withEndLabels(choose("--labels", labels, List.of("start", "end"), "end"::equals));
        }
        return o;
    }

    private static <T> T choose(
            String option, String value, List<String> allowed, java.util.function.Function<String, T> f) {
        if (!allowed.contains(value.toLowerCase(Locale.ROOT)) && !allowed.contains(value)) {
            throw new BadInputException(option + ": \"" + value + "\" is not one of " + String.join(", ", allowed));
        }
        return f.apply(allowed.contains(value) ? value : value.toLowerCase(Locale.ROOT));
    }
}
