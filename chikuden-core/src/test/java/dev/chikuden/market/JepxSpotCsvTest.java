package dev.chikuden.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.BadInputException;
import dev.chikuden.fixtures.JepxCsv;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JepxSpotCsvTest {
    @TempDir
    Path dir;

    /** One 19-column row: Tokyo price {@code tokyo}, Kansai price {@code kansai}. */
    static String row(String date, int slot, String tokyo, String kansai) {
        return date + "," + slot + ",1,1,1,9.99,1.00,1.00," + tokyo + ",1.00,1.00," + kansai
                + ",1.00,1.00,1.00,0,0,0,0";
    }

    /** Two days as published (CP932, CRLF), the second without zero padding, and blank rows at the end. */
    Path twoDays(Charset charset, String date2) throws IOException {
        StringBuilder sb = new StringBuilder(JepxCsv.HEADER).append("\r\n");
        for (int k = 1; k <= 48; k++) {
            sb.append(row("2023/04/01", k, "20.00", Integer.toString(k))).append("\r\n");
        }
        for (int k = 1; k <= 48; k++) {
            sb.append(row(date2, k, "20.00", k == 20 ? "60.5" : "5")).append("\r\n");
        }
        sb.append(",,,,,,,,,,,,,,,,,,\r\n\r\n");
        Path f = dir.resolve("spot_summary_2023.csv");
        Files.write(f, sb.toString().getBytes(charset));
        return f;
    }

    @Test
    void readsThePublishedFormatAndNonPaddedDates() throws IOException {
        PriceSeries s = JepxSpotCsv.read(twoDays(Charset.forName("windows-31j"), "2023/4/2"), "kansai");
        assertThat(s.area()).isEqualTo("kansai");
        assertThat(s.size()).isEqualTo(96);
        assertThat(s.startEpochMs())
                .isEqualTo(OffsetDateTime.parse("2023-04-01T00:00+09:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(s.get(0)).isEqualTo(1);
        assertThat(s.get(47)).isEqualTo(48);
        // slot code 20 starts at 9:30 JST
        assertThat(s.priceAt(OffsetDateTime.parse("2023-04-02T09:45+09:00")
                        .toInstant()
                        .toEpochMilli()))
                .isEqualTo(60.5);
        assertThat(s.missingSlots()).isZero();
    }

    @Test
    void aUtf8ResaveWithBomAndTheJapaneseAreaName() throws IOException {
        Path f = twoDays(StandardCharsets.UTF_8, "2023-04-02");
        byte[] body = Files.readAllBytes(f);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(f, concat(bom, body));
        assertThat(JepxSpotCsv.read(f, "東京").get(5)).isEqualTo(20.0);
        assertThat(JepxSpotCsv.read(f, "エリアプライス関西(円/kWh)").get(95)).isEqualTo(5.0);
    }

    @Test
    void aMissingDayLeavesItsSlotsWithoutPrice() throws IOException {
        PriceSeries s = JepxSpotCsv.read(twoDays(Charset.forName("windows-31j"), "2023/04/03"), "kansai");
        assertThat(s.size()).isEqualTo(144);
        assertThat(s.missingSlots()).isEqualTo(48);
        assertThat(Double.isNaN(s.get(48))).isTrue();
        // mean of day one (1..48) and day three (47 x 5 + 60.5), the missing day ignored
        assertThat(s.meanBetween(s.startEpochMs(), s.epochMsAt(144))).isCloseTo((1176 + 295.5) / 96.0, within(1e-12));
    }

    @Test
    void summaryFigures() throws IOException {
        PriceSummary p =
                PriceSummary.of(JepxSpotCsv.read(twoDays(Charset.forName("windows-31j"), "2023/4/2"), "kansai"));
        assertThat(p.slots()).isEqualTo(96);
        assertThat(p.meanYenPerKwh()).isCloseTo((1176 + 47 * 5 + 60.5) / 96, within(1e-12));
        assertThat(p.medianYenPerKwh())
                .isEqualTo(5.0); // 48 fives + values 1..48: the 48th and 49th of the sorted are 5, 5
        assertThat(p.minYenPerKwh()).isEqualTo(1.0);
        assertThat(p.maxYenPerKwh()).isEqualTo(60.5);
        assertThat(p.meanDailySpreadYenPerKwh()).isCloseTo(((48 - 1) + (60.5 - 5)) / 2, within(1e-12));
    }

    @Test
    void aMalformedPriceNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(
                f,
                (JepxCsv.HEADER + "\r\n" + row("2023/04/01", 1, "1", "8.5") + "\r\n" + row("2023/04/01", 2, "1", "8.5x")
                                + "\r\n")
                        .getBytes(Charset.forName("windows-31j")));
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(
                        f
                                + ":3: エリアプライス関西(円/kWh) value \"8.5x\" is not a price; expected a number of yen/kWh such as 9.74");
        Files.write(
                f,
                (JepxCsv.HEADER + "\r\n" + row("2023/04/01", 1, "1", "8,5") + "\r\n")
                        .getBytes(Charset.forName("windows-31j")));
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai"))
                .hasMessageContaining(f + ":2: the row has 20 fields where the header has 19");
    }

    /** A price no market clears at, or a volume in the price column, is an error; negatives only when allowed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e308", "999999999999", "-0.01", "14923000"})
    void aPriceOutsideTheMarketsRangeIsAnError(String price) throws IOException {
        Path f = dir.resolve("range.csv");
        Files.write(
                f,
                (JepxCsv.HEADER + "\r\n" + row("2023/04/01", 1, "1", "8.5") + "\r\n" + row("2023/04/01", 2, "1", price)
                                + "\r\n")
                        .getBytes(Charset.forName("windows-31j")));
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ":3: エリアプライス関西(円/kWh) value \"" + price + "\" is outside 0..1000 yen/kWh");
        if (price.equals("-0.01")) {
            assertThat(JepxSpotCsv.read(f, "kansai", true).size()).isEqualTo(2);
        }
    }

    @Test
    void aBadSlotCodeOrDateNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, JepxCsv.HEADER + "\n" + row("2023/04/01", 49, "1", "8.5") + "\n");
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai")).hasMessageContaining(f + ":2: slot code \"49\"");
        Files.writeString(f, JepxCsv.HEADER + "\n" + row("2023/13/01", 1, "1", "8.5") + "\n");
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai"))
                .hasMessageContaining(f + ":2: delivery date \"2023/13/01\"");
        Files.writeString(f, JepxCsv.HEADER + "\n" + row("2023/04/01", 1, "1", "") + "\n");
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai"))
                .hasMessageContaining(f + ":2: エリアプライス関西(円/kWh) value \"\"");
        Files.writeString(
                f, JepxCsv.HEADER + "\n" + row("2023/04/01", 1, "1", "2") + "\n" + row("2023/4/1", 1, "1", "2") + "\n");
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "kansai"))
                .hasMessageContaining(f + ":3: the slot of this row is already on line 2");
    }

    @Test
    void anUnknownAreaListsTheAllowedNames() throws IOException {
        Path f = twoDays(StandardCharsets.UTF_8, "2023/04/02");
        assertThatThrownBy(() -> JepxSpotCsv.read(f, "osaka"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no price column for area \"osaka\"; allowed: hokkaido, tohoku, tokyo, chubu, "
                        + "hokuriku, kansai, chugoku, shikoku, kyushu");
    }

    /** The published Kansai figures of DESIGN.md, computed from the real files. */
    @Test
    void kansaiFiscal2023AsPublished() {
        PriceSummary p = PriceSummary.of(JepxSpotCsv.read(JepxCsv.published("spot_summary_2023.csv"), "kansai"));
        assertThat(p.slots()).isEqualTo(366 * 48); // FY2023 holds 29 Feb 2024
        assertThat(p.missingSlots()).isZero();
        assertThat(p.firstSlotEpochMs())
                .isEqualTo(OffsetDateTime.parse("2023-04-01T00:00+09:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(p.lastSlotEpochMs())
                .isEqualTo(OffsetDateTime.parse("2024-03-31T23:30+09:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(p.meanYenPerKwh()).isCloseTo(9.74, within(0.005));
        assertThat(p.maxYenPerKwh()).isEqualTo(50.00);
    }

    @Test
    void kansaiFiscal2025AsPublished() {
        PriceSummary p = PriceSummary.of(JepxSpotCsv.read(JepxCsv.published("spot_summary_2025.csv"), "kansai"));
        assertThat(p.slots()).isEqualTo(365 * 48);
        assertThat(p.meanYenPerKwh()).isCloseTo(10.65, within(0.005));
        assertThat(p.maxYenPerKwh()).isEqualTo(45.01);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
