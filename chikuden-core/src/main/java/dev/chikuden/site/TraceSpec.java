package dev.chikuden.site;

import dev.chikuden.load.trace.NodeScaling;
import dev.chikuden.time.Interpolation;
import java.nio.file.Path;

/**
 * A series from a CSV file: a power trace, an nvidia-smi log of one node, or a temperature.
 *
 * @param file          resolved against the site file's folder
 * @param format        how the file is written
 * @param column        value column, null for the first after the timestamp (and for nvidia-smi)
 * @param factor        applied to every value: unit conversion (to kW for power) and {@code scale}
 * @param interpolation how to refine a power-format trace to a finer study step
 * @param repeat        play from the start again when the study is longer than the trace
 * @param nodes         how the trace of one node makes the campus; {@link NodeScaling#ONE} for a whole site
 */
public record TraceSpec(
        String name,
        Path file,
        Format format,
        String column,
        double factor,
        Interpolation interpolation,
        boolean repeat,
        NodeScaling nodes)
        implements LoadSpec, PvSpec, AmbientSpec {

    /** How a trace file is written. */
    public enum Format {
        /** A timestamp column and value columns at a fixed step ({@link dev.chikuden.time.SeriesCsv}). */
        POWER,
        /** nvidia-smi's CSV query log, one row per GPU and sample ({@link dev.chikuden.load.trace.NvidiaSmiLog}). */
        NVIDIA_SMI
    }
}
