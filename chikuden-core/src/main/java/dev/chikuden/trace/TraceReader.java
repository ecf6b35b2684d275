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
                TimeColumns tc = TimeColumns.detect(cells, above, options.zone(), file);
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
            throw new BadInputException(file + ":" + r.line() + ": no data row with a time found in the first "
                    + first.size() + " rows (e.g. \"" + String.join(",", r.cells()) + "\"); a trace needs a time "
                    + "column: ISO-8601 (2025-07-27T00:22:27+09:00), slash dates (2025/07/27 00:22:27.858), "
                    + "Excel-style (2025-07-27 0:22), date and time columns, epoch seconds or ms");
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
            String[] cells = data.cells();
            format = options.format();
            gpuColumn = gpuColumn();
            int powerDraw = powerDrawColumn();
            if (format == null) {
                format = options.kind() == TraceOptions.Kind.VALUES
                        ? TraceFormat.VALUES
                        : powerDraw >= 0 || gpuColumn >= 0 ? TraceFormat.NVIDIA_SMI : null;
            }
            if (format == TraceFormat.NVIDIA_SMI && options.column() == null && powerDraw >= 0) {
                valueColumn = powerDraw;
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
                valueColumn = time.second;
            } else {
                valueColumn = options.column() != null ? named(options.column()) : pick(cells);
            }
            String header = time.layout == TimeColumns.Layout.DAY_ROW ? "" : names[valueColumn];
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

        /** Reads one data row (or, after the data, a footer line). */
        private void row(CsvRows.Row r) {
            String[] cells = r.cells();
            rowCount++;
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
                throw new BadInputException(file + ":" + footerFrom + ": a row without a readable time among the data "
                        + "(line " + r.line() + " has one again)");
            }
            value(r, cells, valueColumn, at);
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
            Double x = Numbers.parse(text);
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

        /**
         * GPU rows as polls: one row per GPU, in GPU order; a poll ends where the order starts
         * again. A GPU row missing from a poll, or unreadable, holds that GPU's last value.
         */
        private Trace nvidiaSmi() {
            if (n < 2) {
                throw new BadInputException(file + ": has " + n + " GPU row(s); a log needs at least two polls");
            }
            int gpus = options.gpus() != null ? options.gpus() : gpuCount();
            if (gpus < 1 || gpus > 1024) {
                throw new BadInputException(file + ": " + gpus + " GPUs per poll; expected 1 to 1024");
            }
            long period = pollPeriod(gpus);
            long[] pollTime = new long[n];
            double[] pollKw = new double[n];
            int[] pollLine = new int[n];
            double[] last = firstValues(gpus);
            double[] now = new double[gpus];
            boolean[] seen = new boolean[gpus];
            int polls = 0;
            long missingRows = 0;
            long repeated = 0;
            List<Integer> missingLines = new ArrayList<>();
            int i = 0;
            while (i < n) {
                Arrays.fill(seen, false);
                int start = i;
                long earliest = Long.MAX_VALUE; // the poll starts with its first GPU's query
                int prev = -1;
                while (i < n) {
                    int g = gpu != null && gpuColumn >= 0 ? gpu[i] : (i - start);
                    if (gpuColumn < 0 && i - start == gpus) {
                        break;
                    }
                    if (g >= gpus) {
                        throw new BadInputException(file + ":" + lines[i] + ": GPU " + g + " in a log of " + gpus
                                + " GPUs per poll (give gpus: N if the first poll lacks some)");
                    }
                    if (i > start && (g < prev || (g == prev && t[i] - t[i - 1] > period / 2))) {
                        break;
                    }
                    if (seen[g]) {
                        repeated++;
                    } else {
                        seen[g] = true;
                        now[g] = v[i];
                        earliest = Math.min(earliest, t[i]);
                    }
                    prev = g;
                    i++;
                }
                double kw = 0;
                for (int g = 0; g < gpus; g++) {
                    if (seen[g] && !Double.isNaN(now[g])) {
                        last[g] = now[g];
                    } else if (!seen[g]) {
                        missingRows++;
                        if (missingLines.size() < 3) {
                            missingLines.add(lines[start]);
                        }
                    }
                    kw += last[g];
                }
                pollTime[polls] = earliest;
                pollKw[polls] = kw;
                pollLine[polls++] = lines[start];
            }
            if (missingRows > 0) {
                notes.add(missingRows + " GPU row(s) missing from their poll (polls starting on lines "
                        + missingLines.stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("")
                        + (missingRows > missingLines.size() ? ", ..." : "") + "); each GPU's last value held");
            }
            if (repeated > 0) {
                notes.add(repeated + " repeated GPU row(s) in a poll; the first kept");
            }
            notes.add(gpus + " GPUs per poll"
                    + (options.gpus() != null
                            ? " (option)"
                            : gpuColumn >= 0
                                    ? " (from \"" + names[gpuColumn] + "\")"
                                    : " (from the timing of the first polls; log the index "
                                            + "column to find missing rows)"));
            for (int k = 1; k < polls; k++) {
                if (pollTime[k] <= pollTime[k - 1]) {
                    throw new BadInputException(file + ":" + pollLine[k] + ": the poll starting on this line is not "
                            + "later than the one before (line " + pollLine[k - 1] + "); rows must be in time order");
                }
            }
            if (polls < 2) {
                throw new BadInputException(file + ": has one poll; a log needs at least two");
            }
            return finish(
                    Arrays.copyOf(pollTime, polls),
                    Arrays.copyOf(pollKw, polls),
                    Arrays.copyOf(pollLine, polls),
                    polls);
        }

        /** Each GPU's first readable value, held until the GPU reports (a first poll may lack a row). */
        private double[] firstValues(int gpus) {
            double[] first = new double[gpus];
            Arrays.fill(first, Double.NaN);
            int found = 0;
            for (int i = 0; i < n && found < gpus; i++) {
                int g = gpuColumn >= 0 ? gpu[i] : i % gpus;
                if (g < gpus && Double.isNaN(first[g]) && !Double.isNaN(v[i])) {
                    first[g] = v[i];
                    found++;
                }
            }
            for (int g = 0; g < gpus; g++) {
                if (Double.isNaN(first[g])) {
                    throw new BadInputException(file + ": GPU " + g + " has no readable power value in the log");
                }
            }
            return first;
        }

        /** The GPU count: from the index column, else from the timing of the first rows. */
        private int gpuCount() {
            int rowsToLook = Math.min(n, 4096);
            if (gpuColumn >= 0) {
                int max = 0;
                for (int i = 0; i < rowsToLook; i++) {
                    max = Math.max(max, gpu[i] + 1);
                }
                return max;
            }
            long[] steps = new long[rowsToLook - 1];
            for (int i = 1; i < rowsToLook; i++) {
                steps[i - 1] = t[i] - t[i - 1];
            }
            long[] sorted = steps.clone();
            Arrays.sort(sorted);
            long join = sorted[Math.max(0, sorted.length - 1 - (int) Math.ceil(0.01 * sorted.length))] / 2;
            int[] counts = new int[1025];
            int size = 1;
            for (long s : steps) {
                if (s > join) {
                    counts[Math.min(1024, size)]++;
                    size = 1;
                } else {
                    size++;
                }
            }
            int best = 1;
            for (int k = 1; k < counts.length; k++) {
                best = counts[k] > counts[best] ? k : best;
            }
            return best;
        }

        /** The median time between rows of the first GPU, or between every {@code gpus}-th row. */
        private long pollPeriod(int gpus) {
            long[] starts = new long[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (gpuColumn >= 0 ? gpu[i] == gpu[0] : i % gpus == 0) {
                    starts[k++] = t[i];
                }
            }
            if (k < 2) {
                return Long.MAX_VALUE;
            }
            long[] d = new long[k - 1];
            for (int i = 1; i < k; i++) {
                d[i - 1] = starts[i] - starts[i - 1];
            }
            Arrays.sort(d);
            return Math.max(1, d[d.length / 2]);
        }
    }
}
