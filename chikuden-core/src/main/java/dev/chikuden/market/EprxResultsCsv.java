package dev.chikuden.market;

import dev.chikuden.BadInputException;
import dev.chikuden.trace.SeriesLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the balancing market's published results (EPRX 取引結果, downloaded by the user from
 * eprx.or.jp after accepting its terms; Chikuden never fetches them) into a 30-minute price series
 * of one area and product.
 *
 * <p>The layout, as EPRX's monthly CSVs have it (CP932; a UTF-8 re-save, with or without BOM, reads
 * alike, see {@link dev.chikuden.trace.TextEncoding}):
 *
 * <pre>
 * H,電力需給調整力取引所取引結果,対象年月,商品区分,ブロック数
 * P,速報値,202606,一次調整力,48
 * TT,取引情報,北海道,東北,東京,中部,北陸,関西,中国,四国,九州,合計
 * 20260601B01,募集量（TSO別）[MW],66,177,450,53,55,196,138,41,165,1341
 * 20260601B01,平均落札価格（TSO別）[円/kW・30分],1.01,8.34,4.35,14.51,3.13,3.69,1.12,0.46,6.49,4.13
 * ...
 * E
 * </pre>
 *
 * Line 2's 5th field gives the blocks per day: 8 (3-hour blocks, block k covering hours 3(k-1) to
 * 3k JST, before 2026-03-14) or 48 (30-minute blocks); its 4th names the product. The final files
 * (確報値) add a category column after the block id (header {@code TT,調達区分,取引情報,...}, rows
 * {@code ...,システム約定結果,平均落札価格（TSO別）[円/kW・30分],...}): only rows of システム約定結果 are read.
 * Verified against a published 速報値 file (202606_1-0_prompt.csv and 202606_3-2_prompt.csv, as kept in
 * public repositories: the three head lines, the 13 metric rows per block, the area columns, 0 where
 * nothing cleared, the end mark E); the category column and its header names from public parsers of the
 * 確報値 files, not from a file; the 8-block files from parsers that read both structures alike.
 *
 * <p>Decisions: rows may come in any order (each lands in its day and block); a block twice is an
 * error naming both lines; days or blocks without a row, and cells that are empty or a dash (EPRX's
 * "nothing cleared"), are missing (NaN) and counted by {@link EprxPrices#missingSlots()}; a 0 stays 0
 * (EPRX writes 0 where nothing of the area cleared). Within one CSV the structure is line 2's; a zip
 * may mix (FY2025 turns from 8 to 48 blocks on 2026-03-14), a day may not. A price must be a plain
 * decimal from 0 to 10,000 yen/kW per 30 min, a bound far above every cap (19.51 at most; tertiary-2
 * has none), so that a volume or a shifted column is caught.
 *
 * <p>A zip is read in place, entry by entry: the CSVs of the product (named in their line 2, else by
 * the code in the entry's name, e.g. {@code 202606_1-0_prompt.csv}) are read together, a month each;
 * when none names a product, all are read as the one the caller gives.
 */
public final class EprxResultsCsv {
    /** The default metric: the average clearing price of each transmission operator's area. */
    public static final String AVERAGE_PRICE_PER_TSO = "平均落札価格（TSO別）";

    private EprxResultsCsv() {}

    /** The average clearing price per TSO (平均落札価格（TSO別）) of {@code area}; see {@link #read(Path, String, EprxProduct, String)}. */
    public static EprxPrices read(Path file, String area, EprxProduct product) {
        return read(file, area, product, AVERAGE_PRICE_PER_TSO);
    }

    /**
     * The prices of {@code area} in {@code file}, a results CSV or a zip of them.
     *
     * @param area an English name ({@code kansai}, {@code total}), a Japanese one (関西, 合計) or a column name
     * @param product the product, or null to take the one the file names (an error when it names none)
     * @param metric the price row to read, with or without its unit, e.g. 最高落札価格（TSO別）; null for
     *     {@value #AVERAGE_PRICE_PER_TSO}
     */
    public static EprxPrices read(Path file, String area, EprxProduct product, String metric) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > SeriesLimit.bytes()) {
            throw new BadInputException(
                    file + ": is " + size + " bytes, more than a series file may have " + SeriesLimit.described());
        }
        EprxSelection want = new EprxSelection(area, metric == null ? AVERAGE_PRICE_PER_TSO : metric);
        EprxDays days = new EprxDays();
        EprxProduct read;
        if (EprxArchive.isZip(file)) {
            try (EprxArchive zip = EprxArchive.open(file)) {
                Map<EprxResultsFile, Optional<EprxProduct>> csvs = new LinkedHashMap<>();
                for (EprxResultsFile f : zip.csvs()) {
                    csvs.put(f, f.product());
                }
                EprxProduct wanted = product != null ? product : onlyProduct(file, csvs);
                read = wanted;
                List<EprxResultsFile> chosen = csvs.entrySet().stream()
                        .filter(e -> e.getValue().equals(Optional.of(wanted)))
                        .map(Map.Entry::getKey)
                        .toList();
                if (chosen.isEmpty() && csvs.values().stream().allMatch(Optional::isEmpty)) {
                    chosen = List.copyOf(csvs.keySet()); // none names a product: the caller's word
                }
                if (chosen.isEmpty()) {
                    throw new BadInputException(
                            file + ": holds no CSV of " + read + "; it holds " + EprxArchive.listed(described(csvs)));
                }
                for (EprxResultsFile f : chosen) {
                    f.read(read, want, days);
                }
            }
        } else if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new BadInputException(file + ": is named .zip but is not a zip archive; give the zip as downloaded,"
                    + " or one of its CSVs");
        } else {
            EprxResultsFile f = new EprxResultsFile(file.toString(), () -> Files.newInputStream(file));
            read = product != null ? product : f.product().orElseThrow(() -> noProduct(file.toString()));
            f.read(read, want, days);
        }
        if (days.isEmpty()) {
            throw new BadInputException(file + ": " + want.nothingFound());
        }
        return days.prices(read, want.area(), want.metricRead());
    }

    private static EprxProduct onlyProduct(Path file, Map<EprxResultsFile, Optional<EprxProduct>> csvs) {
        List<EprxProduct> named =
                csvs.values().stream().flatMap(Optional::stream).distinct().toList();
        if (named.isEmpty()) {
            throw noProduct(file.toString());
        }
        if (named.size() > 1) {
            throw new BadInputException(file + ": holds CSVs of several products ("
                    + EprxArchive.listed(described(csvs)) + "); say which product to read");
        }
        return named.get(0);
    }

    private static List<String> described(Map<EprxResultsFile, Optional<EprxProduct>> csvs) {
        List<String> out = new ArrayList<>();
        csvs.forEach((f, p) -> out.add(f.name().substring(f.name().indexOf("!/") + 2) + " ("
                + p.map(EprxProduct::toString).orElse("no product named") + ")"));
        return out;
    }

    private static BadInputException noProduct(String file) {
        return new BadInputException(file + ": names no product (line 2's 4th field, e.g. 一次調整力, or a code such as"
                + " 1-0 in the file name); say which: "
                + Arrays.stream(EprxProduct.values()).map(EprxProduct::toString).collect(Collectors.joining(", ")));
    }
}
