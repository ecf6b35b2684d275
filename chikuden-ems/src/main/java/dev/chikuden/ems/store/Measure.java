package dev.chikuden.ems.store;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A quantity the aggregates summarise: its raw column and the aggregate columns derived from it
 * ({@code <name>_mean}, {@code <name>_n} = readings that were not missing, and {@code <name>_min},
 * {@code <name>_max} for the ranged ones). Keeping the count per quantity keeps a re-bucketed mean
 * exact when some cycles of a bucket had a stale reading.
 */
enum Measure {
    GRID("grid_kw", "grid", true),
    BATTERY("battery_kw", "battery", true),
    SETPOINT("setpoint_kw", "setpoint", false),
    LOAD("load_kw", "load", false),
    SOC("soc", "soc", false),
    FREQUENCY("frequency_hz", "frequency", false);

    final String rawColumn;
    final String name;
    final boolean ranged;

    Measure(String rawColumn, String name, boolean ranged) {
        this.rawColumn = rawColumn;
        this.name = name;
        this.ranged = ranged;
    }

    /** One SQL fragment per quantity, comma-separated, in declaration order. */
    static String each(Function<Measure, String> fragment) {
        return Arrays.stream(values()).map(fragment).collect(Collectors.joining(", "));
    }

    String aggregateColumns() {
        return name + "_mean, " + (ranged ? name + "_min, " + name + "_max, " : "") + name + "_n";
    }

    String aggregateColumnTypes() {
        return name + "_mean DOUBLE PRECISION, "
                + (ranged ? name + "_min DOUBLE PRECISION, " + name + "_max DOUBLE PRECISION, " : "")
                + name + "_n BIGINT NOT NULL";
    }

    /** The aggregate columns computed from raw rows; NULL (a missing reading) is skipped by each. */
    String fromRaw() {
        String c = rawColumn;
        return "avg(" + c + ") AS " + name + "_mean, "
                + (ranged ? "min(" + c + ") AS " + name + "_min, max(" + c + ") AS " + name + "_max, " : "")
                + "count(" + c + ") AS " + name + "_n";
    }

    /** Coarser buckets from finer ones: the sum of readings and their count, so the mean stays exact. */
    String rebucketed() {
        return "sum(" + name + "_mean * " + name + "_n), sum(" + name + "_n)"
                + (ranged ? ", min(" + name + "_min), max(" + name + "_max)" : "");
    }
}
