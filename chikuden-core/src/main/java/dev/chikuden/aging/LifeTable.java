package dev.chikuden.aging;

import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A datasheet cycle-life table: rows of (depth of discharge %, cycles, capacity %). Capacity at a
 * DOD and cycle count is interpolated bilinearly as NREL SAM does: linearly in cycles along each
 * DOD level (extrapolated from the last two points beyond the table, never below 0), then
 * linearly between the two DOD levels around the DOD; DOD outside the table is clamped to its
 * first or last level.
 */
public final class LifeTable {
    private final double[] dods;
    private final double[][] cycles;
    private final double[][] capacity;

    /** @param rows each {dod %, cycles, capacity %}; every DOD level needs at least two rows */
    public LifeTable(double[][] rows) {
        TreeMap<Double, List<double[]>> byDod = new TreeMap<>();
        for (double[] r : rows) {
            if (r.length != 3) {
                throw new IllegalArgumentException("each row is {dod %, cycles, capacity %}: " + Arrays.toString(r));
            }
            byDod.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        dods = new double[byDod.size()];
        cycles = new double[byDod.size()][];
        capacity = new double[byDod.size()][];
        int i = 0;
        for (var e : byDod.entrySet()) {
            List<double[]> level = e.getValue();
            level.sort((a, b) -> Double.compare(a[1], b[1]));
            if (level.size() < 2) {
                throw new IllegalArgumentException(
                        "DOD " + e.getKey() + " % needs at least two rows (cycles, capacity)");
            }
            dods[i] = e.getKey();
            cycles[i] = level.stream().mapToDouble(r -> r[1]).toArray();
            capacity[i] = level.stream().mapToDouble(r -> r[2]).toArray();
            for (int k = 1; k < cycles[i].length; k++) {
                if (!(cycles[i][k] > cycles[i][k - 1])) {
                    throw new IllegalArgumentException(
                            "DOD " + dods[i] + " %: two rows at " + cycles[i][k] + " cycles");
                }
            }
            i++;
        }
    }

    /**
     * Reads a life table from a CSV with the header {@code dod_percent,cycles,capacity_percent}
     * ({@code #} comments allowed).
     */
    public static LifeTable read(java.nio.file.Path file) {
        List<double[]> rows = CsvFiles.read(file, it -> {
            List<String> header = it.hasNext()
                    ? it.next().getFields().stream().map(String::trim).toList()
                    : List.of();
            if (!header.equals(List.of("dod_percent", "cycles", "capacity_percent"))) {
                throw new BadInputException(
                        file + ":1: header " + header + " should be dod_percent,cycles,capacity_percent");
            }
            List<double[]> read = new ArrayList<>();
            while (it.hasNext()) {
                var r = it.next();
                double[] row = new double[3];
                for (int c = 0; c < 3; c++) {
                    String text = c < r.getFieldCount() ? r.getField(c).trim() : "";
                    try {
                        row[c] = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file + ":" + r.getStartingLineNumber() + ": " + header.get(c)
                                + " \"" + text + "\" is not a number");
                    }
                }
                read.add(row);
            }
            return read;
        });
        try {
            return new LifeTable(rows.toArray(new double[0][]));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    /** Capacity in % after {@code n} cycles of depth {@code dodPercent}. */
    public double capacityPercent(double dodPercent, double n) {
        if (dodPercent <= dods[0]) {
            return alongLevel(0, n);
        }
        int last = dods.length - 1;
        if (dodPercent >= dods[last]) {
            return alongLevel(last, n);
        }
        int hi = 1;
        while (dods[hi] < dodPercent) {
            hi++;
        }
        double f = (dodPercent - dods[hi - 1]) / (dods[hi] - dods[hi - 1]);
        return alongLevel(hi - 1, n) * (1 - f) + alongLevel(hi, n) * f;
    }

    private double alongLevel(int level, double n) {
        double[] x = cycles[level];
        double[] y = capacity[level];
        int k = 1;
        while (k < x.length - 1 && x[k] < n) {
            k++;
        }
        double v = y[k - 1] + (y[k] - y[k - 1]) * (n - x[k - 1]) / (x[k] - x[k - 1]);
        return Math.max(0, v);
    }
}
