package dev.chikuden.scenario.sweep;

import dev.chikuden.site.SiteOverride;
import java.util.List;

/**
 * One scenario of a sweep.
 *
 * @param index      from 0, in the order the sweep file defines
 * @param id         {@code s} and the index zero-padded to the width of the count ({@code s07} of 24):
 *                   the same for the same sweep file
 * @param axisValues each axis's value, in the order of {@link Sweep#axes}: a scalar as written, a
 *                   mapping or a list as flow YAML
 * @param overrides  the sweep's {@code set}, then {@code --set}, then this scenario's axis values: a
 *                   later one of a field wins
 */
public record Scenario(int index, String id, List<String> axisValues, List<SiteOverride> overrides) {
    public Scenario {
        axisValues = List.copyOf(axisValues);
        overrides = List.copyOf(overrides);
    }
}
