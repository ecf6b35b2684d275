package dev.chikuden.market;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * EPRX result files in the published layout, with numbers of our choosing: the head lines, the header
 * and per block the rows 募集量, 平均落札価格 and 最高落札価格 (TSO別), as a monthly 速報値 file has them
 * (among others). Kansai (関西, the 6th area) carries the price under test; the other areas carry 1 to 9.
 */
final class EprxFiles {
    static final Charset CP932 = Charset.forName("windows-31j");
    static final String AVERAGE = "平均落札価格（TSO別）[円/kW・30分]";
    static final String HIGHEST = "最高落札価格（TSO別）[円/kW・30分]";
    static final String WANTED = "募集量（TSO別）[MW]";
    static final String HEADER = "TT,取引情報,北海道,東北,東京,中部,北陸,関西,中国,四国,九州,合計";

    private EprxFiles() {}

    /** The title line and line 2 of a monthly file of {@code product} with {@code blocks} a day. */
    static String head(String product, int blocks) {
        return "H,電力需給調整力取引所取引結果,対象年月,商品区分,ブロック数\r\nP,速報値,202606," + product + "," + blocks + "\r\n";
    }

    /** A row: the block id, the metric, nine areas with {@code kansai} in the 6th, and a total. */
    static String row(String id, String metric, String kansai) {
        return id + "," + metric + ",1,2,3,4,5," + kansai + ",7,8,9,4.13\r\n";
    }

    static String id(LocalDate day, int block) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE) + "B" + String.format("%02d", block);
    }

    /** The rows of one day: per block the wanted volume, the average price {@code kansai(b)} and the highest. */
    static String day(LocalDate day, int blocks, IntToDoubleFunction kansai) {
        StringBuilder sb = new StringBuilder();
        for (int b = 1; b <= blocks; b++) {
            String id = id(day, b);
            sb.append(row(id, WANTED, "196"));
            sb.append(row(id, AVERAGE, Double.toString(kansai.applyAsDouble(b))));
            sb.append(row(id, HIGHEST, Double.toString(kansai.applyAsDouble(b) + 1)));
        }
        return sb.toString();
    }

    /** A whole file of {@code days} consecutive days from {@code first}, ending with E. */
    static String file(String product, int blocks, LocalDate first, int days, IntToDoubleFunction kansai) {
        StringBuilder sb =
                new StringBuilder(head(product, blocks)).append(HEADER).append("\r\n");
        for (int d = 0; d < days; d++) {
            sb.append(day(first.plusDays(d), blocks, kansai));
        }
        return sb.append("E\r\n").toString();
    }

    static Path write(Path file, String text, Charset charset) {
        try {
            return Files.write(file, text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the named entries, each CP932 as published. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(CP932));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
