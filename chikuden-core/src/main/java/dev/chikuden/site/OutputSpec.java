package dev.chikuden.site;

/**
 * How per-step results are written.
 *
 * @param stepMs interval of the written rows; the study step means every step, a multiple of it
 *               aggregates (mean power, min and max grid power, SOC at the end)
 */
public record OutputSpec(long stepMs) {
}
