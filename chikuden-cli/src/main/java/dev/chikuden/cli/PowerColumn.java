package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.load.trace.HeaderUnit;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.SeriesCsv;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The power column a command reads from a CSV file, and its unit, chosen in the open. The column:
 * {@code --column}; else the file's only value column; else {@code gridKw}, the meter's series in
 * plan's result files (whose first column is the load); any other file with several value columns
 * must name one. The unit: the one the header names (see {@link HeaderUnit}), which {@code --unit}
 * may repeat but not contradict; when the header names none, {@code --unit}, else kW with a
 * {@link #notice} saying so.
 *
 * @param notice what the user should know about the choice, or null
 */
record PowerColumn(Path file, String name, PowerUnit unit, String notice) {
    /** The grid meter's series in plan's result files. */
    static final String METER = "gridKw";

    static PowerColumn of(Path file, String column, PowerUnit given) {
        SeriesCsv.Columns header = SeriesCsv.columns(file);
        String at = file + ":" + header.line() + ": ";
        String name = column;
        if (name == null) {
            name = header.names().size() == 1
                    ? header.names().get(0)
                    : header.names().contains(METER) ? METER : null;
        }
        if (name == null) {
            throw new BadInputException(at + "has " + header.names().size() + " value columns " + header.names()
                    + " and no " + METER + "; name the power column with --column NAME");
        }
        if (!header.names().contains(name)) {
            throw new BadInputException(at + "no column \"" + name + "\"; the header has " + header.names());
        }
        String named;
        try {
            named = HeaderUnit.of(name);
        } catch (IllegalArgumentException e) {
            if (given == null) {
                throw new BadInputException(
                        at + "column \"" + name + "\" " + e.getMessage() + "; give --unit W, kW, MW or GW");
            }
            named = null; // the option settles what the header leaves unclear
        }
        if (given != null && named != null && !named.equals(given.name())) {
            throw new BadInputException(at + "--unit " + given + " contradicts column \"" + name + "\", which names "
                    + named + "; leave --unit out to read the header's unit, or correct the header");
        }
        if (given == null && named == null) {
            return new PowerColumn(
                    file,
                    name,
                    PowerUnit.kW,
                    "column \"" + name + "\" of " + file + " names no unit; "
                            + "read as kW (give --unit W, kW, MW or GW to say otherwise)");
        }
        return new PowerColumn(file, name, given != null ? given : PowerUnit.valueOf(named), null);
    }

    /** The column in kW. */
    FixedStepSeries read(ZoneId zone) {
        FixedStepSeries s = SeriesCsv.read(file, name, zone);
        if (unit == PowerUnit.kW) {
            return s;
        }
        double[] kw = s.values();
        for (int i = 0; i < kw.length; i++) {
            kw[i] *= unit.toKw;
        }
        return new FixedStepSeries(s.startEpochMs(), s.stepMs(), kw);
    }

    /** {@code file, column "gridKw" in kW}, for a table's first lines. */
    String describe() {
        return file + ", column \"" + name + "\" in " + unit;
    }
}
