package dev.chikuden.site;

import dev.chikuden.time.Interpolation;
import java.nio.file.Path;

/**
 * A power series from a CSV file.
 *
 * @param file          resolved against the site file's folder
 * @param column        value column, null for the first after the timestamp
 * @param factor        applied to every value: unit conversion (to kW for power) and scaling
 * @param interpolation how to refine to a finer study step
 * @param repeat        play from the start again when the study is longer than the trace
 */
public record TraceSpec(String name, Path file, String column, double factor, Interpolation interpolation,
                        boolean repeat) implements LoadSpec, PvSpec, AmbientSpec {
}
