package dev.chikuden.trace;

import dev.chikuden.BadInputException;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of measured series: power traces, nvidia-smi logs, meter exports of interval
 * energy and weather files. It decides encoding ({@link TextEncoding}), delimiter, header (the row
 * above the first data row; rows above that with the same number of fields join its names, as in
 * the Japan Meteorological Agency's downloads, and shorter rows above are a preamble, skipped and
 * reported), the time columns ({@link TimeColumns}), the format, the value column and its unit,
 * and reports every decision in a {@link TraceInput}; {@link TraceOptions} overrides each.
 *
 * <p>The value column, when not named: the only numeric column that is not time or an index;
 * else {@code gridKw} (plan's result files); else the only one whose header names a unit of the
 * kind read; else an error listing them. Samples must come in time order; a step longer than the
 * gap limit is an error unless the options bridge gaps.
 */
public final class TraceReader {
    /** Rows read before deciding the layout. */
    private static final int DETECT_ROWS = 400;
    /** Rows above the first data row that may join into its header. */
    private static final int HEADER_ROWS = 3;
    /** No power outside this, in kW (1 TW): a value past it is a unit or column mistake. */
    static final double MAX_KW = 1e9;
    /** No value read as written outside this. */
    private static final double MAX_VALUE = 1e12;

    private TraceReader() {}

    /** Reads {@code file} as {@code options} say. */
    public static Trace read(Path file, TraceOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (size > SeriesLimit.bytes()) {
            throw new BadInputException(
                    file + ": is " + size + " bytes, more than a series file may have " + SeriesLimit.described());
        }
        TextEncoding encoding = options.encoding() != null ? options.encoding() : TextEncoding.of(file);
        try (CsvRows rows = new CsvRows(file, encoding)) {
            return new Reading(file, options, encoding, rows).read();
        }
    }

    /** One file being read. */
    private static final class Reading {
        private final Path file;
        private final TraceOptions options;
        private final TextEncoding encoding;
        private final CsvRows rows;
        private final List<String> notes = new ArrayList<>();
        private String[] names;
        private TimeColumns time;
        private int valueColumn = -1;
        private TraceFormat format;
        private String unit;
        private String unitFrom;
        private double factor = 1;
        private int gpuColumn = -1;
        private boolean jma;
        /** ":line" of the header row, for messages about columns; empty when the option names them. */
        private String headerAt = "";

        // the rows' times, values and lines (GPU rows for nvidia-smi)
        private long[] t = new long[4096];
        private double[] v = new double[4096];
        private int[] lines = new int[4096];
        private int[] gpu;
        private int n;
        private long rowCount;
        private long missing;
        private long firstMissingLine = -1;
        private long footerFrom = -1;
        private long footerRows;
        private long blanksAsZero;

        Reading(Path file, TraceOptions options, TextEncoding encoding, CsvRows rows) {
            this.file = file;
            this.options = options;
            this.encoding = encoding;
            this.rows = rows;
        }

        Trace read() {
            List<CsvRows.Row> first = new ArrayList<>();
            for (CsvRows.Row r; first.size() < DETECT_ROWS && (r = rows.next()) != null; ) {
                first.add(r);
            }
            if (first.isEmpty()) {
                throw new BadInputException(file + ": the file is empty; expected a header row and data rows");
            }
            int data = layout(first);
            decideYearLast(first, data);
            chooseValue(first.get(data));
            if (format == TraceFormat.NVIDIA_SMI) {
                gpu = new int[t.length];
            }
            for (int i = data; i < first.size(); i++) {
                row(first.get(i));
            }
            for (CsvRows.Row r; (r = rows.next()) != null; ) {
                row(r);
            }
            if (footerFrom >= 0) {
                notes.add("ignored " + footerRows + " line(s) after the data from line " + footerFrom
                        + " (no time in them)");
            }
            if (blanksAsZero > 0) {
                notes.add(blanksAsZero + " blank value(s) read as 0");
            }
            if (missing > 0) {
                notes.add(missing + " missing value(s) (blank, - or N/A), the first on line " + firstMissingLine
                        + "; the sample before holds");
            }
            return format == TraceFormat.NVIDIA_SMI ? nvidiaSmi() : samples();
        }

        /** Finds the first data row and the header above it; returns the data row's index. */
        private int layout(List<CsvRows.Row> first) {
            for (int i = 0; i < first.size(); i++) {
                String[] cells = first.get(i).cells();
                String[] above = options.header() != null
                        ? options.header().toArray(String[]::new)
                        : i > 0 ? headerNames(first, i) : null;
                TimeColumns tc =
                        TimeColumns.detect(cells, above, options.zone(), file, timeColumn(above, first.get(i)));
                if (tc == null || !hasValue(cells, tc)) {
                    continue;
                }
                if (i == 0 && options.header() == null) {
                    throw new BadInputException(file + ":" + first.get(0).line() + ": the file has no header row (line "
                            + first.get(0).line() + " is data); name its columns with the header option, e.g. "
                            + "header: [timestamp, power_kw] (--header timestamp,power_kw)");
                }
                names = above;
                time = tc;
                headerAt = i > 0 && options.header() == null
                        ? ":" + first.get(i - 1).line()
                        : "";
                int headerRows = options.header() != null ? 0 : headerRowCount(first, i);
                int preamble = i - headerRows;
                if (preamble > 0) {
                    jma = first.get(0).cell(0).startsWith("ダウンロードした時刻");
                    notes.add("skipped " + preamble + " line(s) before the header (lines "
                            + first.get(0).line() + "-"
                            + first.get(preamble - 1).line() + ")");
                }
                if (options.header() != null && i > 0) {
                    notes.add("the header option names the columns; lines above line "
                            + first.get(i).line() + " skipped");
                }
                return i;
            }
            CsvRows.Row r = first.get(Math.min(first.size() - 1, 1));
            if (options.timeColumn() != null) {
                throw new BadInputException(file + ": no column \"" + options.timeColumn() + "\" holding a time in the "
                        + "first " + first.size() + " rows; the time column option names the column whose header has "
                        + "that name and whose cells hold a date-time, a date (and a time after it) or epoch seconds");
            }
            throw new BadInputException(file + ":" + r.line() + ": no data row with a time found in the first "
                    + first.size() + " rows (e.g. \"" + String.join(",", r.cells()) + "\"); a trace needs a time "
                    + "column: ISO-8601 (2025-07-27T00:22:27+09:00), slash dates (2025/07/27 00:22:27.858), "
                    + "Excel-style (2025-07-27 0:22), date and time columns, epoch seconds or ms");
        }

        /** The column {@code timeColumn} names among {@code names}, or -1 when the option is not given. */
        private int timeColumn(String[] names, CsvRows.Row row) {
            String wanted = options.timeColumn();
            if (wanted == null) {
                return -1;
            }
            if (names != null) {
                for (int c = 0; c < names.length; c++) {
                    if (names[c].equals(wanted)
                            || names[c].equalsIgnoreCase(wanted)
                            || names[c].endsWith(" " + wanted)) {
                        return c;
                    }
                }
            }
            return TimeColumns.NOWHERE; // not in this row's header: no time here; reported when no row has one
        }

        private boolean hasValue(String[] cells, TimeColumns tc) {
            for (int c = 0; c < cells.length; c++) {
                if (!tc.isTimeColumn(c)
                        && (TimeColumns.isNumber(cells[c]) || Numbers.isMissing(cells[c]))
                        && !cells[c].isEmpty()) {
                    return true;
                }
            }
            return tc.layout == TimeColumns.Layout.DAY_ROW;
        }

        private static int headerRowCount(List<CsvRows.Row> first, int data) {
            int width = first.get(data).cells().length;
            int k = 0;
            while (k < HEADER_ROWS
                    && data - k - 1 >= 0
                    && first.get(data - k - 1).cells().length == width) {
                k++;
            }
            return Math.max(1, k);
        }

        /** The names of the columns: the header rows' cells joined top to bottom. */
        private static String[] headerNames(List<CsvRows.Row> first, int data) {
            int k = headerRowCount(first, data);
            int width = first.get(data - 1).cells().length;
            String[] out = new String[Math.max(width, first.get(data).cells().length)];
            for (int c = 0; c < out.length; c++) {
                StringBuilder sb = new StringBuilder();
                for (int r = data - k; r < data; r++) {
                    String cell = first.get(r).cell(c);
                    if (!cell.isEmpty() && !sb.toString().equals(cell)) {
                        sb.append(sb.length() > 0 ? " " : "").append(cell);
                    }
                }
                out[c] = sb.toString();
            }
            return out;
        }

        private void decideYearLast(List<CsvRows.Row> first, int data) {
            TimeText text = new TimeText();
            boolean dayFirst = false;
            for (int i = data; i < first.size(); i++) {
                text.parse(TimeColumns.cell(first.get(i).cells(), time.column), false);
                if (text.yearLastWithFirstAbove12()) {
                    dayFirst = true;
                    break;
                }
                if (text.yearLastWithSecondAbove12()) {
                    break;
                }
            }
            time.dayFirst = dayFirst;
            if (time.layout == TimeColumns.Layout.DATE_AND_SLOT) {
                int max = 0;
                for (int i = data; i < first.size(); i++) {
                    String s = TimeColumns.cell(first.get(i).cells(), time.second);
                    max = TimeColumns.isInteger(s) && s.length() < 4 ? Math.max(max, Integer.parseInt(s)) : max;
                }
                time.slotsPerDay = max <= 24 ? 24 : max <= 48 ? 48 : 96;
            }
            if (time.layout == TimeColumns.Layout.DAY_ROW) {
                time.checkSlots(first.get(data).line());
            }
        }

        /** Decides format, value column and unit. */
        private void chooseValue(CsvRows.Row data) {
            ValueColumn c = ValueColumn.choose(file, headerAt, names, time, options, data.cells());
            format = c.format;
            valueColumn = c.column;
            gpuColumn = c.gpuColumn;
            unit = c.unit;
            unitFrom = c.unitFrom;
            factor = c.factor;
            notes.addAll(c.notes);
        }

        /** Reads one data row (or, after the data, a footer line). */
        private void row(CsvRows.Row r) {
            String[] cells = r.cells();
            rowCount++;
            ragged(r);
            if (time.layout == TimeColumns.Layout.DAY_ROW) {
                for (int s = 0; s < time.slotsPerDay; s++) {
                    long at;
                    try {
                        at = time.epochMs(cells, names, r.line(), s);
                    } catch (BadInputException e) {
                        footer(r, e);
                        return;
                    }
                    value(r, cells, time.second + s, at);
                }
                return;
            }
            long at;
            try {
                at = time.epochMs(cells, names, r.line(), 0);
            } catch (BadInputException e) {
                footer(r, e);
                return;
            }
            if (footerFrom >= 0) {
                // why that row's time is unreadable (its message names file and line), then why it is no footer
                throw new BadInputException(footerError.getMessage() + "; a row without a readable time among the "
                        + "data (line " + r.line() + " has one again)");
            }
            value(r, cells, valueColumn, at);
        }

        /** A row with a value beyond the named columns, or without the value column, is an error, never cut or padded. */
        private void ragged(CsvRows.Row r) {
            String[] cells = r.cells();
            int named = names == null ? cells.length : names.length;
            for (int c = named; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    throw new BadInputException(file + ":" + r.line() + ": the row has " + cells.length + " fields, \""
                            + cells[c] + "\" in field " + (c + 1) + " beyond the " + named + " the header names");
                }
            }
            int needed = time.layout == TimeColumns.Layout.DAY_ROW ? time.second + time.slotsPerDay : valueColumn + 1;
            if (cells.length < needed && footerFrom < 0 && hasTime(cells)) {
                throw new BadInputException(file + ":" + r.line() + ": the row has " + cells.length + " fields; the "
                        + "values are in field " + needed);
            }
        }

        private boolean hasTime(String[] cells) {
            try {
                time.epochMs(cells, names, 0, 0);
                return true;
            } catch (BadInputException e) {
                return false;
            }
        }

        /** A row whose time does not read: the start of a footer, unless data follow it. */
        private void footer(CsvRows.Row r, BadInputException e) {
            if (footerFrom < 0) {
                footerFrom = r.line();
                footerError = e;
            }
            footerRows++;
            rowCount--;
        }

        private BadInputException footerError;

        private void value(CsvRows.Row r, String[] cells, int column, long at) {
            if (footerFrom >= 0) {
                throw footerError;
            }
            String text = TimeColumns.cell(cells, column);
            Double x = text.isEmpty() && options.blankIsZero() ? Double.valueOf(0) : Numbers.parse(text);
            blanksAsZero += text.isEmpty() && options.blankIsZero() ? 1 : 0;
            if (x == null) {
                if (!Numbers.isMissing(text)) {
                    String name = names != null && column < names.length ? names[column] : "column " + (column + 1);
                    throw new BadInputException(
                            file + ":" + r.line() + ": \"" + name + "\" value \"" + text + "\" is not a number");
                }
                missing++;
                firstMissingLine = firstMissingLine < 0 ? r.line() : firstMissingLine;
                if (format != TraceFormat.NVIDIA_SMI) {
                    return; // the sample before holds across the hole
                }
            }
            double value = x == null ? Double.NaN : x * factor;
            double limit = format == TraceFormat.VALUES ? MAX_VALUE : MAX_KW;
            if (Math.abs(value) > limit) {
                String name = names != null && column < names.length ? names[column] : "column " + (column + 1);
                throw new BadInputException(file + ":" + r.line() + ": \"" + name + "\" value \"" + text + "\" is "
                        + "outside the physical range (|value| up to "
                        + (format == TraceFormat.VALUES ? "1e12" : "1e9 kW") + "); check the unit and the column");
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                v = Arrays.copyOf(v, n * 2);
                lines = Arrays.copyOf(lines, n * 2);
                if (gpu != null) {
                    gpu = Arrays.copyOf(gpu, n * 2);
                }
            }
            if (gpu != null) {
                gpu[n] = gpuOf(cells, r.line());
            }
            t[n] = at;
            v[n] = value;
            lines[n++] = (int) Math.min(Integer.MAX_VALUE, r.line());
        }

        private final java.util.Map<String, Integer> gpuIds = new java.util.HashMap<>();

        private int gpuOf(String[] cells, long line) {
            if (gpuColumn < 0) {
                return -1;
            }
            String id = TimeColumns.cell(cells, gpuColumn);
            if (names[gpuColumn].toLowerCase(Locale.ROOT).contains("index")
                    || names[gpuColumn].equalsIgnoreCase("gpu")) {
                if (!TimeColumns.isInteger(id) || id.length() > 4) {
                    throw new BadInputException(file + ":" + line + ": \"" + names[gpuColumn] + "\" value \"" + id
                            + "\" is not a GPU index (0, 1, ...)");
                }
                return Integer.parseInt(id);
            }
            return gpuIds.computeIfAbsent(id, k -> gpuIds.size());
        }

        /** The rows as samples: time order checked, end labels moved to starts, energy made power. */
        private Trace samples() {
            if (n < 2) {
                throw new BadInputException(file + ": has " + n + " sample(s); a trace needs at least two");
            }
            long[] time = Arrays.copyOf(t, n);
            double[] value = Arrays.copyOf(v, n);
            int[] line = Arrays.copyOf(lines, n);
            for (int i = 1; i < n; i++) {
                if (time[i] <= time[i - 1]) {
                    throw new BadInputException(file + ":" + line[i] + ": the time "
                            + (time[i] == time[i - 1] ? "repeats that of" : "comes before that of") + " line "
                            + line[i - 1] + "; rows must be in time order, one per instant");
                }
            }
            return finish(time, value, line, n);
        }

        private Trace finish(long[] time, double[] value, int[] line, long samples) {
            long[] steps = new long[time.length - 1];
            for (int i = 1; i < time.length; i++) {
                steps[i - 1] = time[i] - time[i - 1];
            }
            long[] sorted = steps.clone();
            Arrays.sort(sorted);
            long median = sorted[sorted.length / 2];
            long p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)];
            long max = sorted[sorted.length - 1];
            boolean endLabels = options.endLabels() != null ? options.endLabels() : this.time.sawHour24 || jma;
            if (endLabels) {
                for (int i = 0; i < time.length; i++) {
                    time[i] -= median;
                }
                notes.add("time stamps label the end of each interval"
                        + (options.endLabels() != null ? "" : this.time.sawHour24 ? " (24:00 seen)" : " (JMA download)")
                        + "; moved to the start");
            }
            if (format == TraceFormat.ENERGY) {
                double perHour = 3_600_000.0 / median;
                for (int i = 0; i < value.length; i++) {
                    value[i] *= perHour;
                }
                notes.add(unit + " per " + Quantities.formatDuration(median / 1000.0)
                        + " interval, as average power in kW");
            }
            long limit = options.gapLimitMs() != null ? options.gapLimitMs() : TraceOptions.GAP_MEDIANS * median;
            long gaps = 0;
            int firstGap = -1;
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] > limit) {
                    firstGap = gaps++ == 0 ? i + 1 : firstGap;
                }
            }
            GapPolicy policy = options.gaps() == null ? GapPolicy.ERROR : options.gaps();
            if (gaps > 0 && policy == GapPolicy.ERROR) {
                throw new BadInputException(file + ":" + line[firstGap] + ": a gap of "
                        + Quantities.formatDuration(steps[firstGap - 1] / 1000.0) + " after line "
                        + line[firstGap - 1] + ", longer than the gap limit of "
                        + Quantities.formatDuration(limit / 1000.0)
                        + (options.gapLimitMs() == null
                                ? " (" + TraceOptions.GAP_MEDIANS + " median steps of "
                                        + Quantities.formatDuration(median / 1000.0) + ")"
                                : "")
                        + "; " + gaps + " gap(s) in all. Bridge them with gaps: hold or linear (--gaps), "
                        + "raise the limit (gapLimit, --gap-limit), or cut the file");
            }
            String column = format == TraceFormat.NVIDIA_SMI
                            || time.length == 0
                            || this.time.layout != TimeColumns.Layout.DAY_ROW
                    ? names[valueColumn]
                    : "(" + this.time.slotsPerDay + " interval columns)";
            TraceInput input = new TraceInput(
                    file.toString(),
                    format.key(),
                    encoding.label()
                            + (rows.delimiter == ','
                                    ? ""
                                    : rows.delimiter == '\t' ? ", tab-separated" : ", ;-separated"),
                    this.time.describe(names),
                    column,
                    format == TraceFormat.VALUES ? null : unit,
                    unitFrom,
                    rowCount,
                    samples,
                    median,
                    p99,
                    max,
                    gaps,
                    limit,
                    policy.key(),
                    List.copyOf(notes));
            return new Trace(time, value, line, median, options, input);
        }

        private Trace nvidiaSmi() {
            GpuPolls.Polls p = new GpuPolls(
                            file,
                            t,
                            v,
                            lines,
                            gpuColumn >= 0 ? gpu : null,
                            n,
                            options.gpus(),
                            gpuColumn >= 0 ? names[gpuColumn] : null)
                    .group();
            notes.addAll(p.notes());
            return finish(p.epochMs(), p.kw(), p.lines(), p.epochMs().length);
        }
    }
}
