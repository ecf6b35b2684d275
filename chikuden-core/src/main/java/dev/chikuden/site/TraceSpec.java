package dev.chikuden.site;

import dev.chikuden.time.Interpolation;
import java.nio.file.Path;

/**
 * A power series from a CSV file.
 *
 * @param file          resolved against the site file's folder
 * @param column        value column, null for the first after the timestamp
 * @param kwPerUnit     factor from the file's unit to kW (also any scaling)
 * @param interpolation how to refine to a finer study step
 * @param repeat        play from the start again when the study is longer than the trace
 */
public record TraceSpec(String name, Path file, String column, double kwPerUnit, Interpolation interpolation,
                        boolean repeat) implements LoadSpec, PvSpec {
}
