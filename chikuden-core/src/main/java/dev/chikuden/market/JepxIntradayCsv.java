package dev.chikuden.market;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a JEPX intraday (時間前市場) results file {@code im_trade_summary_YYYY.csv} as published:
 * CP932 or a UTF-8 re-save (BOM or not), a header row, then one row per delivery day (年月日) and
 * slot code (時刻コード 1-48): open, high, low and close prices, the volume-weighted mean price
 * (平均), the volume traded (約定量合計, MWh/h in older files, kWh in newer) and the number of
 * trades. The market is one for all areas. The columns are found by their names (half- or
 * full-width brackets). The price of a slot is its mean; a slot with no trade (an empty mean, or
 * an empty or zero volume) has none (NaN), as has a day missing from the file.
 */
public final class JepxIntradayCsv {
    /** What the file's columns are called (their names up to the unit). */
    static final String DATE = "年月日";

    static final String SLOT = "時刻コード";
    static final String MEAN = "平均";
    static final String VOLUME = "約定量合計";

    private JepxIntradayCsv() {}

    public static PriceSeries read(Path file) {
        try (CsvReader<CsvRecord> reader = JepxSpotCsv.open(file)) {
            var it = reader.iterator();
            if (!it.hasNext()) {
                throw new BadInputException(file + ": the file is empty; expected a JEPX im_trade_summary file");
            }
            CsvRecord header = it.next();
            int date = column(file, header, DATE);
            int slot = column(file, header, SLOT);
            int mean = column(file, header, MEAN);
            int volume = column(file, header, VOLUME);
            return JepxSpotCsv.rows(
                    file,
                    it,
                    header,
                    date,
                    slot,
                    "intraday",
                    (line, row) -> price(file, line, header, row, mean, volume));
        } catch (CsvParseException e) {
            throw new BadInputException(file + ": not valid CSV: " + CsvFiles.parseProblem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slot's mean price; NaN where nothing traded. */
    private static double price(Path file, long line, CsvRecord header, CsvRecord row, int mean, int volume) {
        String v = row.getField(volume).trim();
        String p = row.getField(mean).trim();
        double traded = v.isEmpty()
                ? 0
                : CsvFiles.finiteNumber(
                        file,
                        line,
                        header.getField(volume).trim() + " value",
                        v,
                        "a volume; expected a number of at least 0 (empty or 0: no trade)");
        if (traded < 0) {
            throw new BadInputException(
                    file + ":" + line + ": " + header.getField(volume).trim() + " value \"" + v
                            + "\" is negative; expected a volume of at least 0 (empty or 0: no trade)");
        }
        if (traded == 0 || p.isEmpty()) {
            return Double.NaN;
        }
        double yen = CsvFiles.finiteNumber(
                file,
                line,
                header.getField(mean).trim() + " value",
                p,
                "a price; expected a number of yen/kWh such as 9.74 (empty: no trade)");
        if (yen < 0 || yen > JepxSpotCsv.MAX_YEN_PER_KWH) {
            throw new BadInputException(
                    file + ":" + line + ": " + header.getField(mean).trim() + " value \"" + p
                            + "\" is outside 0.." + (long) JepxSpotCsv.MAX_YEN_PER_KWH
                            + " yen/kWh (a volume or a price in yen/MWh in the price column?)");
        }
        return yen;
    }

    /** The column whose name is {@code name} or starts with it and a bracket, half- or full-width. */
    private static int column(Path file, CsvRecord header, String name) {
        for (int i = 0; i < header.getFieldCount(); i++) {
            String h = header.getField(i).trim().replace('（', '(');
            if (h.equals(name) || h.startsWith(name + "(")) {
                return i;
            }
        }
        throw new BadInputException(file + ":1: no column \"" + name + "\" in the header "
                + cut(String.join(",", header.getFields()))
                + "; expected a JEPX im_trade_summary file: 年月日,時刻コード,始値(円/kWh),高値(円/kWh),安値(円/kWh),"
                + "終値(円/kWh),平均(円/kWh),約定量合計(kWh),約定件数");
    }

    private static String cut(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }
}
