package dev.chikuden.market;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import dev.chikuden.trace.TextEncoding;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One EPRX result CSV (a file, or an entry of a zip): its head (a title line, line 2 giving the
 * blocks per day in its 5th field and naming the product in its 4th, a header), then rows of a block
 * id, [a category,] a metric and one value per column. A later line starting TT, RT or T is the
 * header of a new section; a section without the area's column is skipped; a line E ends the file.
 */
final class EprxResultsFile {
    /** A bound far above any price the market clears (every cap is at most 19.51 yen). */
    static final double MAX_YEN_PER_KW_PER_30MIN = 10_000;

    private static final Set<String> SECTION_MARKS = Set.of("TT", "RT", "T");
    private static final Set<String> NOTHING_CLEARED = Set.of("", "-", "－", "ー", "―", "—", "‐");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,12}(\\.\\d{0,12})?|\\.\\d{1,12})");
    private static final Pattern BLOCK_ID = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})B(\\d{2})");
    /** Far above a row of EPRX's (some 150 characters): a longer field is not a results file. */
    private static final int MAX_FIELD_CHARS = 1 << 20;

    private static final int QUOTED_CHARS = 60;
    static final String LAYOUT = "a title line, line 2 such as P,速報値,202606,一次調整力,48 (the 5th field gives the"
            + " blocks per day, 8 or 48), a header such as TT,取引情報,北海道,...,九州,合計, then rows such as"
            + " 20260601B01,平均落札価格（TSO別）[円/kW・30分],1.01,...";

    private final String name;
    private final TextEncoding.Source source;
    private TextEncoding encoding;
    /** Line 2's blocks per day and its line number, once a pass has read them. */
    private int blocksPerDay;

    private long blocksLine;

    EprxResultsFile(String name, TextEncoding.Source source) {
        this.name = name;
        this.source = source;
    }

    String name() {
        return name;
    }

    /** The product its title line or line 2 names, else the one whose code its name holds. */
    Optional<EprxProduct> product() {
        return parse(it -> {
            Optional<EprxProduct> named = head(it);
            return named.isPresent() ? named : EprxProduct.inFileName(name);
        });
    }

    /**
     * Reads the rows {@code want} selects into {@code days}; the file must be of {@code product} if it
     * names one.
     */
    void read(EprxProduct product, EprxSelection want, EprxDays days) {
        parse(it -> {
            int source = days.source(name);
            Optional<EprxProduct> named = head(it);
            if (named.isPresent() && named.get() != product) {
                throw new BadInputException(name + ": names the product " + named.get() + " in its first lines, but "
                        + product + " was asked");
            }
            if (!it.hasNext()) {
                throw new BadInputException(name + ": ends before its header line (line 3): " + LAYOUT);
            }
            Section section = Section.first(name, it.next(), want);
            long end = 0;
            while (it.hasNext()) {
                CsvRecord row = it.next();
                if (row.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                long line = row.getStartingLineNumber();
                String id = row.getField(0).trim();
                if (end != 0) {
                    throw new BadInputException(name + ":" + line + ": a row after the end mark E on line " + end);
                } else if (id.equals("E")) {
                    end = line;
                } else if (SECTION_MARKS.contains(id)) {
                    section = Section.next(name, row, want);
                } else if (section != null) {
                    section.checkFields(row);
                    row(row, section, want, days, source);
                }
            }
            return null;
        });
    }

    private void row(CsvRecord row, Section section, EprxSelection want, EprxDays days, int source) {
        long line = row.getStartingLineNumber();
        String id = row.getField(0).trim();
        var m = BLOCK_ID.matcher(id);
        LocalDate day = null;
        if (m.matches()) {
            try {
                day = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException ignored) {
                // reported below
            }
        }
        if (day == null) {
            throw new BadInputException(name + ":" + line + ": block id " + quote(id)
                    + " is not a day and block such as 20260601B01 (YYYYMMDD, B, a two-digit block)");
        }
        int block = Integer.parseInt(m.group(4));
        if (block < 1 || block > blocksPerDay) {
            throw new BadInputException(name + ":" + line + ": block id " + quote(id) + " names block " + block
                    + ", but line " + blocksLine + " gives " + blocksPerDay + " blocks a day (B01-B"
                    + String.format("%02d", blocksPerDay)
                    + (blocksPerDay == 8 ? ", 3 hours each)" : ", 30 minutes each)"));
        }
        if (section.category >= 0 && !want.category(row.getField(section.category))) {
            return;
        }
        if (!want.metric(name, line, row.getField(section.metric))) {
            return;
        }
        want.readColumn(section.header.get(section.area));
        days.put(day, block, blocksPerDay, price(row, section), source, line);
    }

    /** The area's price in the row, NaN where nothing cleared (an empty or dashed cell). */
    private double price(CsvRecord row, Section section) {
        long line = row.getStartingLineNumber();
        String text = row.getField(section.area).trim();
        if (NOTHING_CLEARED.contains(text)) {
            return Double.NaN;
        }
        String what =
                name + ":" + line + ": " + section.header.get(section.area).trim() + " value " + quote(text) + " of "
                        + quote(row.getField(section.metric).trim());
        if (!NUMBER.matcher(text).matches()) {
            throw new BadInputException(what + " is not a number; allowed: a price in 円/kW・30分 such as 4.35, "
                    + "or an empty cell or - where nothing cleared");
        }
        double p = Double.parseDouble(text);
        if (p < 0) {
            throw new BadInputException(what + " is negative; allowed: 0 to " + (long) MAX_YEN_PER_KW_PER_30MIN
                    + " 円/kW・30分 (the market clears no negative ΔkW price)");
        }
        if (p > MAX_YEN_PER_KW_PER_30MIN) {
            throw new BadInputException(what + " is above " + (long) MAX_YEN_PER_KW_PER_30MIN
                    + " 円/kW・30分, far above any clearing price (the caps are at most 19.51); "
                    + "a volume in a price row, or a shifted column?");
        }
        return p;
    }

    /** Reads the title line and line 2's blocks per day; returns the product they name, if any. */
    private Optional<EprxProduct> head(Iterator<CsvRecord> it) {
        if (!it.hasNext()) {
            throw new BadInputException(name + ": the file is empty; expected an EPRX results file: " + LAYOUT);
        }
        CsvRecord title = it.next();
        if (!it.hasNext()) {
            throw new BadInputException(
                    name + ": ends after its title line; expected line 2 giving the blocks per day: " + LAYOUT);
        }
        CsvRecord second = it.next();
        blocksLine = second.getStartingLineNumber();
        blocksPerDay = blocksPerDay(second);
        EprxProduct found = null;
        for (CsvRecord r : List.of(title, second)) {
            for (String f : r.getFields()) {
                Optional<EprxProduct> p = EprxProduct.named(f);
                if (p.isPresent() && found != null && p.get() != found) {
                    throw new BadInputException(name + ":" + r.getStartingLineNumber() + ": names two products, "
                            + found + " and " + p.get() + "; one file holds one product");
                }
                found = p.orElse(found);
            }
        }
        return Optional.ofNullable(found);
    }

    private int blocksPerDay(CsvRecord second) {
        String value = second.getFieldCount() < 5 ? "" : second.getField(4).trim();
        if (value.equals("8") || value.equals("48")) {
            return Integer.parseInt(value);
        }
        String day = second.getFieldCount() < 3 ? "" : second.getField(2).trim();
        throw new BadInputException(name + ":" + blocksLine + ": the blocks per day (line 2, 5th field) is "
                + (second.getFieldCount() < 5 ? "missing" : quote(value))
                + "; allowed: 8 (3-hour blocks, before 2026-03-14) or 48 (30-minute blocks), as in "
                + "P,速報値,202606,一次調整力,48"
                + (day.matches("\\d{8}")
                        ? " (line 2 gives a day, " + day + ", where the monthly files give a month: EPRX's older"
                                + " per-day files are not read)"
                        : ""));
    }

    /** A value as a message quotes it: at most {@value #QUOTED_CHARS} characters. */
    static String quote(String value) {
        return "\"" + (value.length() > QUOTED_CHARS ? value.substring(0, QUOTED_CHARS) + "..." : value) + "\"";
    }

    /** What a pass over the records does. */
    @FunctionalInterface
    private interface Pass<T> {
        T over(Iterator<CsvRecord> records);
    }

    private <T> T parse(Pass<T> pass) {
        if (encoding == null) {
            encoding = TextEncoding.of(name, source);
        }
        try (Reader r = encoding.open(name, source);
                CsvReader<CsvRecord> reader = CsvReader.builder()
                        .skipEmptyLines(true)
                        .allowMissingFields(true)
                        .allowExtraFields(true)
                        .maxBufferSize(MAX_FIELD_CHARS)
                        .ofCsvRecord(r)) {
            return pass.over(reader.iterator());
        } catch (CsvParseException e) {
            throw new BadInputException(name + ": not valid CSV: " + CsvFiles.parseProblem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The columns of one section: the area's, the metric's (取引情報, else the one before the first
     * area) and the category's (調達区分, else the one before the metric's when that is the 3rd).
     */
    private record Section(String file, long line, List<String> header, int width, int area, int metric, int category) {
        /** The section of line 3; it must hold the area. */
        static Section first(String file, CsvRecord header, EprxSelection want) {
            Section s = next(file, header, want);
            if (s == null) {
                throw new BadInputException(file + ":" + header.getStartingLineNumber() + ": no column for area "
                        + quote(want.asked()) + " in the header (" + listed(header.getFields()) + "); allowed: "
                        + EprxSelection.allowedAreas() + "; this reader reads the files by area, not by resource");
            }
            return s;
        }

        /** A section, or null when its header has no column for the area. */
        static Section next(String file, CsvRecord header, EprxSelection want) {
            List<String> cells = header.getFields().stream().map(String::trim).toList();
            int area = want.areaColumn(cells);
            if (area < 0) {
                return null;
            }
            int width = cells.size();
            while (width > 0 && cells.get(width - 1).isEmpty()) {
                width--;
            }
            int firstArea = EprxSelection.firstAreaColumn(cells);
            int metric = cells.indexOf("取引情報");
            if (metric < 0) {
                metric = (firstArea >= 0 ? Math.min(firstArea, area) : area) - 1;
            }
            int category = cells.indexOf("調達区分");
            if (category < 0) {
                category = metric == 2 ? 1 : -1;
            }
            long line = header.getStartingLineNumber();
            if (metric < 1 || metric >= area || category >= metric) {
                throw new BadInputException(file + ":" + line + ": the header (" + listed(header.getFields())
                        + ") has no metric column between the block id and the area's column; expected the block id,"
                        + " [a category,] the metric, then the areas, as in TT,取引情報,北海道,...,九州,合計");
            }
            return new Section(file, line, cells, width, area, metric, category);
        }

        /** A row has the header's fields, and nothing but empty ones beyond (trailing commas). */
        void checkFields(CsvRecord row) {
            int n = row.getFieldCount();
            int last = n;
            while (last > width && row.getField(last - 1).isBlank()) {
                last--;
            }
            if (n < width || last > width) {
                throw new BadInputException(file + ":" + row.getStartingLineNumber() + ": the row has " + last
                        + " fields where the header (line " + line + ") has " + width
                        + "; expected the block id, " + (category >= 0 ? "the category, " : "")
                        + "the metric and one value per column");
            }
        }

        private static String listed(List<String> fields) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(fields.size(), 14); i++) {
                sb.append(i == 0 ? "" : ",")
                        .append(fields.get(i).length() > 20 ? fields.get(i).substring(0, 20) + "..." : fields.get(i));
            }
            return sb + (fields.size() > 14 ? ",..." : "");
        }
    }
}
