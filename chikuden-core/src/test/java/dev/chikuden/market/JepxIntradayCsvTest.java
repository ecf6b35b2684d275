package dev.chikuden.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JepxIntradayCsvTest {
    /** The header of JEPX's im_trade_summary files since the volume is in kWh. */
    static final String HEADER = "年月日,時刻コード,始値(円/kWh),高値(円/kWh),安値(円/kWh),終値(円/kWh),平均(円/kWh),約定量合計(kWh),約定件数";
    /** The older header: full-width brackets, the volume in MWh/h. */
    static final String OLD_HEADER = "年月日,時刻コード,始値(円/kWh),高値（円/kWh）,安値（円/kWh）,終値（円/kWh）,平均（円/kWh）,約定量合計（MWh/h）,約定件数";

    @TempDir
    Path dir;

    /** A row with mean {@code mean} and volume {@code volume}, the other prices around it. */
    static String row(String date, int slot, String mean, String volume) {
        return date + "," + slot + ",20.10,22.61,8.52,9.48," + mean + "," + volume + ",140";
    }

    Path write(String name, String text, Charset charset) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(charset));
        return f;
    }

    /** Two days: slot k of day 1 at k yen, day 2 at 5 with slot 10 untraded (volume 0) and slot 11 empty. */
    String twoDays(String header) {
        StringBuilder sb = new StringBuilder(header).append("\r\n");
        for (int k = 1; k <= 48; k++) {
            sb.append(row("2025/04/01", k, k + ".00", "301050")).append("\r\n");
        }
        for (int k = 1; k <= 48; k++) {
            String r = k == 10
                    ? row("2025/4/2", k, "0", "0")
                    : k == 11 ? "2025/4/2,11,,,,,,," : row("2025/4/2", k, "5", "1200");
            sb.append(r).append("\r\n");
        }
        return sb.append(",,,,,,,,\r\n").toString();
    }

    static long at(String time) {
        return OffsetDateTime.parse(time).toInstant().toEpochMilli();
    }

    @Test
    void readsTheMeanPriceOfEachSlotAsPublishedInCp932() throws IOException {
        PriceSeries s = JepxIntradayCsv.read(
                write("im_trade_summary_2025.csv", twoDays(HEADER), Charset.forName("windows-31j")));
        assertThat(s.size()).isEqualTo(96);
        assertThat(s.startEpochMs()).isEqualTo(at("2025-04-01T00:00+09:00"));
        assertThat(s.get(0)).isEqualTo(1);
        assertThat(s.priceAt(at("2025-04-01T23:45+09:00"))).isEqualTo(48);
        assertThat(s.priceAt(at("2025-04-02T00:00+09:00"))).isEqualTo(5);
    }

    @Test
    void slotsWithoutTradesHaveNoPrice() throws IOException {
        PriceSeries s = JepxIntradayCsv.read(
                write("im_trade_summary_2025.csv", twoDays(HEADER), Charset.forName("windows-31j")));
        assertThat(s.priceAt(at("2025-04-02T04:30+09:00")))
                .as("slot 10, volume 0")
                .isNaN();
        assertThat(s.priceAt(at("2025-04-02T05:00+09:00"))).as("slot 11, empty").isNaN();
        assertThat(s.missingSlots()).isEqualTo(2);
    }

    @Test
    void readsTheOlderFullWidthHeaderAndUtf8WithOrWithoutBom() throws IOException {
        PriceSeries plain = JepxIntradayCsv.read(write("a.csv", twoDays(OLD_HEADER), StandardCharsets.UTF_8));
        PriceSeries bom = JepxIntradayCsv.read(write("b.csv", "\uFEFF" + twoDays(HEADER), StandardCharsets.UTF_8));
        for (PriceSeries s : new PriceSeries[] {plain, bom}) {
            assertThat(s.size()).isEqualTo(96);
            assertThat(s.get(47)).isEqualTo(48);
            assertThat(s.missingSlots()).isEqualTo(2);
        }
    }

    @Test
    void aMalformedPriceNamesFileLineColumnValueAndWhatIsAllowed() throws IOException {
        String text = HEADER + "\n" + row("2025/04/01", 1, "9.5", "100") + "\n" + row("2025/04/01", 2, "9,5", "100");
        Path f = write("im.csv", text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(f))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(f + ":3: the row has 10 fields where the header has 9");
        Path g = write("im2.csv", HEADER + "\n" + row("2025/04/01", 1, "abc", "100"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(g))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(g + ":2: 平均(円/kWh) value \"abc\" is not a price; expected a number of yen/kWh");
        Path v = write("im3.csv", HEADER + "\n" + row("2025/04/01", 1, "9", "-3"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(v))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(v + ":2: 約定量合計(kWh) value \"-3\" is negative");
        Path y = write("im4.csv", HEADER + "\n" + row("2025/04/01", 1, "9500", "10"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(y))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(y + ":2: 平均(円/kWh) value \"9500\" is outside 0..1000 yen/kWh");
        Path s = write("im5.csv", HEADER + "\n" + row("2025/04/01", 49, "9", "10"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(s))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(s + ":2: slot code \"49\" is not a whole number from 1 to 48");
        Path d = write(
                "im6.csv",
                HEADER + "\n" + row("2025/04/01", 1, "9", "10") + "\n" + row("2025/04/01", 1, "8", "10"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(d))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(d + ":3: the slot of this row is already on line 2");
    }

    @Test
    void aFileWithoutTheIntradayColumnsIsNamedForWhatItIsNot() throws IOException {
        Path f = write(
                "spot_summary_2025.csv",
                "受渡日,時刻コード,売り入札量(kWh),システムプライス(円/kWh)\n2025/04/01,1,1,9\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(f))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(f + ":1: no column \"年月日\"")
                .hasMessageContaining("expected a JEPX im_trade_summary file");
        Path e = write("empty.csv", "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JepxIntradayCsv.read(e))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the file is empty");
    }
}
