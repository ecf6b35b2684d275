package dev.chikuden.market;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import dev.chikuden.trace.TextEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JEPX day-ahead spot file {@code spot_summary_YYYY.csv} as published: Shift-JIS (CP932)
 * or a UTF-8 re-save, a header row, then one row per delivery day (受渡日) and slot code (時刻コード
 * 1-48, slot k starting at (k-1) x 30 min JST), one price column per area. Dates may lack zero
 * padding; blank rows are skipped; a missing day leaves its slots without a price. A malformed
 * row is an error naming the file and line.
 */
public final class JepxSpotCsv {
    /** English area names, in the column order of the JEPX file, and their Japanese names. */
    public static final Map<String, String> AREAS = areas();

    private static final String PRICE_PREFIX = "エリアプライス";

    private JepxSpotCsv() {}

    /**
     * The prices of {@code area}: an English name ({@code kansai}), the Japanese name (関西) or
     * the full column name.
     */
    public static PriceSeries read(Path file, String area) {
        return read(file, area, false);
    }

    /**
     * The highest price a JEPX spot file can hold, yen/kWh: far above the market's record (251 yen in
     * January 2021), below any volume or a price in yen/MWh, which a swapped column would give.
     */
    public static final double MAX_YEN_PER_KWH = 1000;

    /**
     * As {@link #read(Path, String)}; prices below 0 are errors unless {@code allowNegative} (JEPX
     * clears at 0.01 yen/kWh at least; a market with negative prices may allow them).
     */
    public static PriceSeries read(Path file, String area, boolean allowNegative) {
        try (CsvReader<CsvRecord> reader = open(file)) {
            var it = reader.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(file + ": the file is empty; expected a JEPX spot_summary file");
            }
            CsvRecord header = it.next();
            if (header.getFieldCount() < 3) { // each row's date and slot code are read before its price
                throw new BadInputException(file + ": the header has " + header.getFieldCount()
                        + " field(s); expected a JEPX spot_summary file (delivery date, slot code, prices)");
            }
            int col = areaColumn(file, header, area);
            return rows(file, it, header, 0, 1, canonical(header.getField(col)), (line, row) -> {
                double p = CsvFiles.finiteNumber(
                        file,
                        line,
                        header.getField(col) + " value",
                        row.getField(col).trim(),
                        "a price; expected a number of yen/kWh such as 9.74");
                if (p > MAX_YEN_PER_KWH || (p < 0 && !allowNegative) || p < -MAX_YEN_PER_KWH) {
                    throw new BadInputException(file + ":" + line + ": " + header.getField(col) + " value \""
                            + row.getField(col).trim() + "\" is outside "
                            + (allowNegative ? "-" + (long) MAX_YEN_PER_KWH : "0")
                            + ".." + (long) MAX_YEN_PER_KWH + " yen/kWh"
                            + (p < 0
                                    ? " (JEPX has no negative prices; allow them where a market has them)"
                                    : " (a volume or a price in yen/MWh in the price column?)"));
                }
                return p;
            });
        } catch (CsvParseException e) {
            throw new BadInputException(file + ": not valid CSV: " + CsvFiles.parseProblem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's price, NaN where it has none; bad values are errors naming the file and line. */
    interface RowPrice {
        double of(long line, CsvRecord row);
    }

    /**
     * The rows after {@code header} as a series: each row's slot from its date and slot-code columns,
     * its price by {@code price}. Blank rows (spreadsheet re-saves) are skipped; a row of another
     * length than the header is an error.
     */
    static PriceSeries rows(
            Path file,
            java.util.Iterator<CsvRecord> it,
            CsvRecord header,
            int dateColumn,
            int slotColumn,
            String name,
            RowPrice price) {
        long[] slotMs = new long[17_568];
        double[] prices = new double[17_568];
        long[] lines = new long[17_568];
        int n = 0;
        while (it.hasNext()) {
            CsvRecord row = it.next();
            if (row.getFields().stream().allMatch(String::isBlank)) {
                continue; // trailing ",,,," rows of spreadsheet re-saves
            }
            long line = row.getStartingLineNumber();
            if (row.getFieldCount() != header.getFieldCount()) {
                throw new BadInputException(file + ":" + line + ": the row has " + row.getFieldCount()
                        + " fields where the header has " + header.getFieldCount()
                        + " (a decimal comma or a lost field?)");
            }
            if (n == slotMs.length) {
                slotMs = Arrays.copyOf(slotMs, n * 2);
                prices = Arrays.copyOf(prices, n * 2);
                lines = Arrays.copyOf(lines, n * 2);
            }
            slotMs[n] = slotStart(
                    file,
                    line,
                    row.getField(dateColumn).trim(),
                    row.getField(slotColumn).trim());
            prices[n] = price.of(line, row);
            lines[n] = line;
            n++;
        }
        if (n == 0) {
            throw new BadInputException(file + ": has a header but no price rows");
        }
        return series(file, name, slotMs, prices, lines, n);
    }

    /** Rows' slots and prices as a series from the first slot to the last; each slot once, the rest NaN. */
    static PriceSeries series(Path file, String area, long[] slotMs, double[] price, long[] lines, int n) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            first = Math.min(first, slotMs[i]);
            last = Math.max(last, slotMs[i]);
        }
        long slots = (last - first) / PriceSeries.SLOT_MS + 1;
        if (slots > 50L * 17_568) {
            throw new BadInputException(
                    file + ": the dates span " + slots / 48 + " days; one file holds a fiscal year");
        }
        double[] out = new double[(int) slots];
        long[] lineOf = new long[(int) slots];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; i++) {
            int k = (int) ((slotMs[i] - first) / PriceSeries.SLOT_MS);
            if (lineOf[k] != 0) {
                throw new BadInputException(file + ":" + lines[i] + ": the slot of this row is already on line "
                        + lineOf[k] + "; each day and slot code may appear once");
            }
            lineOf[k] = lines[i];
            out[k] = price[i];
        }
        return new PriceSeries(area, first, out);
    }

    /** Delivery date {@code 2023/04/01}, {@code 2023/4/1} or {@code 2023-04-01}, and slot code 1-48. */
    static long slotStart(Path file, long line, String date, String code) {
        String[] ymd = date.split("[/-]");
        LocalDate day = null;
        if (ymd.length == 3) {
            try {
                day = LocalDate.of(
                        Integer.parseInt(ymd[0].trim()),
                        Integer.parseInt(ymd[1].trim()),
                        Integer.parseInt(ymd[2].trim()));
            } catch (NumberFormatException | DateTimeException ignored) {
                // reported below
            }
        }
        if (day == null || day.getYear() < 1970 || day.getYear() > 9999) { // far years overflow epoch ms
            throw new BadInputException(file + ":" + line + ": delivery date \"" + date
                    + "\" is not a date from 1970 to 9999; expected e.g. 2023/04/01 or 2023/4/1");
        }
        int k;
        try {
            k = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            k = 0;
        }
        if (k < 1 || k > 48) {
            throw new BadInputException(file + ":" + line + ": slot code \"" + code
                    + "\" is not a whole number from 1 to 48 (slot k starts at (k-1) x 30 min JST)");
        }
        return day.atStartOfDay(PriceSeries.JST).toInstant().toEpochMilli() + (k - 1) * PriceSeries.SLOT_MS;
    }

    private static int areaColumn(Path file, CsvRecord header, String area) {
        String wanted = area.trim();
        String japanese = AREAS.getOrDefault(wanted.toLowerCase(Locale.ROOT), wanted);
        for (int i = 0; i < header.getFieldCount(); i++) {
            String h = header.getField(i).trim();
            if (h.equals(wanted) || h.startsWith(PRICE_PREFIX + japanese + "(")) {
                return i;
            }
        }
        throw new BadInputException(file + ":1: no price column for area \"" + area + "\"; allowed: "
                + String.join(", ", AREAS.keySet()) + " (or the Japanese names " + String.join(" ", AREAS.values())
                + ", or a full column name)");
    }

    /** {@code エリアプライス関西(円/kWh)} -> {@code kansai}; other columns keep their name. */
    private static String canonical(String column) {
        for (Map.Entry<String, String> e : AREAS.entrySet()) {
            if (column.trim().startsWith(PRICE_PREFIX + e.getValue() + "(")) {
                return e.getKey();
            }
        }
        return column.trim();
    }

    /**
     * A JEPX file as CSV records: UTF-8 when the bytes are valid UTF-8 (a re-save; BOM dropped), else
     * CP932 as published ({@link TextEncoding}); empty lines skipped, rows of another length than the
     * header passed on to be refused with their line.
     */
    static CsvReader<CsvRecord> open(Path file) {
        return CsvReader.builder()
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(TextEncoding.readString(file));
    }

    private static Map<String, String> areas() {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> en =
                List.of("hokkaido", "tohoku", "tokyo", "chubu", "hokuriku", "kansai", "chugoku", "shikoku", "kyushu");
        List<String> ja = List.of("北海道", "東北", "東京", "中部", "北陸", "関西", "中国", "四国", "九州");
        for (int i = 0; i < en.size(); i++) {
            m.put(en.get(i), ja.get(i));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
