package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.load.trace.HeaderUnit;
import dev.chikuden.load.trace.NodeScaling;
import dev.chikuden.time.Interpolation;
import dev.chikuden.time.SeriesCsv;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a series from a CSV file: a {@code type: csv} load or PV, or an ambient temperature file.
 * A power trace's unit is the {@code unit} key or the one its column header names (see
 * {@link HeaderUnit}); one of them is required, and when both are given they must agree. The
 * header is read here, so that a missing unit is reported with the rest of the site file.
 */
final class TraceSection {
    private static final List<String> UNITS = List.of("W", "kW", "MW", "GW");

    /** What the series is: only loads may be nvidia-smi logs and stand for many nodes. */
    enum Kind { LOAD, PV, TEMPERATURE }

    private TraceSection() {
    }

    static TraceSpec read(YamlMap m, Path siteFile, String name, Kind kind) {
        String fileText = m.text("file", null);
        Path path = null;
        if (fileText != null) {
            path = siteFile.toAbsolutePath().getParent().resolve(fileText).normalize();
            if (!Files.isRegularFile(path)) {
                m.problem("file", "\"" + fileText + "\" does not exist (looked for " + path + ")");
                path = null;
            }
        }
        String format = kind == Kind.LOAD ? m.choice("format", "power", List.of("power", "nvidia-smi")) : "power";
        boolean nvidiaSmi = "nvidia-smi".equals(format);
        String column = null;
        double kwPerUnit = 1;
        Interpolation interpolation = Interpolation.HOLD;
        if (nvidiaSmi) {
            notForNvidiaSmi(m, "column", "the column \"power.draw [W]\" is read");
            notForNvidiaSmi(m, "unit", "nvidia-smi writes watts");
            notForNvidiaSmi(m, "interpolation", "the samples are averaged per step and held between them");
        } else {
            String text = m.text("column", "");
            column = text.isEmpty() ? null : text;
            kwPerUnit = kind == Kind.TEMPERATURE ? 1 : kwPerUnit(m, path, column);
            interpolation = "linear".equals(m.choice("interpolation", "hold", List.of("hold", "linear")))
                    ? Interpolation.LINEAR : Interpolation.HOLD;
        }
        double scale = m.number("scale", 1, 0, 1e9);
        boolean repeat = m.bool("repeat", false);
        NodeScaling nodes = kind == Kind.LOAD ? nodes(m) : NodeScaling.ONE;
        return new TraceSpec(name, path, nvidiaSmi ? TraceSpec.Format.NVIDIA_SMI : TraceSpec.Format.POWER, column,
                kwPerUnit * scale, interpolation, repeat, nodes);
    }

    private static void notForNvidiaSmi(YamlMap m, String key, String why) {
        if (m.has(key)) {
            m.problem(key, "is not used with format: nvidia-smi; " + why);
        }
    }

    /** kW per unit of the file's values; NaN after recording a problem. */
    private static double kwPerUnit(YamlMap m, Path path, String column) {
        String given = m.has("unit") ? m.choice("unit", null, UNITS) : "";
        if (given == null || path == null) {
            return Double.NaN; // a bad unit or file, reported already
        }
        String header;
        try {
            header = SeriesCsv.valueColumnName(path, column);
        } catch (BadInputException e) {
            m.problem(column == null ? "file" : "column", e.getMessage());
            return Double.NaN;
        }
        String named;
        try {
            named = HeaderUnit.of(header);
        } catch (IllegalArgumentException e) {
            if (!given.isEmpty()) {
                return kw(given); // the key settles what the header leaves unclear
            }
            m.problem(m.raw("file"), m.at("unit"), "is required: column \"" + header + "\" of " + path + " "
                    + e.getMessage() + "; give unit: W, kW, MW or GW");
            return Double.NaN;
        }
        if (!given.isEmpty() && named != null && !named.equals(given)) {
            m.problem("unit", "\"" + given + "\" disagrees with column \"" + header + "\" of " + path + ", which names "
                    + named + "; correct one of them, or leave unit out to take the header's");
            return Double.NaN;
        }
        if (given.isEmpty() && named == null) {
            m.problem(m.raw("file"), m.at("unit"), "is required: column \"" + header + "\" of " + path
                    + " names no unit; give unit: W, kW, MW or GW, or name the unit in the header, e.g. power_kw, "
                    + "\"power [kW]\" or \"Power (MW)\"");
            return Double.NaN;
        }
        return kw(given.isEmpty() ? named : given);
    }

    private static double kw(String unit) {
        return Quantities.parse("1 " + unit, Dimension.POWER);
    }

    private static NodeScaling nodes(YamlMap m) {
        double nodes = m.number("nodes", 1, 1, 1e9);
        if (!Double.isNaN(nodes) && nodes != Math.rint(nodes)) {
            m.problem("nodes", "\"" + m.text("nodes", "") + "\" is not a whole number of nodes");
            nodes = Double.NaN;
        }
        double windowS = m.positive("desynchronise", Dimension.DURATION, 0, false);
        double seed = m.number("seed", 1, -9.0e15, 9.0e15);
        if (Double.isNaN(nodes) || Double.isNaN(windowS) || Double.isNaN(seed)) {
            return NodeScaling.ONE; // reported; the site is not used
        }
        return new NodeScaling((long) nodes, Math.round(windowS * 1000), (long) seed);
    }
}
