package dev.chikuden.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One scenario's result: its axis values as written in the sweep file, and either its headline
 * figures ({@link Headline}, in column order) or the error that stopped it.
 *
 * @param settings the sweep's settings the row was made with ({@link
 *     dev.chikuden.scenario.sweep.Sweep#settings})
 * @param inputs the files the scenario's site named, each with a digest of its content then ({@link
 *     InputFiles}); "" when it failed before naming any
 * @param error null when the scenario ran; then {@code figures} holds every headline figure
 * @param figures NaN for each figure when the scenario failed
 */
public record ScenarioRow(
        int index, String id, String settings, String inputs, List<String> axisValues, String error, double[] figures) {
    public ScenarioRow {
        axisValues = List.copyOf(axisValues);
    }

    public boolean failed() {
        return error != null;
    }

    /** Equal when every field is, the figures bit for bit (NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioRow r
                && index == r.index
                && id.equals(r.id)
                && Objects.equals(settings, r.settings)
                && Objects.equals(inputs, r.inputs)
                && axisValues.equals(r.axisValues)
                && Objects.equals(error, r.error)
                && Arrays.equals(figures, r.figures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, settings, inputs, axisValues, error, Arrays.hashCode(figures));
    }

    @Override
    public String toString() {
        return "ScenarioRow[" + id + " " + axisValues
                + (error != null ? " error " + error : " " + Arrays.toString(figures)) + "]";
    }
}
