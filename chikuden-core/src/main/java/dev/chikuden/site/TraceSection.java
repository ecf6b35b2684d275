package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.load.trace.NodeScaling;
import dev.chikuden.trace.GapPolicy;
import dev.chikuden.trace.Resample;
import dev.chikuden.trace.TextEncoding;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceFormat;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.trace.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Reads a series from a CSV file: a {@code type: csv} load or PV, or an ambient temperature file.
 * The file is read here once, so that whatever the reader cannot decide (a unit the header does
 * not name, several value columns) is reported with the rest of the site file.
 */
final class TraceSection {
    /** What the series is: only loads may be nvidia-smi logs and stand for many nodes. */
    enum Kind {
        LOAD,
        PV,
        TEMPERATURE
    }

    private TraceSection() {}

    /** The trace, or null after a problem. */
    static TraceSpec read(SiteFile.Trace t, ConfigNode at, String name, Kind kind, ZoneId zone) {
        if (t.interpolation() != null) {
            at.get("interpolation")
                    .problem("has moved to resample: mean (a step's time-weighted mean of the samples held between "
                            + "them; what hold did), linear or hold; write resample: "
                            + ("linear".equals(t.interpolation()) ? "linear" : "mean"));
        }
        Path path = at.file(t.file());
        if (!Files.isRegularFile(path)) {
            at.get("file").problem("\"" + t.file() + "\" does not exist (looked for " + path + ")");
            return null;
        }
        if (!at.clean()) {
            return null;
        }
        TraceOptions options = options(t, kind, zone);
        Trace trace;
        try {
            trace = TraceReader.read(path, options);
        } catch (BadInputException e) {
            String m = e.getMessage();
            String key = m.contains(": no column") ? "column" : m.contains("unit") ? "unit" : "file";
            if (at.get(key).writtenHere()) {
                at.get(key).problem(m);
            } else {
                at.get(key).problem(m, at.get("file"));
            }
            return null;
        }
        NodeScaling nodes = t instanceof SiteFile.CsvLoad l ? nodes(l) : NodeScaling.ONE;
        return new TraceSpec(name, path, options, trace, t.scale(), t.repeat(), nodes);
    }

    /** What the site file says about reading the file; the reader decides the rest. */
    static TraceOptions options(SiteFile.Trace t, Kind kind, ZoneId zone) {
        TraceOptions o = kind == Kind.TEMPERATURE ? TraceOptions.values(zone) : TraceOptions.power(zone);
        if (kind != Kind.TEMPERATURE && t.format() != null) {
            o = o.withFormat(TraceFormat.of(t.format()));
        }
        o = o.withColumn(t.column()).withUnit(t.unit()).withHeader(t.header()).withTimeColumn(t.timeColumn());
        if (t.resample() != null) {
            o = o.withResample(Resample.of(t.resample()));
        }
        if (t.gaps() != null || t.gapLimit() != null) {
            o = o.withGaps(
                    t.gaps() == null ? null : GapPolicy.of(t.gaps()),
                    t.gapLimit() == null ? null : Math.round(t.gapLimit() * 1000));
        }
        if (t.encoding() != null) {
            o = o.withEncoding(TextEncoding.named(t.encoding()));
        }
        if (t.labels() != null) {
            o = o.withEndLabels("end".equals(t.labels()));
        }
        if (t instanceof SiteFile.CsvLoad l && l.gpus() != null) {
            o = o.withGpus(l.gpus());
        }
        return o;
    }

    private static NodeScaling nodes(SiteFile.CsvLoad l) {
        return new NodeScaling(l.nodes(), Math.round(l.desynchronise() * 1000), l.seed());
    }
}
