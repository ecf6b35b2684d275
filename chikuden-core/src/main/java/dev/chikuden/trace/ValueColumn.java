package dev.chikuden.trace;

import dev.chikuden.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which column of a file holds the values, in which unit, and so the format: an nvidia-smi log (a
 * {@code power.draw} column, or a GPU index column beside a power column), interval energy (an
 * energy unit), a power series, or values as written. The column, when not named: the only numeric
 * column that is not time or an index; else {@code gridKw}; else the only one naming a unit; else
 * an error listing them. The unit: the header's, or the option's, which must not contradict it.
 */
final class ValueColumn {
    private final Path file;
    private final String headerAt;
    private final String[] names;
    private final TimeColumns time;
    private final TraceOptions options;
    final List<String> notes = new ArrayList<>();
    TraceFormat format;
    int column = -1;
    int gpuColumn = -1;
    String unit;
    String unitFrom;
    double factor = 1;

    private ValueColumn(Path file, String headerAt, String[] names, TimeColumns time, TraceOptions options) {
        this.file = file;
        this.headerAt = headerAt;
        this.names = names;
        this.time = time;
        this.options = options;
    }

    static ValueColumn choose(
            Path file, String headerAt, String[] names, TimeColumns time, TraceOptions options, String[] cells) {
        ValueColumn c = new ValueColumn(file, headerAt, names, time, options);
        c.choose(cells);
        return c;
    }

    /** Decides format, value column and unit. */
    private void choose(String[] cells) {
        format = options.format();
        gpuColumn = gpuColumn();
        int powerDraw = powerDrawColumn();
        if (format == null) {
            format = options.kind() == TraceOptions.Kind.VALUES
                    ? TraceFormat.VALUES
                    : powerDraw >= 0 || gpuColumn >= 0 ? TraceFormat.NVIDIA_SMI : null;
        }
        if (format == TraceFormat.NVIDIA_SMI && options.column() == null && powerDraw >= 0) {
            column = powerDraw;
            String field = names[powerDraw];
            unit = "W";
            unitFrom = "nvidia-smi";
            factor = 1e-3;
            notes.add(
                    field.startsWith("power.draw.instant")
                            ? "read power.draw.instant, the instantaneous power"
                            : field.startsWith("power.draw.average")
                                    ? "read power.draw.average, a one-second average"
                                    : "read power.draw: on Ampere and newer GPUs a one-second average (log "
                                            + "power.draw.instant for sub-second metrics)");
            return;
        }
        if (time.layout == TimeColumns.Layout.DAY_ROW) {
            column = time.second;
        } else {
            column = options.column() != null ? named(options.column()) : pick(cells);
        }
        String header = time.layout == TimeColumns.Layout.DAY_ROW ? "" : names[column];
        if (format == TraceFormat.VALUES) {
            return;
        }
        unit(header);
        if (format == null) {
            format = HeaderUnit.isEnergy(unit) ? TraceFormat.ENERGY : TraceFormat.POWER;
        }
        if ((format == TraceFormat.ENERGY) != HeaderUnit.isEnergy(unit)) {
            throw new BadInputException(file + ": format " + format.key() + " but the unit is " + unit
                    + "; interval energy is in Wh, kWh or MWh, power in W, kW, MW or GW");
        }
    }

    private void unit(String header) {
        String named;
        try {
            named = HeaderUnit.of(header);
            String energy = HeaderUnit.energyOf(header);
            if (named != null && energy != null) {
                throw new IllegalArgumentException("names both " + named + " and " + energy);
            }
            named = named != null ? named : energy;
            if (named == null && time.layout == TimeColumns.Layout.DAY_ROW) {
                named = unitInHeader();
            }
        } catch (IllegalArgumentException e) {
            if (options.unit() == null) {
                throw new BadInputException(file + headerAt + ": column \"" + header + "\" " + e.getMessage()
                        + "; give the unit (W, kW, MW, GW, or Wh, kWh, MWh for interval energy)");
            }
            named = null;
        }
        String given = options.unit();
        if (given != null && named != null && !named.equals(given)) {
            throw new BadInputException(file + headerAt + ": unit " + given + " contradicts column \"" + header
                    + "\", which names " + named + "; leave the unit out to read the header's, or correct it");
        }
        if (given == null && named == null) {
            if (!options.defaultKw()) {
                throw new BadInputException(
                        file + headerAt + ": column \"" + header + "\" names no unit; give the unit "
                                + "(W, kW, MW, GW, or Wh, kWh, MWh for interval energy), or name it in the header, e.g. "
                                + "power_kw, \"power [kW]\", \"Power (MW)\" or 使用電力量(kWh)");
            }
            notes.add("column \"" + header + "\" names no unit; read as kW (give the unit to say otherwise)");
            unit = "kW";
            unitFrom = "default";
        } else {
            unit = given != null ? given : named;
            unitFrom = given != null ? "option" : "header";
        }
        factor = HeaderUnit.factor(unit);
    }

    /** The one energy unit the header rows of a day-row file name, or null. */
    private String unitInHeader() {
        String found = null;
        for (String name : names) {
            String u = HeaderUnit.energyOf(name);
            found = u != null ? u : found;
        }
        return found;
    }

    private int gpuColumn() {
        if (names == null) {
            return -1;
        }
        for (String id : new String[] {"index", "gpu_index", "gpu", "gpu_id", "pci.bus_id", "uuid", "serial"}) {
            for (int c = 0; c < names.length; c++) {
                if (names[c].equalsIgnoreCase(id)) {
                    return c;
                }
            }
        }
        return -1;
    }

    private int powerDrawColumn() {
        if (names == null) {
            return -1;
        }
        for (String field : new String[] {"power.draw.instant", "power.draw", "power.draw.average"}) {
            for (int c = 0; c < names.length; c++) {
                String name = names[c];
                if (name.equals(field) || name.startsWith(field + " ")) {
                    return c;
                }
            }
        }
        return -1;
    }

    private int named(String column) {
        if (names != null) {
            for (int c = 0; c < names.length; c++) {
                if (names[c].equals(column)) {
                    return c;
                }
            }
            for (int c = 0; c < names.length; c++) {
                if (names[c].equalsIgnoreCase(column)) {
                    return c;
                }
            }
            for (int c = 0; c < names.length; c++) {
                if (names[c].endsWith(" " + column)) {
                    return c; // the last of several joined header rows (NSRDB, JMA)
                }
            }
        }
        throw new BadInputException(file + headerAt + ": no column \"" + column + "\"; the header has "
                + (names == null ? "no names" : Arrays.toString(names)));
    }

    private int pick(String[] cells) {
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            String name = c < names.length ? names[c] : "";
            if (!time.isTimeColumn(c)
                    && c != gpuColumn
                    && !isIndexName(name)
                    && (TimeColumns.isNumber(cells[c]) || Numbers.isMissing(cells[c]) && !name.isEmpty())) {
                candidates.add(c);
            }
        }
        if (candidates.size() == 1 || options.kind() == TraceOptions.Kind.VALUES && !candidates.isEmpty()) {
            return candidates.get(0); // values as written: the first, as for temperature and state of charge
        }
        for (int c : candidates) {
            if (names[c].equals("gridKw")) {
                return c;
            }
        }
        List<Integer> withUnit = new ArrayList<>();
        for (int c : candidates) {
            if (options.kind() == TraceOptions.Kind.POWER ? namesUnit(names[c]) : false) {
                withUnit.add(c);
            }
        }
        if (withUnit.size() == 1) {
            return withUnit.get(0);
        }
        if (candidates.isEmpty()) {
            throw new BadInputException(
                    file + ": no column of numbers besides the time; the header has " + Arrays.toString(names));
        }
        List<String> listed = candidates.stream().map(c -> names[c]).toList();
        throw new BadInputException(file + headerAt + ": " + candidates.size() + " value columns " + listed
                + "; name the one to read with the column option (column: NAME, --column NAME)");
    }

    private static boolean namesUnit(String name) {
        try {
            return HeaderUnit.of(name) != null || HeaderUnit.energyOf(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isIndexName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("index") || n.equals("id") || n.equals("no") || n.equals("no.") || n.equals("番号");
    }
}
