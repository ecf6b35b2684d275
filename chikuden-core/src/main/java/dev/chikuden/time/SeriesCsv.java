package dev.chikuden.time;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.chikuden.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and writes fixed-step series as CSV: a header row, a timestamp column first (ISO-8601,
 * with an offset or {@code Z}; without one, local time in the given zone), then value columns.
 * Lines starting with {@code #} are comments. A file must be strictly fixed-step: a gap or an
 * irregular step is reported with its line, never filled in silently.
 */
public final class SeriesCsv {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SeriesCsv() {}

    /** The column named {@code column} (or the first value column when null) of {@code file}. */
    public static FixedStepSeries read(Path file, String column, ZoneId zone) {
        return CsvFiles.read(file, it -> {
            CsvRecord header = header(file, it);
            int col = valueColumn(file, header, column);
            long start = 0;
            long step = 0;
            long previous = 0;
            double[] values = new double[1024];
            int n = 0;
            while (it.hasNext()) {
                CsvRecord row = it.next();
                long line = row.getStartingLineNumber();
                if (row.getFieldCount() <= col) {
                    throw new BadInputException(file + ":" + line + ": the row has " + row.getFieldCount()
                            + " fields; column \"" + header.getField(col) + "\" is field " + (col + 1));
                }
                long t = parseTime(file, line, row.getField(0).trim(), zone);
                double v = CsvFiles.finiteNumber(
                        file,
                        line,
                        "column \"" + header.getField(col) + "\" value",
                        row.getField(col).trim(),
                        "a finite number");
                if (n == 0) {
                    start = t;
                } else if (n == 1) {
                    step = t - previous;
                    if (step <= 0) {
                        throw new BadInputException(file + ":" + line + ": timestamp " + row.getField(0)
                                + " does not come after the one before; rows must be in time order");
                    }
                } else if (t - previous != step) {
                    String what = t - previous > step && (t - previous) % step == 0
                            ? "a gap of " + ((t - previous) / step - 1) + " missing step(s)"
                            : "a step of " + (t - previous) + " ms where the file's step is " + step + " ms";
                    throw new BadInputException(file + ":" + line + ": " + what + " before timestamp " + row.getField(0)
                            + "; the series must be fixed-step and complete");
                }
                previous = t;
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                values[n++] = v;
            }
            if (n < 2) {
                throw new BadInputException(
                        file + ": has " + n + " data row(s); a series needs at least two " + "to define its step");
            }
            return new FixedStepSeries(start, step, java.util.Arrays.copyOf(values, n));
        });
    }

    /**
     * The name in the header of the column {@link #read} takes: {@code column}, or the first value
     * column when null. Reads the header only.
     */
    public static String valueColumnName(Path file, String column) {
        return CsvFiles.read(file, it -> {
            CsvRecord header = header(file, it);
            return header.getField(valueColumn(file, header, column)).trim();
        });
    }

    /** The header's value column names (after the timestamp), trimmed, and the header's line. */
    public record Columns(long line, List<String> names) {}

    /** The value columns {@link #read} may take. Reads the header only. */
    public static Columns columns(Path file) {
        return CsvFiles.read(file, it -> {
            CsvRecord header = header(file, it);
            valueColumn(file, header, null); // a header without a value column is reported as read() reports it
            return new Columns(
                    header.getStartingLineNumber(),
                    header.getFields().subList(1, header.getFieldCount()).stream()
                            .map(String::trim)
                            .toList());
        });
    }

    private static CsvRecord header(Path file, Iterator<CsvRecord> it) {
        if (!it.hasNext()) {
            throw new BadInputException(file + ": the file is empty; expected a header row "
                    + "\"timestamp,<column>\" and at least two data rows");
        }
        return it.next();
    }

    /** Writes {@code series} side by side; they must share start, step and size. */
    public static void write(Path file, ZoneId zone, List<String> names, List<FixedStepSeries> series) {
        if (names.size() != series.size() || series.isEmpty()) {
            throw new IllegalArgumentException("one name per series, at least one series");
        }
        FixedStepSeries first = series.get(0);
        for (FixedStepSeries s : series) {
            if (s.startEpochMs() != first.startEpochMs() || s.stepMs() != first.stepMs() || s.size() != first.size()) {
                throw new IllegalArgumentException("series differ in start, step or size: " + s + " vs " + first);
            }
        }
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file)) {
            List<String> header = new ArrayList<>();
            header.add("timestamp");
            header.addAll(names);
            w.writeRecord(header);
            for (int i = 0; i < first.size(); i++) {
                var rec = w.writeRecord().writeField(formatTime(first.epochMsAt(i), zone));
                for (FixedStepSeries s : series) {
                    rec.writeField(Double.toString(s.get(i)));
                }
                rec.endRecord();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String formatTime(long epochMs, ZoneId zone) {
        return OUT.format(Instant.ofEpochMilli(epochMs).atZone(zone).toOffsetDateTime());
    }

    static long parseTime(Path file, long line, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // fall through: no offset
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'))
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadInputException(file + ":" + line + ": timestamp \"" + text + "\" is not ISO-8601; "
                    + "expected e.g. 2025-04-01T00:00:00+09:00 or 2025-04-01 00:00:00 (local time in " + zone + ")");
        }
    }

    private static int valueColumn(Path file, CsvRecord header, String column) {
        if (header.getFieldCount() < 2) {
            throw new BadInputException(file + ":" + header.getStartingLineNumber() + ": header \""
                    + String.join(",", header.getFields()) + "\" needs a timestamp column and a value column");
        }
        if (column == null) {
            return 1;
        }
        for (int i = 1; i < header.getFieldCount(); i++) {
            if (header.getField(i).trim().equals(column)) {
                return i;
            }
        }
        throw new BadInputException(file + ":" + header.getStartingLineNumber() + ": no column \"" + column
                + "\"; the header has " + header.getFields().subList(1, header.getFieldCount()));
    }
}
