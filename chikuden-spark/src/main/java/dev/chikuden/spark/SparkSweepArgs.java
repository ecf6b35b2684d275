package dev.chikuden.spark;

import dev.chikuden.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SparkSweep#main}: {@code SWEEP.yaml --out DIR_OR_URI [--set
 * path=value]... [--partitions N] [--master M] [--summary DIR]}.
 *
 * @param partitions null for Spark's default parallelism
 * @param master null for the one spark-submit gives
 * @param summary where summary.csv and summary.html go when {@code out} is not a local folder; null
 *     to skip them there
 */
record SparkSweepArgs(String sweep, String out, List<String> sets, Integer partitions, String master, String summary) {
    static final String USAGE =
            "usage: SparkSweep SWEEP.yaml --out DIR_OR_URI [--set path=value]... [--partitions N] [--master M] [--summary DIR]";

    static SparkSweepArgs parse(String... args) {
        String sweep = null;
        String out = null;
        List<String> sets = new ArrayList<>();
        Integer partitions = null;
        String master = null;
        String summary = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = value(args, ++i, a);
                case "--set" -> sets.add(value(args, ++i, a));
                case "--partitions" -> partitions = partitions(value(args, ++i, a));
                case "--master" -> master = value(args, ++i, a);
                case "--summary" -> summary = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-")) {
                        throw new BadInputException(a + ": unknown option; " + USAGE);
                    }
                    if (sweep != null) {
                        throw new BadInputException(a + ": one sweep file only (already " + sweep + "); " + USAGE);
                    }
                    sweep = a;
                }
            }
        }
        if (sweep == null) {
            throw new BadInputException("no sweep file given; " + USAGE);
        }
        if (out == null) {
            throw new BadInputException("--out is missing: give the folder or URI the rows go to; " + USAGE);
        }
        return new SparkSweepArgs(sweep, out, List.copyOf(sets), partitions, master, summary);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new BadInputException(option + ": has no value; " + USAGE);
        }
        return args[i];
    }

    private static int partitions(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new BadInputException("--partitions " + v + ": give a whole number, 1 or more");
    }
}
