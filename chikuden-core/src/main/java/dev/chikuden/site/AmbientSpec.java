package dev.chikuden.site;

/** The air temperature around the batteries: constant, a built-in climate, or a CSV trace (°C). */
public sealed interface AmbientSpec permits AmbientSpec.Constant, AmbientSpec.BuiltInClimate, TraceSpec {
    record Constant(double temperatureC) implements AmbientSpec {}

    /** A typical year from monthly normals, e.g. {@code osaka}. */
    record BuiltInClimate(String name) implements AmbientSpec {}
}
