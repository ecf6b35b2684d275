package dev.chikuden.ems.device;

/**
 * A plant controller's own account of its fast loop.
 *
 * @param enabled      it commands the units
 * @param commandKw    its last aggregate command, {@code > 0} discharge (NaN when its map has none)
 * @param bindingLayer the layer that decided it: 0 the batteries' limits, i + 1 the stack's layer i; -1 unknown
 * @param fastCycles   fast cycles it has run (-1 unknown)
 */
public record PlantStatus(boolean enabled, double commandKw, int bindingLayer, long fastCycles) {}
