package dev.chikuden.site;

/** On-site PV, as configured. */
public sealed interface PvSpec permits ClearSkyPvSpec, TraceSpec {
}
