package dev.chikuden.load.trace;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CSV that {@code nvidia-smi --query-gpu=timestamp,power.draw,... --format=csv -lms 100}
 * writes on one node: a header such as {@code timestamp, power.draw [W], utilization.gpu [%]}
 * (the columns {@code timestamp} and {@code power.draw [W]} are found by name, others are
 * ignored), then one row per GPU and sample, timestamps in local time such as
 * {@code 2024/05/01 12:00:00.123} (milliseconds optional) and powers such as {@code 71.25 W}.
 *
 * <p>The GPUs of a node write one row each per sample instant, a few ms apart, and the next
 * instant follows a sample period later. Consecutive rows closer than half the sample period
 * belong to one instant, the period estimated robustly as the largest row-to-row step after
 * dropping the top 1 % (so rare gaps do not count, and a node of up to some 50 GPUs is grouped
 * right). Every instant must have the same number of rows (the most common count); the node's
 * power at an instant is their sum, timed at its first row. A repeated header row (logs
 * appended to each other) is skipped.
 */
public final class NvidiaSmiLog {
    static final String TIMESTAMP = "timestamp";
    static final String POWER = "power.draw [W]";

    private NvidiaSmiLog() {}

    /** The node's power at each sample instant; timestamps are local time in {@code zone}. */
    public static PowerInstants read(Path file, ZoneId zone) {
        Rows rows = rows(file, zone);
        return group(file, zone, rows);
    }

    /** The GPU rows in file order; one entry per row in each array. */
    private record Rows(long[] epochMs, double[] watts, long[] lines, int size) {}

    private static Rows rows(Path file, ZoneId zone) {
        return CsvFiles.read(file, it -> {
            if (!it.hasNext()) {
                throw new BadInputException(file + ": the file is empty; expected nvidia-smi's header \"" + TIMESTAMP
                        + ", " + POWER + ", ...\"");
            }
            CsvRecord header = it.next();
            int timeCol = column(file, header, TIMESTAMP);
            int powerCol = column(file, header, POWER);
            int needed = Math.max(timeCol, powerCol) + 1;
            LocalClock clock = new LocalClock(file, zone);
            long[] epochMs = new long[4096];
            double[] watts = new double[4096];
            long[] lines = new long[4096];
            int n = 0;
            while (it.hasNext()) {
                CsvRecord row = it.next();
                long line = row.getStartingLineNumber();
                if (row.getFieldCount() > timeCol
                        && row.getField(timeCol).trim().equals(TIMESTAMP)) {
                    continue; // a repeated header
                }
                if (row.getFieldCount() < needed) {
                    throw new BadInputException(file + ":" + line + ": the row has " + row.getFieldCount()
                            + " fields; \"" + (powerCol >= row.getFieldCount() ? POWER : TIMESTAMP) + "\" is field "
                            + (Math.max(timeCol, powerCol) + 1));
                }
                long t = clock.epochMs(line, row.getField(timeCol).trim());
                if (n > 0 && t < epochMs[n - 1]) {
                    throw new BadInputException(file + ":" + line + ": timestamp "
                            + row.getField(timeCol).trim() + " comes before the row above (line " + lines[n - 1]
                            + "); rows must be in time order");
                }
                if (n == epochMs.length) {
                    epochMs = Arrays.copyOf(epochMs, n * 2);
                    watts = Arrays.copyOf(watts, n * 2);
                    lines = Arrays.copyOf(lines, n * 2);
                }
                epochMs[n] = t;
                watts[n] = watts(file, line, row.getField(powerCol).trim());
                lines[n++] = line;
            }
            return new Rows(epochMs, watts, lines, n);
        });
    }

    private static PowerInstants group(Path file, ZoneId zone, Rows rows) {
        int n = rows.size();
        long[] t = rows.epochMs();
        if (n < 2) {
            throw new BadInputException(file + ": has " + n + " GPU row(s); a log needs at least two sample instants");
        }
        long[] steps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(steps);
        int dropped = (int) Math.ceil(0.01 * steps.length);
        long joinMs = steps[Math.max(0, steps.length - 1 - dropped)] / 2;
        if (joinMs == 0) {
            throw new BadInputException(file + ": all rows share one timestamp or are 1 ms apart; cannot tell the "
                    + "sample instants apart (record with -lms 100 or more)");
        }
        // instant k starts at row starts[k]
        int[] starts = new int[n + 1];
        int instants = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || t[i] - t[i - 1] > joinMs) {
                starts[instants++] = i;
            }
        }
        starts[instants] = n;
        if (instants < 2) {
            throw new BadInputException(file + ": has one sample instant; a log needs at least two");
        }
        int gpus = mostCommonSize(starts, instants);
        long[] epochMs = new long[instants];
        double[] powerKw = new double[instants];
        long[] lines = new long[instants];
        for (int k = 0; k < instants; k++) {
            int size = starts[k + 1] - starts[k];
            if (size != gpus) {
                throw new BadInputException(file + ":" + rows.lines()[starts[k]] + ": the sample instant starting on "
                        + "this line has " + size + " GPU row(s), the others " + gpus + "; a GPU row is missing or "
                        + "extra (rows less than " + joinMs + " ms apart form one instant)");
            }
            double watts = 0;
            for (int i = starts[k]; i < starts[k + 1]; i++) {
                watts += rows.watts()[i];
            }
            epochMs[k] = t[starts[k]];
            powerKw[k] = watts / 1000;
            lines[k] = rows.lines()[starts[k]];
        }
        return new PowerInstants(file.toString(), zone, epochMs, powerKw, lines);
    }

    private static int mostCommonSize(int[] starts, int instants) {
        int[] counts = new int[64];
        int best = 0;
        for (int k = 0; k < instants; k++) {
            int size = starts[k + 1] - starts[k];
            if (size >= counts.length) {
                counts = Arrays.copyOf(counts, size + 1);
            }
            if (++counts[size] > counts[best]) {
                best = size;
            }
        }
        return best;
    }

    private static int column(Path file, CsvRecord header, String name) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            names.add(header.getField(i).trim());
        }
        int at = names.indexOf(name);
        if (at < 0) {
            throw new BadInputException(file + ":" + header.getStartingLineNumber() + ": no column \"" + name
                    + "\"; the header has " + names + ". Write the log with nvidia-smi "
                    + "--query-gpu=timestamp,power.draw --format=csv -lms 100 (with its header)");
        }
        return at;
    }

    /** "71.25 W" (or "71.25" from --format=csv,nounits) in watts, 0 or more. */
    private static double watts(Path file, long line, String text) {
        String number =
                text.endsWith("W") ? text.substring(0, text.length() - 1).trim() : text;
        try {
            double w = Double.parseDouble(number);
            if (Double.isFinite(w) && w >= 0) {
                return w;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException(file + ":" + line + ": " + POWER + " value \"" + text + "\" is not a power "
                + "such as \"71.25 W\""
                + (text.startsWith("[")
                        ? " (nvidia-smi writes " + text
                                + " for a GPU that does not report its power; such a log cannot be used)"
                        : ""));
    }

    /**
     * Parses {@code yyyy/MM/dd HH:mm:ss[.fff]} in a zone, converting each local hour only once
     * (a log has millions of rows and few hours).
     */
    private static final class LocalClock {
        private final Path file;
        private final ZoneId zone;
        private String hourText = "";
        private long hourEpochMs;

        LocalClock(Path file, ZoneId zone) {
            this.file = file;
            this.zone = zone;
        }

        long epochMs(long line, String text) {
            if (!shaped(text)) {
                throw bad(line, text);
            }
            if (!text.regionMatches(0, hourText, 0, 13)) {
                try {
                    hourEpochMs = LocalDateTime.of(
                                    digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), 0)
                            .atZone(zone)
                            .toInstant()
                            .toEpochMilli();
                } catch (DateTimeException e) {
                    throw bad(line, text);
                }
                hourText = text;
            }
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (minute > 59 || second > 59) {
                throw bad(line, text);
            }
            int millis = 0;
            for (int i = 20; i < 23; i++) {
                millis = millis * 10 + (i < text.length() ? text.charAt(i) - '0' : 0);
            }
            return hourEpochMs + minute * 60_000L + second * 1000L + millis;
        }

        /** Digits and separators where they belong; 1 to 9 fraction digits after a dot, or none. */
        private static boolean shaped(String s) {
            if (s.length() < 19 || s.length() == 20 || s.length() > 29) {
                return false;
            }
            String pattern = "dddd/dd/dd dd:dd:dd";
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char want = i < 19 ? pattern.charAt(i) : i == 19 ? '.' : 'd';
                if (want == 'd' ? c < '0' || c > '9' : c != want) {
                    return false;
                }
            }
            return true;
        }

        private static int digits(String s, int from, int count) {
            int v = 0;
            for (int i = from; i < from + count; i++) {
                v = v * 10 + s.charAt(i) - '0';
            }
            return v;
        }

        private BadInputException bad(long line, String text) {
            return new BadInputException(file + ":" + line + ": timestamp \"" + text + "\" is not nvidia-smi's "
                    + "yyyy/MM/dd HH:mm:ss.SSS (or without milliseconds), local time in " + zone);
        }
    }
}
