package dev.chikuden.results;

import java.util.List;

/** Writes result rows to one file format. */
public interface RowWriter extends AutoCloseable {
    /**
     * Column names, in the order {@link #row} takes them (after the timestamp). {@code batteryKw} is
     * the battery's AC power at the site's meter point net of its auxiliaries (standby, HVAC),
     * {@code > 0} discharge, so that {@code gridKw = loadKw - pvKw - batteryKw}.
     */
    List<String> COLUMNS = List.of("loadKw", "pvKw", "batteryKw", "gridKw", "gridMinKw", "gridMaxKw", "soc");

    /**
     * One row: the interval starting at {@code epochMs}; powers are interval means, grid min/max the
     * extremes of the steps inside it, SOC the value at the interval's end (NaN without battery).
     */
    void row(
            long epochMs,
            double loadKw,
            double pvKw,
            double batteryKw,
            double gridKw,
            double gridMinKw,
            double gridMaxKw,
            double soc);

    @Override
    void close();
}
