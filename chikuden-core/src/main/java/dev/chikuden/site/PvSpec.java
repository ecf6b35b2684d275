package dev.chikuden.site;

/** On-site PV, as configured. */
sealed interface PvSpec permits ClearSkyPvSpec, ClimatePvSpec, TraceSpec, WeatherPvSpec {}
