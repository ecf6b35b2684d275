package dev.chikuden.market;

import static dev.chikuden.market.EprxFiles.AVERAGE;
import static dev.chikuden.market.EprxFiles.CP932;
import static dev.chikuden.market.EprxFiles.HEADER;
import static dev.chikuden.market.EprxFiles.HIGHEST;
import static dev.chikuden.market.EprxFiles.WANTED;
import static dev.chikuden.market.EprxFiles.head;
import static dev.chikuden.market.EprxFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EprxResultsCsvTest {
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    Path csv(String name, String text) {
        return EprxFiles.write(dir.resolve(name), text, CP932);
    }

    /** One 8-block day of 三次調整力① whose Kansai block b averages 10 + b, but block 3 at 12.34. */
    Path eightBlockDay() {
        return csv("202603_3-1_result.csv", EprxFiles.file("三次調整力1", 8, MARCH_1, 1, b -> b == 3 ? 12.34 : 10 + b));
    }

    @Test
    void aThreeHourBlockHoldsItsPriceInEachOfItsSixHalfHours() {
        EprxPrices p = EprxResultsCsv.read(eightBlockDay(), "kansai", null);
        assertThat(p.product()).isEqualTo(EprxProduct.TERTIARY_1);
        assertThat(p.area()).isEqualTo("kansai");
        assertThat(p.metric()).isEqualTo(AVERAGE);
        assertThat(p.firstDay()).isEqualTo(MARCH_1);
        assertThat(p.blocksPerDay()).containsExactly(8);
        assertThat(p.size()).isEqualTo(48);
        // B03 covers 06:00-09:00 JST: slots 12..17
        for (int i = 12; i <= 17; i++) {
            assertThat(p.get(i)).as("slot " + i).isEqualTo(12.34);
        }
        assertThat(p.get(11)).isEqualTo(12.0);
        assertThat(p.get(18)).isEqualTo(14.0);
        assertThat(p.slotStart(12)).isEqualTo(LocalDateTime.of(2026, 3, 1, 6, 0));
        assertThat(p.slotStart(17)).isEqualTo(LocalDateTime.of(2026, 3, 1, 8, 30));
        for (int b = 1; b <= 8; b++) {
            double price = b == 3 ? 12.34 : 10 + b;
            for (int k = 0; k < 6; k++) {
                assertThat(p.get(6 * (b - 1) + k)).isEqualTo(price);
            }
        }
        assertThat(p.missingSlots()).isZero();
    }

    /** The committed fixture: a final file's layout (category column), UTF-8, numbers chosen by hand. */
    @Test
    void theHandWorkedFixture() throws Exception {
        Path f = Path.of(getClass().getResource("eprx-8-blocks-final.csv").toURI());
        EprxPrices p = EprxResultsCsv.read(f, "kansai", null);
        assertThat(p.product()).isEqualTo(EprxProduct.PRIMARY);
        assertThat(p.firstDay()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(p.blocksPerDay()).containsExactly(8);
        // B03 at 12.34 covers 06:00-09:00: slots 12..17; B02 (2.95) ends at slot 11, B04 (5.00) starts at 18
        assertThat(Arrays.copyOfRange(p.yenPerKwPer30min(), 11, 19))
                .containsExactly(2.95, 12.34, 12.34, 12.34, 12.34, 12.34, 12.34, 5.00);
        // by hand: (3.10 + 2.95 + 12.34 + 5.00 + 4.20 + 6.80 + 7.25 + 3.50) / 8 = 45.14 / 8 = 5.6425
        double mean = Arrays.stream(p.yenPerKwPer30min()).average().orElseThrow();
        assertThat(mean).isCloseTo(5.6425, within(1e-12));
        assertThat(EprxPrices.yenPerKwH(mean)).isCloseTo(11.285, within(1e-12));
        assertThat(EprxResultsCsv.read(f, "東京", EprxProduct.PRIMARY, HIGHEST).get(47))
                .isEqualTo(7.21);
    }

    @Test
    void expansionKeepsTheDaysMeanAndTheConversionDoublesIt() {
        EprxPrices p = EprxResultsCsv.read(eightBlockDay(), "関西", EprxProduct.TERTIARY_1);
        double blockMean = (11 + 12 + 12.34 + 14 + 15 + 16 + 17 + 18) / 8.0;
        double slotMean = Arrays.stream(p.yenPerKwPer30min()).average().orElseThrow();
        assertThat(slotMean).isCloseTo(blockMean, within(1e-12));
        // METI reports yen per ΔkW·h: a kW held an hour is held two slots
        assertThat(EprxPrices.yenPerKwH(12.34)).isEqualTo(24.68);
        assertThat(EprxPrices.yenPerKwH(slotMean)).isCloseTo(2 * blockMean, within(1e-12));
    }

    @Test
    void aThirtyMinuteFileReadsOneSlotPerBlockOverDays() {
        Path f = csv("202606_1-0_prompt.csv", EprxFiles.file("一次調整力", 48, JUNE_1, 2, b -> b / 4.0));
        EprxPrices p = EprxResultsCsv.read(f, "kansai", null);
        assertThat(p.product()).isEqualTo(EprxProduct.PRIMARY);
        assertThat(p.blocksPerDay()).containsExactly(48, 48);
        assertThat(p.size()).isEqualTo(96);
        assertThat(p.get(0)).isEqualTo(0.25);
        assertThat(p.get(47)).isEqualTo(12.0);
        assertThat(p.get(48 + 19)).isEqualTo(5.0);
        assertThat(p.startEpochMs())
                .isEqualTo(OffsetDateTime.parse("2026-06-01T00:00+09:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(EprxResultsCsv.read(f, "kansai", null, "最高落札価格（TSO別）").get(47))
                .as("another price row, named without its unit")
                .isEqualTo(13.0);
        assertThat(EprxResultsCsv.read(f, "total", null).get(0)).isEqualTo(4.13);
        assertThat(EprxResultsCsv.read(f, "total", null).area()).isEqualTo("total");
    }

    @Test
    void aUtf8ResaveWithBomReadsAsTheCp932Original() throws IOException {
        String text = EprxFiles.file("一次調整力", 48, JUNE_1, 1, b -> b);
        Path cp932 = csv("a.csv", text);
        Path bom = dir.resolve("b.csv");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(bom, withBom);
        assertThat(Files.readAllBytes(cp932)).isNotEqualTo(body);
        assertThat(EprxResultsCsv.read(bom, "kansai", null).yenPerKwPer30min())
                .containsExactly(EprxResultsCsv.read(cp932, "kansai", null).yenPerKwPer30min());
    }

    @Test
    void invalidBytesNameTheirOffset() throws IOException {
        Path f = dir.resolve("bad.csv");
        byte[] text = EprxFiles.file("一次調整力", 48, JUNE_1, 1, b -> b).getBytes(StandardCharsets.UTF_8);
        text[1] = (byte) 0xFF; // no UTF-8, nor CP932, has it

        Files.write(f, text);
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ": byte 1 is not valid UTF-8, and the file is not valid CP932");
    }

    @Test
    void theAreaByItsEnglishOrJapaneseNameOrItsColumn() {
        Path f = eightBlockDay();
        EprxPrices english = EprxResultsCsv.read(f, "Kansai", null);
        assertThat(EprxResultsCsv.read(f, "関西", null).yenPerKwPer30min()).containsExactly(english.yenPerKwPer30min());
        assertThat(EprxResultsCsv.read(f, "tokyo", null).get(0)).isEqualTo(3.0);
        assertThat(EprxResultsCsv.read(f, "東京", null).area()).isEqualTo("tokyo");
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "okinawa", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(f + ":3: no column for area \"okinawa\" in the header (TT,取引情報,北海道,")
                .hasMessageContaining("allowed: hokkaido, tohoku, tokyo, chubu, hokuriku, kansai, chugoku, shikoku, "
                        + "kyushu, total (or the Japanese names 北海道");
    }

    @Test
    void aFinalFileReadsOnlyTheMarketsOwnClearing() {
        String header = "TT,調達区分,取引情報,北海道,東北,東京,中部,北陸,関西,中国,四国,九州,合計\r\n";
        String id = "20260401B01";
        Path f = csv(
                "202604_2-1_result.csv",
                "H,電力需給調整力取引所取引結果,対象年月,商品区分,ブロック数\r\nP,確報値,202604,二次調整力1,48\r\n" + header
                        + id + ",システム約定結果," + AVERAGE + ",1,2,3,4,5,6.5,7,8,9,5\r\n"
                        + id + ",その他," + AVERAGE + ",1,2,3,4,5,99,7,8,9,5\r\n"
                        + id + ",システム約定結果," + WANTED + ",1,2,3,4,5,600,7,8,9,5\r\n");
        EprxPrices p = EprxResultsCsv.read(f, "kansai", EprxProduct.SECONDARY_1);
        assertThat(p.get(0)).isEqualTo(6.5);
        assertThat(p.missingSlots()).isEqualTo(47);
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", EprxProduct.SECONDARY_1, "落札量合計"))
                .hasMessage(f + ": no row of metric \"落札量合計\" in category システム約定結果; metrics seen: \"" + AVERAGE
                        + "\", \"" + WANTED + "\"; categories seen: \"システム約定結果\", \"その他\"");
    }

    @Test
    void aVolumeIsNotReadAsAPrice() {
        Path f = eightBlockDay();
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null, "募集量（TSO別）"))
                .hasMessage(
                        f + ":4: metric \"" + WANTED + "\" is not a price in 円/kW・30分; allowed: a price row such as "
                                + "平均落札価格（TSO別）, 最高落札価格（TSO別）, 最低落札価格（TSO別）");
    }

    @Test
    void missingDaysAndDashedCellsAreNaNAndCounted() {
        Path f = csv(
                "202606_1-0_prompt.csv",
                head("一次調整力", 8) + HEADER + "\r\n"
                        + EprxFiles.day(JUNE_1, 8, b -> 2)
                        + EprxFiles.day(JUNE_1.plusDays(2), 8, b -> 3)
                                .replace(row("20260603B05", AVERAGE, "3.0"), row("20260603B05", AVERAGE, "-"))
                        + row("20260603B05", "（内訳）自エリアからの落札量[MW]", "")); // another metric's empty cell
        EprxPrices p = EprxResultsCsv.read(f, "kansai", null);
        assertThat(p.days()).isEqualTo(3);
        assertThat(p.blocksPerDay()).containsExactly(8, 0, 8);
        assertThat(p.blocksPerDayOn(JUNE_1.plusDays(1))).isZero();
        assertThat(p.missingDays()).isEqualTo(1);
        assertThat(p.missingSlots()).isEqualTo(48 + 6);
        assertThat(IntStream.range(48, 96).mapToDouble(p::get).allMatch(Double::isNaN))
                .isTrue();
        assertThat(IntStream.range(96 + 24, 96 + 30).mapToDouble(p::get).allMatch(Double::isNaN))
                .isTrue();
        assertThat(p.get(96 + 30)).isEqualTo(3.0);
    }

    @Test
    void rowsInAnyOrderAndAZeroStaysZero() {
        Path f = csv(
                "x_4-0_prompt.csv",
                head("複合商品", 8) + HEADER + "\r\n" + row("20260602B02", AVERAGE, "0")
                        + row("20260601B08", AVERAGE, "1.5") + row("20260602B01", AVERAGE, "0.75"));
        EprxPrices p = EprxResultsCsv.read(f, "kansai", null);
        assertThat(p.product()).isEqualTo(EprxProduct.COMPOSITE);
        assertThat(p.firstDay()).isEqualTo(JUNE_1);
        assertThat(p.get(47)).isEqualTo(1.5);
        assertThat(p.get(48)).isEqualTo(0.75);
        assertThat(p.get(54)).isZero();
        assertThat(p.missingSlots()).isEqualTo(96 - 18);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad id|20260631B01|:4: block id \"20260631B01\" is not a day and block such as 20260601B01 (YYYYMMDD,"
                        + " B, a two-digit block)",
                "short id|2026061B01|:4: block id \"2026061B01\" is not a day and block",
                "block beyond 8|20260601B09|:4: block id \"20260601B09\" names block 9, but line 2 gives 8 blocks a"
                        + " day (B01-B08, 3 hours each)",
                "block 0|20260601B00|:4: block id \"20260601B00\" names block 0",
            })
    void aBadBlockIdNamesLineAndValue(String what, String id, String message) {
        Path f = csv("t_3-1.csv", head("三次調整力1", 8) + HEADER + "\r\n" + row(id, AVERAGE, "1"));
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "words|abc|is not a number; allowed: a price in 円/kW・30分 such as 4.35, or an empty cell or - where"
                        + " nothing cleared",
                "exponent|1e3|is not a number",
                "decimal comma|\"4,35\"|is not a number",
                "negative|-0.5|is negative; allowed: 0 to 10000 円/kW・30分",
                "over the bound|10000.01|is above 10000 円/kW・30分, far above any clearing price (the caps are at most"
                        + " 19.51); a volume in a price row, or a shifted column?",
            })
    void aBadPriceNamesLineColumnValueAndWhatIsAllowed(String what, String cell, String message) {
        Path f = csv("t_1-0.csv", head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, cell));
        String shown = cell.replace("\"", "");
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ":4: 関西 value \"" + shown + "\" of \"" + AVERAGE + "\" " + message);
    }

    @Test
    void theHighestAllowedPriceIsRead() {
        Path f = csv("t_3-2.csv", head("三次調整力2", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, "10000"));
        assertThat(EprxResultsCsv.read(f, "kansai", null).get(0)).isEqualTo(10_000);
    }

    @Test
    void aRowOfTheWrongLengthNamesBothCounts() {
        Path f = csv(
                "t_1-0.csv",
                head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, "1") + "20260601B02," + AVERAGE
                        + ",1,2,3,4,5,6,7,8,9\r\n");
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessage(f + ":5: the row has 11 fields where the header (line 3) has 12; expected the block id,"
                        + " the metric and one value per column");
        Path extra = csv("u_1-0.csv", head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, "1,2"));
        assertThatThrownBy(() -> EprxResultsCsv.read(extra, "kansai", null))
                .hasMessageStartingWith(extra + ":4: the row has 13 fields where the header (line 3) has 12");
        Path trailing = csv(
                "v_1-0.csv",
                head("一次調整力", 48) + HEADER + ",,\r\n"
                        + row("20260601B01", AVERAGE, "1").replace("\r\n", ",,,\r\n"));
        assertThat(EprxResultsCsv.read(trailing, "kansai", null).get(0))
                .as("trailing commas, as spreadsheets write them")
                .isEqualTo(1);
    }

    @Test
    void aBlockTwiceNamesBothLines() {
        Path f = csv(
                "t_1-0.csv",
                head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B07", AVERAGE, "1")
                        + row("20260601B08", AVERAGE, "1") + row("20260601B07", AVERAGE, "2"));
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessage(
                        f + ":6: block 7 of 2026-06-01 is already at " + f + ":4; each block of a day may appear once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "24", "", "abc"})
    void blocksPerDayOtherThan8Or48NameLine2AndTheValue(String blocks) {
        Path f = csv("t_1-0.csv", head("一次調整力", 8).replace(",8\r\n", "," + blocks + "\r\n") + HEADER + "\r\n");
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessage(f + ":2: the blocks per day (line 2, 5th field) is \"" + blocks + "\"; allowed: 8 (3-hour"
                        + " blocks, before 2026-03-14) or 48 (30-minute blocks), as in P,速報値,202606,一次調整力,48");
    }

    @Test
    void theOlderPerDayLayoutIsNamed() {
        Path f = csv("t.csv", "H,x\r\nP,確報値,20210401,20210401,三次調整力2,48\r\n" + HEADER + "\r\n");
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessageEndingWith("(line 2 gives a day, 20210401, where the monthly files give a month: EPRX's"
                        + " older per-day files are not read)");
    }

    @Test
    void theProductFromLine2ElseTheFileNameElseTheCaller() {
        String body = HEADER + "\r\n" + row("20260601B01", AVERAGE, "1");
        Path named = csv("a.csv", head("二次調整力②", 48) + body);
        assertThat(EprxResultsCsv.read(named, "kansai", null).product()).isEqualTo(EprxProduct.SECONDARY_2);
        assertThatThrownBy(() -> EprxResultsCsv.read(named, "kansai", EprxProduct.PRIMARY))
                .hasMessage(named + ": names the product 二次調整力② (2-2) in its first lines, but 一次調整力 (1-0) was asked");
        Path byName = csv("202606_1-1_prompt.csv", head("", 48) + body);
        assertThat(EprxResultsCsv.read(byName, "kansai", null).product()).isEqualTo(EprxProduct.PRIMARY_OFFLINE);
        assertThat(EprxResultsCsv.read(byName, "kansai", EprxProduct.TERTIARY_2).product())
                .as("the caller's word over a file name")
                .isEqualTo(EprxProduct.TERTIARY_2);
        Path anonymous = csv("prices.csv", head("", 48) + body);
        assertThatThrownBy(() -> EprxResultsCsv.read(anonymous, "kansai", null))
                .hasMessageStartingWith(anonymous + ": names no product (line 2's 4th field, e.g. 一次調整力, or a code"
                        + " such as 1-0 in the file name); say which: 一次調整力 (1-0), 一次調整力（オフライン） (1-1),");
    }

    @Test
    void theEndMarkEndsTheFile() {
        Path f = csv(
                "t_1-0.csv",
                head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, "1") + "E\r\n"
                        + row("20260601B02", AVERAGE, "1"));
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessage(f + ":6: a row after the end mark E on line 5");
    }

    @Test
    void aSectionWithoutTheAreaIsSkipped() {
        Path f = csv(
                "t_1-0.csv",
                head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, "1")
                        + "RT,取引情報,火力発電,水力,蓄電池,VPP,合計\r\n"
                        + "20260601B01," + AVERAGE + ",x,y,z\r\n"
                        + HEADER + "\r\n" + row("20260601B02", AVERAGE, "2"));
        EprxPrices p = EprxResultsCsv.read(f, "kansai", null);
        assertThat(p.get(0)).isEqualTo(1);
        assertThat(p.get(1)).isEqualTo(2);
    }

    @Test
    void aFileByResourceIsRefusedForItsHeader() {
        Path f = csv("202606_1-0_rt_prompt.csv", head("一次調整力", 48) + "TT,取引情報,火力発電,水力・揚水発電,蓄電池,VPP,合計\r\n");
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessageEndingWith("; this reader reads the files by area, not by resource");
    }

    @Test
    void emptyAndTruncatedFiles() {
        Path empty = csv("e_1-0.csv", "");
        assertThatThrownBy(() -> EprxResultsCsv.read(empty, "kansai", null))
                .hasMessageStartingWith(empty + ": the file is empty; expected an EPRX results file: a title line,");
        Path headOnly = csv("h_1-0.csv", head("一次調整力", 48) + HEADER + "\r\n");
        assertThatThrownBy(() -> EprxResultsCsv.read(headOnly, "kansai", null))
                .hasMessage(headOnly + ": no row of metric \"平均落札価格（TSO別）\"; metrics seen: none");
        assertThatThrownBy(() -> EprxResultsCsv.read(dir.resolve("none.csv"), "kansai", null))
                .hasMessage(dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void aSpanBeyondTwentyYearsIsRefusedAsItComes() {
        Path f = csv(
                "t_1-0.csv",
                head("一次調整力", 48) + HEADER + "\r\n" + row("20260601B01", AVERAGE, "1")
                        + row("99991231B01", AVERAGE, "1"));
        assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                .hasMessage(f + ":5: day 9999-12-31 makes the file span 2026-06-01 (" + f + ":4) to 9999-12-31 (" + f
                        + ":5), more than 20 years; an EPRX results file holds a month or a fiscal year");
    }

    @Test
    void productsByCodeNameAndJapaneseName() {
        assertThat(EprxProduct.of("3-2")).isEqualTo(EprxProduct.TERTIARY_2);
        assertThat(EprxProduct.of("tertiary-2")).isEqualTo(EprxProduct.TERTIARY_2);
        assertThat(EprxProduct.of("三次調整力②")).isEqualTo(EprxProduct.TERTIARY_2);
        assertThat(EprxProduct.of("三次調整力2")).isEqualTo(EprxProduct.TERTIARY_2);
        assertThat(EprxProduct.of("一次オフライン")).isEqualTo(EprxProduct.PRIMARY_OFFLINE);
        assertThat(EprxProduct.of("一次調整力(オフライン)")).isEqualTo(EprxProduct.PRIMARY_OFFLINE);
        assertThat(EprxProduct.of("複合商品")).isEqualTo(EprxProduct.COMPOSITE);
        assertThatThrownBy(() -> EprxProduct.of("5-0"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("balancing-market product \"5-0\" is not one of 1-0 primary 一次調整力, ");
        assertThat(EprxProduct.inFileName("zip/202606_2-2_prompt.csv")).contains(EprxProduct.SECONDARY_2);
        assertThat(EprxProduct.inFileName("2021-04-01.csv")).isEmpty();
    }

    /** The fuzz target's seeds do what their names say: the valid ones read, the others are refused. */
    @Test
    void theFuzzSeedsAreWhatTheirNamesSay() throws Exception {
        Path seeds = Path.of(
                getClass().getResource("EprxResultsCsvFuzzTestInputs/read").toURI());
        try (var files = Files.list(seeds)) {
            for (Path f : files.sorted().toList()) {
                if (f.getFileName().toString().startsWith("valid-")) {
                    assertThat(EprxResultsCsv.read(f, "kansai", null).size())
                            .as(f.getFileName().toString())
                            .isPositive();
                } else {
                    assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                            .as(f.getFileName().toString())
                            .isInstanceOf(BadInputException.class);
                }
            }
        }
    }

    // ---- zips

    Path zip(String name, Map<String, String> entries) throws IOException {
        return Files.write(dir.resolve(name), EprxFiles.zip(entries));
    }

    @Test
    void aZipOfOneCsvReadsAsTheCsv() throws IOException {
        String text = EprxFiles.file("一次調整力", 48, JUNE_1, 1, b -> b / 2.0);
        Path z = zip("2026_1-0_prompt.zip", Map.of("202606_1-0_prompt.csv", text));
        EprxPrices p = EprxResultsCsv.read(z, "kansai", null);
        assertThat(p.yenPerKwPer30min())
                .containsExactly(
                        EprxResultsCsv.read(csv("c.csv", text), "kansai", null).yenPerKwPer30min());
    }

    @Test
    void aFiscalYearZipJoinsItsMonthsAcrossTheTurnTo30MinuteBlocks() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(
                "202603_1-0_0314-0331_result.csv", EprxFiles.file("一次調整力", 48, LocalDate.of(2026, 3, 14), 1, b -> 2));
        entries.put(
                "202603_1-0_0301-0313_result.csv", EprxFiles.file("一次調整力", 8, LocalDate.of(2026, 3, 13), 1, b -> 7));
        entries.put("readme.txt", "not a CSV");
        entries.put("__MACOSX/._202603_1-0_0301-0313_result.csv", "resource fork");
        Path z = zip("2025_1-0_result.zip", entries);
        EprxPrices p = EprxResultsCsv.read(z, "kansai", EprxProduct.PRIMARY);
        assertThat(p.firstDay()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(p.blocksPerDay()).containsExactly(8, 48);
        assertThat(p.get(0)).isEqualTo(7);
        assertThat(p.get(95)).isEqualTo(2);
        assertThat(p.missingSlots()).isZero();
    }

    @Test
    void aDayInTwoStructuresIsRefused() throws IOException {
        Path z = zip(
                "2025_1-0_result.zip",
                Map.of(
                        "a_1-0.csv",
                        EprxFiles.file("一次調整力", 8, MARCH_1, 1, b -> 1),
                        "b_1-0.csv",
                        head("一次調整力", 48) + HEADER + "\r\n" + row("20260301B48", AVERAGE, "1")));
        assertThatThrownBy(() -> EprxResultsCsv.read(z, "kansai", null))
                .hasMessage(z + "!/b_1-0.csv:4: day 2026-03-01 comes in 48 blocks here but in 8 at " + z
                        + "!/a_1-0.csv:5; a day has one block structure");
    }

    @Test
    void aZipOfSeveralProductsReadsTheOneAskedOrListsThem() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("202606_1-0_prompt.csv", EprxFiles.file("一次調整力", 48, JUNE_1, 1, b -> 1));
        entries.put("202606_3-2_prompt.csv", EprxFiles.file("三次調整力2", 48, JUNE_1, 1, b -> 32));
        Path z = zip("all.zip", entries);
        assertThat(EprxResultsCsv.read(z, "kansai", EprxProduct.TERTIARY_2).get(0))
                .isEqualTo(32);
        assertThatThrownBy(() -> EprxResultsCsv.read(z, "kansai", null))
                .hasMessage(z + ": holds CSVs of several products (202606_1-0_prompt.csv (一次調整力 (1-0)), "
                        + "202606_3-2_prompt.csv (三次調整力② (3-2))); say which product to read");
        assertThatThrownBy(() -> EprxResultsCsv.read(z, "kansai", EprxProduct.SECONDARY_1))
                .hasMessage(z + ": holds no CSV of 二次調整力① (2-1); it holds 202606_1-0_prompt.csv (一次調整力 (1-0)), "
                        + "202606_3-2_prompt.csv (三次調整力② (3-2))");
    }

    @Test
    void aZipWithoutCsvOrNotAZipAtAll() throws IOException {
        Path z = zip("x.zip", Map.of("notes.txt", "hello"));
        assertThatThrownBy(() -> EprxResultsCsv.read(z, "kansai", null))
                .hasMessage(z + ": the archive holds no CSV (it holds notes.txt)");
        Path fake = Files.writeString(dir.resolve("y.zip"), "H,not a zip\n");
        assertThatThrownBy(() -> EprxResultsCsv.read(fake, "kansai", null))
                .hasMessage(fake
                        + ": is named .zip but is not a zip archive; give the zip as downloaded, or one of its CSVs");
        byte[] cut = Arrays.copyOf(EprxFiles.zip(Map.of("a_1-0.csv", "x")), 40);
        Path truncated = Files.write(dir.resolve("t.zip"), cut);
        assertThatThrownBy(() -> EprxResultsCsv.read(truncated, "kansai", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated + ": not a readable zip archive (");
    }

    /** 16 MiB of zeros deflate to some 16 KB: a small zip bomb. */
    static byte[] bomb() {
        String zeros = "0".repeat(16 << 20);
        return EprxFiles.zip(Map.of("202606_1-0_prompt.csv", zeros));
    }

    @Test
    void aZipBombIsRefusedByItsDeclaredSize() throws IOException {
        Path z = Files.write(dir.resolve("bomb.zip"), bomb());
        assertThat(Files.size(z)).isLessThan(100_000);
        System.setProperty("chikuden.limits.seriesBytes", Integer.toString(1 << 20));
        try {
            assertThatThrownBy(() -> EprxResultsCsv.read(z, "kansai", null))
                    .hasMessage(z + ": its CSVs unpack to more than a series file may have (1048576; "
                            + "-Dchikuden.limits.seriesBytes=N raises it); a zip bomb, or more than a fiscal year?");
        } finally {
            System.clearProperty("chikuden.limits.seriesBytes");
        }
    }

    @Test
    void aZipWhoseHeaderUnderstatesItsSizeFailsAtTheDeclaredSize() throws IOException {
        byte[] b = bomb();
        // the central directory's uncompressed size (offset 24 of its entry) says 100 bytes
        int cen = lastIndexOf(b, new byte[] {'P', 'K', 1, 2});
        b[cen + 24] = 100;
        b[cen + 25] = 0;
        b[cen + 26] = 0;
        b[cen + 27] = 0;
        Path z = Files.write(dir.resolve("liar.zip"), b);
        assertThatThrownBy(() -> EprxResultsCsv.read(z, "kansai", null))
                .hasMessage(z + "!/202606_1-0_prompt.csv: unpacks to more than the 100 bytes its header declares; "
                        + "a damaged archive or a zip bomb");
    }

    static int lastIndexOf(byte[] b, byte[] what) {
        for (int i = b.length - what.length; i >= 0; i--) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aCsvOverTheSeriesLimitIsRefusedBeforeReading() {
        Path f = eightBlockDay();
        System.setProperty("chikuden.limits.seriesBytes", "100");
        try {
            assertThatThrownBy(() -> EprxResultsCsv.read(f, "kansai", null))
                    .hasMessageStartingWith(f + ": is ")
                    .hasMessageEndingWith(" bytes, more than a series file may have (100; "
                            + "-Dchikuden.limits.seriesBytes=N raises it)");
        } finally {
            System.clearProperty("chikuden.limits.seriesBytes");
        }
    }

    @Test
    void theHighestOfEachBlockIsAboveItsAverage() {
        // an independent check of the column: the 最高 row was written as the average + 1 everywhere
        Path f = csv("202606_1-0_prompt.csv", EprxFiles.file("一次調整力", 48, JUNE_1, 3, b -> (b * 7 % 13) / 4.0));
        double[] average = EprxResultsCsv.read(f, "kansai", null).yenPerKwPer30min();
        double[] highest = EprxResultsCsv.read(f, "kansai", null, HIGHEST).yenPerKwPer30min();
        for (int i = 0; i < average.length; i++) {
            assertThat(highest[i] - average[i]).isCloseTo(1, within(1e-9));
        }
    }
}
