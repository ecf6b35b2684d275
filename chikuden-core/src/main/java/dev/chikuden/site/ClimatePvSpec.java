package dev.chikuden.site;

import dev.chikuden.pv.PvSystem;

/**
 * PV of a typical year from a built-in climate ({@code pv: {type: climate}}).
 *
 * @param climate a built-in climate's name, e.g. {@code osaka}
 */
public record ClimatePvSpec(String climate, PvSystem system) implements PvSpec {}
