package dev.chikuden.time;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Streams one numeric column of a CSV file (a header row, {@code #} comment lines allowed) without
 * holding it in memory, for any series whose time stamps do not matter (cycle counting, say).
 * A malformed value is reported with file, line, column and value.
 */
public final class CsvColumn {
    /** Column names taken for time, never for values, when no column is named. */
    private static final List<String> TIME_COLUMNS = List.of("timestamp", "time", "time_s");

    private CsvColumn() {}

    /**
     * Passes every value of the column named {@code column} (when null, the first column not
     * named timestamp, time or time_s, in any case) to {@code sink}; returns how many there were.
     */
    public static long read(Path file, String column, DoubleConsumer sink) {
        return CsvFiles.read(file, it -> {
            if (!it.hasNext()) {
                throw new BadInputException(file + ": the file is empty; expected a header row");
            }
            CsvRecord header = it.next();
            int col = valueColumn(file, header, column);
            String name = header.getField(col).trim();
            long n = 0;
            while (it.hasNext()) {
                CsvRecord row = it.next();
                long line = row.getStartingLineNumber();
                if (row.getFieldCount() <= col) {
                    throw new BadInputException(file + ":" + line + ": the row has " + row.getFieldCount()
                            + " fields; column \"" + name + "\" is field " + (col + 1));
                }
                sink.accept(CsvFiles.finiteNumber(
                        file,
                        line,
                        "column \"" + name + "\" value",
                        row.getField(col).trim(),
                        "a finite number"));
                n++;
            }
            return n;
        });
    }

    private static int valueColumn(Path file, CsvRecord header, String column) {
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).trim();
            if (column == null ? !TIME_COLUMNS.contains(name.toLowerCase(Locale.ROOT)) : name.equals(column)) {
                return i;
            }
        }
        throw new BadInputException(file + ":" + header.getStartingLineNumber() + ": "
                + (column == null ? "no value column" : "no column \"" + column + "\"")
                + "; the header has " + header.getFields());
    }
}
