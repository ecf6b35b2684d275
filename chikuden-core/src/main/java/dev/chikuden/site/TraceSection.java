package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.load.trace.HeaderUnit;
import dev.chikuden.load.trace.NodeScaling;
import dev.chikuden.time.Interpolation;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a series from a CSV file: a {@code type: csv} load or PV, or an ambient temperature file.
 * A power trace's unit is the {@code unit} key or the one its column header names (see
 * {@link HeaderUnit}); one of them is required, and when both are given they must agree. The
 * header is read here, so that a missing unit is reported with the rest of the site file.
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
    static TraceSpec read(SiteFile.Trace t, ConfigNode at, String name, Kind kind) {
        Path path = at.source().toAbsolutePath().getParent().resolve(t.file()).normalize();
        if (!Files.isRegularFile(path)) {
            at.get("file").problem("\"" + t.file() + "\" does not exist (looked for " + path + ")");
            return null;
        }
        boolean nvidiaSmi = t instanceof SiteFile.CsvLoad l && "nvidia-smi".equals(l.format());
        if (nvidiaSmi) {
            notForNvidiaSmi(at.get("unit"), "nvidia-smi writes watts");
            notForNvidiaSmi(at.get("column"), "the column \"power.draw [W]\" is read");
            notForNvidiaSmi(at.get("interpolation"), "the samples are averaged per step and held between them");
        }
        double kwPerUnit = nvidiaSmi || kind == Kind.TEMPERATURE ? 1 : kwPerUnit(t, at, path);
        if (!at.clean()) {
            return null;
        }
        NodeScaling nodes = t instanceof SiteFile.CsvLoad l ? nodes(l) : NodeScaling.ONE;
        return new TraceSpec(
                name,
                path,
                nvidiaSmi ? TraceSpec.Format.NVIDIA_SMI : TraceSpec.Format.POWER,
                nvidiaSmi ? null : t.column(),
                kwPerUnit * t.scale(),
                "linear".equals(t.interpolation()) && !nvidiaSmi ? Interpolation.LINEAR : Interpolation.HOLD,
                t.repeat(),
                nodes);
    }

    private static void notForNvidiaSmi(ConfigNode key, String why) {
        if (key.writtenHere()) {
            key.problem("is not used with format: nvidia-smi; " + why);
        }
    }

    /** kW per unit of the file's values; 0 after recording a problem. */
    private static double kwPerUnit(SiteFile.Trace t, ConfigNode at, Path path) {
        String header;
        try {
            header = SeriesCsv.valueColumnName(path, t.column());
        } catch (BadInputException e) {
            at.get(t.column() == null ? "file" : "column").problem(e.getMessage());
            return 0;
        }
        String named;
        try {
            named = HeaderUnit.of(header);
        } catch (IllegalArgumentException e) {
            if (t.unit() != null) {
                return kw(t.unit()); // the key settles what the header leaves unclear
            }
            at.get("unit")
                    .problem(
                            "is required: column \"" + header + "\" of " + path + " " + e.getMessage()
                                    + "; give unit: W, kW, MW or GW",
                            at.get("file"));
            return 0;
        }
        if (t.unit() != null && named != null && !named.equals(t.unit())) {
            at.get("unit")
                    .problem("\"" + t.unit() + "\" disagrees with column \"" + header + "\" of " + path
                            + ", which names " + named
                            + "; correct one of them, or leave unit out to take the header's");
            return 0;
        }
        if (t.unit() == null && named == null) {
            at.get("unit")
                    .problem(
                            "is required: column \"" + header + "\" of " + path + " names no unit; give unit: "
                                    + "W, kW, MW or GW, or name the unit in the header, e.g. power_kw, \"power [kW]\" or \"Power (MW)\"",
                            at.get("file"));
            return 0;
        }
        return kw(t.unit() != null ? t.unit() : named);
    }

    private static double kw(String unit) {
        return Quantities.parse("1 " + unit, Dimension.POWER);
    }

    private static NodeScaling nodes(SiteFile.CsvLoad l) {
        return new NodeScaling(l.nodes(), Math.round(l.desynchronise() * 1000), l.seed());
    }
}
