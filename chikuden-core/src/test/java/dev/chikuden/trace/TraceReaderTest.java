package dev.chikuden.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.SeriesCsv;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each form the reader accepts, written as real files write it; each of these failed on the readers before it. */
class TraceReaderTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2025-07-27 00:00 in Tokyo. */
    static final long MIDNIGHT = Instant.parse("2025-07-26T15:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void readsBackWhatSeriesCsvWrites() {
        FixedStepSeries a = new FixedStepSeries(1_751_328_000_000L, 1000, new double[] {1.5, -2.25, 3e6, 0});
        FixedStepSeries b = new FixedStepSeries(1_751_328_000_000L, 1000, new double[] {9, 8, 7, 6});
        Path f = dir.resolve("s.csv");
        SeriesCsv.write(f, TOKYO, List.of("a_kw", "b_kw"), List.of(a, b));
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO).withColumn("a_kw"));
        FixedStepSeries back = t.onGrid(t.epochMsAt(0), 1000);
        assertThat(back.values()).containsExactly(a.values());
        assertThat(back.startEpochMs()).isEqualTo(a.startEpochMs());
        assertThat(t.input().line()).contains("power, UTF-8", "\"a_kw\" in kW (header)", "4 rows", "median 1 s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2025-07-27T00:22:27.858+09:00",
                "2025-07-26T15:22:27.858Z",
                "2025/07/27 00:22:27.858",
                "2025-07-27 00:22:27.858",
                "2025年7月27日 0時22分27.858秒",
                "7/27/2025 0:22:27.858",
                "27/07/2025 00:22:27.858"
            })
    void readsEachTimestampForm(String first) throws IOException {
        String second = first.replace("27.858", "28.858");
        Path f = write("timestamp,power_kw\n\"" + first + "\",1\n\"" + second + "\",2\n");
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO));
        assertThat(t.epochMsAt(0)).isEqualTo(MIDNIGHT + (22 * 60 + 27) * 1000 + 858);
        assertThat(t.epochMsAt(1) - t.epochMsAt(0)).isEqualTo(1000);
    }

    @Test
    void readsExcelStyleMinutesAndEpochs() throws IOException {
        Trace excel = TraceReader.read(
                write("timestamp,load (MW)\n2025-07-27 0:22,1\n2025-07-27 0:23,2\n"), TraceOptions.power(TOKYO));
        assertThat(excel.epochMsAt(0)).isEqualTo(MIDNIGHT + 22 * 60_000);
        assertThat(excel.valueAt(1)).isEqualTo(2000);
        long s = (MIDNIGHT + 22 * 60_000) / 1000;
        Trace seconds = TraceReader.read(
                write("time,power_w\n" + s + ",100\n" + (s + 1) + ".5,200\n"), TraceOptions.power(TOKYO));
        assertThat(seconds.epochMsAt(1)).isEqualTo(excel.epochMsAt(0) + 1500);
        assertThat(seconds.input().time()).contains("epoch seconds");
        Trace millis = TraceReader.read(
                write("epoch,power_w\n" + s * 1000 + ",100\n" + (s * 1000 + 100) + ",200\n"),
                TraceOptions.power(TOKYO));
        assertThat(millis.epochMsAt(1)).isEqualTo(excel.epochMsAt(0) + 100);
        assertThat(millis.input().time()).contains("epoch milliseconds");
    }

    @Test
    void separateDateAndTimeColumnsAreTheTimeNotTheValue() throws IOException {
        Path f = write("日付,時刻,電力(kW)\n2025/07/27,0:00,10\n2025/07/27,0:30,20\n2025/07/27,1:00,30\n");
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO));
        assertThat(t.input().column()).isEqualTo("電力(kW)");
        assertThat(t.input().time()).startsWith("\"日付\" + \"時刻\"");
        assertThat(t.epochMsAt(1)).isEqualTo(MIDNIGHT + 1_800_000);
        assertThat(t.values()).containsExactly(10, 20, 30);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeader() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(
                f,
                concat(
                        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                        "timestamp,power_kw\n2025-07-27 00:00:00,1\n2025-07-27 00:00:01,2\n"
                                .getBytes(StandardCharsets.UTF_8)));
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO));
        assertThat(t.input().encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(t.input().column()).isEqualTo("power_kw");
    }

    /**
     * A Japanese 30-minute meter export as the utilities' downloads write it (constructed, see
     * real/SOURCES.md: no licensed real file was found): CP932, a preamble, date and time columns,
     * the interval labelled by its end up to 24:00, kWh per half hour.
     */
    @Test
    void readsACp932HalfHourMeterExportAsAveragePower() throws IOException {
        StringBuilder sb = new StringBuilder("お客さま番号,1234567890\n供給地点特定番号,0300111234567890123456\n");
        sb.append("日付,時刻,使用電力量(kWh)\n");
        for (int k = 1; k <= 48; k++) {
            sb.append("2025/07/27,")
                    .append(k / 2)
                    .append(':')
                    .append(k % 2 == 0 ? "00" : "30")
                    .append(',')
                    .append(k)
                    .append(".5\n");
        }
        Path f = dir.resolve("meter.csv");
        Files.write(f, sb.toString().getBytes(Charset.forName("windows-31j")));
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO));
        TraceInput in = t.input();
        assertThat(in.encoding()).isEqualTo("CP932");
        assertThat(in.format()).isEqualTo("energy");
        assertThat(in.unit()).isEqualTo("kWh");
        assertThat(in.notes())
                .anyMatch(n -> n.startsWith("skipped 2 line(s) before the header"))
                .anyMatch(n -> n.contains("label the end of each interval (24:00 seen)"));
        assertThat(t.epochMsAt(0)).as("0:30 labels the interval from 0:00").isEqualTo(MIDNIGHT);
        assertThat(t.valueAt(0)).as("1.5 kWh in 30 min").isEqualTo(3.0);
        FixedStepSeries day = t.onGrid(MIDNIGHT, 1_800_000);
        assertThat(day.size()).isEqualTo(48);
        double kwh = 0;
        for (int i = 0; i < 48; i++) {
            kwh += day.get(i) * 0.5;
        }
        assertThat(kwh).isCloseTo(48 * 49 / 2.0 + 24, offset(1e-9));
    }

    @Test
    void slotNumbersAndDayRowsReadAsTheSameIntervals() throws IOException {
        StringBuilder slots = new StringBuilder("日付,コマ,使用量(kWh)\n");
        StringBuilder days = new StringBuilder("ご使用日");
        StringBuilder row = new StringBuilder("2025年7月27日");
        for (int k = 1; k <= 48; k++) {
            slots.append("2025/7/27,").append(k).append(',').append(k * 0.25).append('\n');
            days.append(",")
                    .append((k - 1) / 2)
                    .append(':')
                    .append((k - 1) % 2 == 0 ? "00" : "30")
                    .append('～')
                    .append(k / 2)
                    .append(':')
                    .append(k % 2 == 0 ? "00" : "30");
            row.append(',').append(k * 0.25);
        }
        Trace bySlot = TraceReader.read(write(slots.toString()), TraceOptions.power(TOKYO));
        Trace byDay = TraceReader.read(
                write(days + "\n" + row + "\n"), TraceOptions.power(TOKYO).withUnit("kWh"));
        assertThat(bySlot.input().time()).contains("slots 1-48 of 30 min");
        assertThat(byDay.input().time()).contains("48 interval columns", "one row per day");
        assertThat(byDay.size()).isEqualTo(48);
        for (int i = 0; i < 48; i++) {
            assertThat(byDay.epochMsAt(i)).isEqualTo(bySlot.epochMsAt(i)).isEqualTo(MIDNIGHT + i * 1_800_000L);
            assertThat(byDay.valueAt(i)).isEqualTo(bySlot.valueAt(i)).isEqualTo((i + 1) * 0.5);
        }
    }

    /**
     * The hourly download of Club TOHOGAS as rotace/sample_rust's parser (solar_sim/src/power.rs,
     * no licence, so reproduced rather than copied) reads it: one row per day, a header of hour
     * bands 00:00-01:00 ... 23:00-24:00, dates written 2024年1月1日, kWh per hour.
     */
    @Test
    void readsAnHourlyDayRowExportWithHourBands() throws IOException {
        StringBuilder sb = new StringBuilder("ご使用日");
        for (int h = 0; h < 24; h++) {
            sb.append(String.format(",%02d:00-%02d:00", h, h + 1));
        }
        for (int d = 1; d <= 2; d++) {
            sb.append("\n2024年1月").append(d).append('日');
            for (int h = 0; h < 24; h++) {
                sb.append(',').append(0.1 * (h + 1));
            }
        }
        Trace t = TraceReader.read(write(sb + "\n"), TraceOptions.power(TOKYO).withUnit("kWh"));
        assertThat(t.size()).isEqualTo(48);
        assertThat(t.input().medianStepMs()).isEqualTo(3_600_000);
        assertThat(t.epochMsAt(24))
                .isEqualTo(Instant.parse("2024-01-01T15:00:00Z").toEpochMilli());
        assertThat(t.valueAt(23)).as("2.4 kWh in the hour from 23:00").isCloseTo(2.4, offset(1e-12));
    }

    /**
     * The Japan Meteorological Agency's hourly download as third-party parsers' fixtures show it
     * (no licensed real file found, see real/SOURCES.md): CP932, a download-time line, a station
     * row, an element row and a quality row as the header, hours labelled at their end.
     */
    @Test
    void readsAJmaHourlyDownload() throws IOException {
        StringBuilder sb = new StringBuilder("ダウンロードした時刻：2023/09/01 10:00:00\n\n");
        sb.append(",大阪,大阪,大阪,大阪,大阪,大阪\n");
        sb.append("年月日時,気温(℃),気温(℃),気温(℃),日射量(MJ/㎡),日射量(MJ/㎡),日射量(MJ/㎡)\n");
        sb.append(",,品質情報,均質番号,,品質情報,均質番号\n");
        for (int h = 1; h <= 24; h++) {
            String time = h < 24 ? "2023/8/1 " + h + ":00:00" : "2023/8/2 0:00:00";
            sb.append(time)
                    .append(',')
                    .append(25 + h * 0.25)
                    .append(",8,1,")
                    .append(h >= 7 && h <= 18 ? "1.5" : "")
                    .append(",8,1\n");
        }
        Path f = dir.resolve("jma.csv");
        Files.write(f, sb.toString().getBytes(Charset.forName("windows-31j")));
        Trace temperature = TraceReader.read(f, TraceOptions.values(TOKYO));
        assertThat(temperature.input().encoding()).isEqualTo("CP932");
        assertThat(temperature.input().column()).isEqualTo("大阪 気温(℃)");
        assertThat(temperature.input().notes())
                .anyMatch(n -> n.startsWith("skipped 1 line(s) before the header"))
                .anyMatch(n -> n.contains("(JMA download); moved to the start"));
        assertThat(temperature.epochMsAt(0))
                .isEqualTo(Instant.parse("2023-07-31T15:00:00Z").toEpochMilli());
        assertThat(temperature.valueAt(0)).isEqualTo(25.25);
        Trace sun = TraceReader.read(f, TraceOptions.values(TOKYO).withColumn("日射量(MJ/㎡)"));
        assertThat(sun.size()).as("a blank is a missing sample").isEqualTo(12);
        assertThat(sun.input().notes()).anyMatch(n -> n.startsWith("12 missing value(s)"));
        Trace night = TraceReader.read(
                f, TraceOptions.values(TOKYO).withColumn("日射量(MJ/㎡)").withBlankAsZero());
        assertThat(night.size())
                .as("irradiance at night is 0, as weather PV reads it")
                .isEqualTo(24);
        assertThat(night.input().notes()).contains("12 blank value(s) read as 0");
    }

    @Test
    void aJitteredTraceIsReadAndItsJitterReported() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,power_kw\n");
        long ms = 0;
        for (int i = 0; i < 1000; i++) {
            sb.append(SeriesCsv.formatTime(MIDNIGHT + ms, TOKYO))
                    .append(',')
                    .append(i % 7)
                    .append('\n');
            ms += 100 + (i * 7919 % 21); // 100 to 120 ms
        }
        Trace t = TraceReader.read(write(sb.toString()), TraceOptions.power(TOKYO));
        assertThat(t.input().medianStepMs()).isBetween(105L, 115L);
        assertThat(t.input().p99StepMs()).isEqualTo(120);
        assertThat(t.input().gaps()).isZero();
        assertThat(t.naturalStepMs()).isEqualTo(100);
        assertThat(t.onNaturalGrid(TOKYO).size()).isGreaterThan(1090);
    }

    @Test
    void aGapPastTheLimitIsAnErrorUnlessBridged() throws IOException {
        Path f = write("""
                timestamp,kw
                2025-07-01T00:00:00+09:00,1
                2025-07-01T00:00:01+09:00,2
                2025-07-01T00:00:02+09:00,2
                2025-07-01T00:00:09+09:00,3
                2025-07-01T00:00:10+09:00,3
                """);
        assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ":5: a gap of 7 s after line 4, longer than the gap limit of 5 s "
                        + "(5 median steps of 1 s); 1 gap(s) in all.");
        Trace held = TraceReader.read(f, TraceOptions.power(TOKYO).withGaps(GapPolicy.HOLD, null));
        assertThat(held.input().gaps()).isEqualTo(1);
        FixedStepSeries s = held.onGrid(held.epochMsAt(0), 1000);
        assertThat(s.values()).containsExactly(1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3);
        Trace linear = TraceReader.read(f, TraceOptions.power(TOKYO).withGaps(GapPolicy.LINEAR, null));
        assertThat(linear.onGrid(linear.epochMsAt(0), 1000).get(5)).isCloseTo(2 + 3.5 / 7, offset(1e-12));
    }

    /** A logger that stamps when it asked and when the meter answered: the option says which is the time. */
    @Test
    void theTimeColumnOptionPicksAmongSeveralTimes() throws IOException {
        Path f = write("query.start,timestamp,power_kw\n2025/07/27 00:00:00.000,2025/07/27 00:00:00.030,1\n"
                + "2025/07/27 00:00:01.000,2025/07/27 00:00:01.030,2\n");
        Trace first = TraceReader.read(f, TraceOptions.power(TOKYO));
        assertThat(first.input().time()).startsWith("\"query.start\"");
        Trace chosen = TraceReader.read(f, TraceOptions.power(TOKYO).withTimeColumn("timestamp"));
        assertThat(chosen.input().time()).startsWith("\"timestamp\"");
        assertThat(chosen.epochMsAt(0) - first.epochMsAt(0)).isEqualTo(30);
        assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO).withTimeColumn("when")))
                .hasMessageStartingWith(f + ": no column \"when\" holding a time in the first 3 rows");
    }

    @Test
    void aFileWithoutAHeaderNeedsItsColumnsNamed() throws IOException {
        Path f = write("2025-07-27 00:00:00,5\n2025-07-27 00:00:01,6\n");
        assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO)))
                .hasMessage(f + ":1: the file has no header row (line 1 is data); name its columns with the header "
                        + "option, e.g. header: [timestamp, power_kw] (--header timestamp,power_kw)");
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO).withHeader(List.of("t", "site_mw")));
        assertThat(t.valueAt(1)).isEqualTo(6000);
    }

    @Test
    void badValuesNameLineColumnAndValue() throws IOException {
        Path f = write("timestamp,kw\n2025-07-01T00:00:00+09:00,1\n2025-07-01T00:00:01+09:00,abc\n");
        assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO)))
                .hasMessage(f + ":3: \"kw\" value \"abc\" is not a number");
        Path huge = write("timestamp,kw\n2025-07-01T00:00:00+09:00,1\n2025-07-01T00:00:01+09:00,1e308\n");
        assertThatThrownBy(() -> TraceReader.read(huge, TraceOptions.power(TOKYO)))
                .hasMessageContaining(":3: \"kw\" value \"1e308\" is outside the physical range");
        Path late = write("timestamp,kw\n+999999999-12-31T23:59:59Z,1\n2025-07-01T00:00:01+09:00,1\n");
        assertThatThrownBy(() -> TraceReader.read(late, TraceOptions.power(TOKYO)))
                .isInstanceOf(BadInputException.class);
        Path back = write("timestamp,kw\n2025-07-01T00:00:01+09:00,1\n2025-07-01T00:00:00+09:00,1\n");
        assertThatThrownBy(() -> TraceReader.read(back, TraceOptions.power(TOKYO)))
                .hasMessage(back + ":3: the time comes before that of line 2; rows must be in time order, one per "
                        + "instant");
    }

    @Test
    void offsetsReachEighteenHoursAndNoFurther() throws IOException {
        Path edge = write("timestamp,kw\n2025-07-01T00:00:00+18:00,1\n2025-07-01T00:00:00-18:00,2\n");
        Trace t = TraceReader.read(edge, TraceOptions.power(TOKYO));
        assertThat(t.epochMsAt(0))
                .isEqualTo(Instant.parse("2025-06-30T06:00:00Z").toEpochMilli());
        assertThat(t.epochMsAt(1) - t.epochMsAt(0)).as("36 hours apart").isEqualTo(36 * 3_600_000L);
        Path past = write("timestamp,kw\n2025-07-01T00:00:00+18:00,1\n2025-07-01T00:00:00+18:05,2\n"
                + "2025-07-01T00:00:00+17:00,3\n");
        assertThatThrownBy(() -> TraceReader.read(past, TraceOptions.power(TOKYO)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(past + ":3: \"timestamp\" value \"2025-07-01T00:00:00+18:05\" is not a date "
                        + "and time such as 2025-07-27T00:22:27+09:00 (offsets within ±18:00)")
                .hasMessageEndingWith("; a row without a readable time among the data (line 4 has one again)");
    }

    @Test
    void raggedRowsAreErrorsNotCutOrPadded() throws IOException {
        Path extra = write("ts,kw\n2025-07-01T00:00:00+09:00,1\n2025-07-01T00:00:01+09:00,1,5\n");
        assertThatThrownBy(
                        () -> TraceReader.read(extra, TraceOptions.power(TOKYO).withUnit("kW")))
                .hasMessage(extra + ":3: the row has 3 fields, \"5\" in field 3 beyond the 2 the header names");
        Path shortRow = write("ts,a,kw\n2025-07-01T00:00:00+09:00,1,1\n2025-07-01T00:00:01+09:00,1\n");
        assertThatThrownBy(() ->
                        TraceReader.read(shortRow, TraceOptions.power(TOKYO).withColumn("kw")))
                .hasMessage(shortRow + ":3: the row has 2 fields; the values are in field 3");
        Path trailing = write("ts,kw\n2025-07-01T00:00:00+09:00,1,\n2025-07-01T00:00:01+09:00,2,\n");
        assertThat(TraceReader.read(trailing, TraceOptions.power(TOKYO)).values())
                .as("a trailing comma, as Excel and TMY3 write, is no value")
                .containsExactly(1, 2);
    }

    @Test
    void aFileOverTheSeriesLimitIsRefusedBeforeReading() throws IOException {
        Path f = write("timestamp,kw\n2025-07-01T00:00:00+09:00,1\n2025-07-01T00:00:01+09:00,2\n");
        System.setProperty("chikuden.limits.seriesBytes", "20");
        try {
            assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO)))
                    .hasMessage(f + ": is 69 bytes, more than a series file may have (20; "
                            + "-Dchikuden.limits.seriesBytes=N raises it)");
        } finally {
            System.clearProperty("chikuden.limits.seriesBytes");
        }
    }

    @Test
    void invalidBytesNameTheirOffset() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(
                f, concat("timestamp,kw\n".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x82, (byte) 0xff}));
        assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO)))
                .hasMessage(f + ": byte 13 is not valid UTF-8, and the file is not valid CP932 (Shift_JIS) either; "
                        + "save it as UTF-8 (with or without BOM) or CP932");
    }

    @Test
    void severalValueColumnsMustBeNamedUnlessOneIsTheMeter() throws IOException {
        Path f = write("timestamp,a,b\n2025-07-01T00:00:00+09:00,1,2\n2025-07-01T00:00:01+09:00,1,2\n");
        assertThatThrownBy(() -> TraceReader.read(f, TraceOptions.power(TOKYO)))
                .hasMessage(
                        f + ":1: 2 value columns [a, b]; name the one to read with the column option (column: NAME, "
                                + "--column NAME)");
        Path plan = write("timestamp,loadKw,gridKw\n2025-07-01T00:00:00+09:00,1,2\n2025-07-01T00:00:01+09:00,1,2\n");
        assertThat(TraceReader.read(plan, TraceOptions.power(TOKYO)).input().column())
                .isEqualTo("gridKw");
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".csv");
        Files.writeString(f, text);
        return f;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<String> lines(String... l) {
        return new ArrayList<>(List.of(l));
    }
}
