package dev.chikuden.site;

/** On-site PV, as configured. */
sealed interface PvSpec permits ClearSkyPvSpec, TraceSpec, WeatherPvSpec {}
