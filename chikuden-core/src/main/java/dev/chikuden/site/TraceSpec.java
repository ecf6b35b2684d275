package dev.chikuden.site;

import dev.chikuden.load.trace.NodeScaling;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceOptions;
import java.nio.file.Path;

/**
 * A series from a CSV file: a power trace, an nvidia-smi log of one node, a meter's interval
 * energy, or a temperature; read by {@link dev.chikuden.trace.TraceReader}.
 *
 * @param file    resolved against the site file's folder
 * @param options how to read it (what the site file said; the rest the reader decides)
 * @param trace   the file as read when the site file was checked
 * @param scale   a factor on every value (after the unit's conversion to kW)
 * @param repeat  play from the start again when the study is longer than the trace
 * @param nodes   how the trace of one node makes the campus; {@link NodeScaling#ONE} for a whole site
 */
public record TraceSpec(
        String name, Path file, TraceOptions options, Trace trace, double scale, boolean repeat, NodeScaling nodes)
        implements LoadSpec, PvSpec, AmbientSpec {}
