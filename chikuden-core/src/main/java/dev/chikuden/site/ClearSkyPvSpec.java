package dev.chikuden.site;

/** Clear-sky PV of {@code peakKw} with the sun at the zenith, at the site's location. */
public record ClearSkyPvSpec(double peakKw) implements PvSpec {}
