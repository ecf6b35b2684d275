package dev.chikuden.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    @Test
    void writeThenReadRoundTrips() {
        FixedStepSeries a = new FixedStepSeries(1_751_328_000_000L, 1000, new double[] {1.5, -2.25, 3e6, 0});
        FixedStepSeries b = new FixedStepSeries(1_751_328_000_000L, 1000, new double[] {9, 8, 7, 6});
        Path f = dir.resolve("s.csv");
        SeriesCsv.write(f, TOKYO, List.of("a", "b"), List.of(a, b));
        FixedStepSeries readA = SeriesCsv.read(f, "a", TOKYO);
        FixedStepSeries readB = SeriesCsv.read(f, "b", TOKYO);
        assertThat(readA.values()).containsExactly(a.values());
        assertThat(readB.values()).containsExactly(b.values());
        assertThat(readA.startEpochMs()).isEqualTo(a.startEpochMs());
        assertThat(readA.stepMs()).isEqualTo(1000);
    }

    @Test
    void readsLocalTimestampsInTheSiteZoneAndSkipsComments() throws IOException {
        Path f = write(
                "# a comment\ntimestamp,kw\n2025-07-01 00:00:00,10\n2025-07-01 00:30:00,20\n2025-07-01 01:00:00,30\n");
        FixedStepSeries s = SeriesCsv.read(f, null, TOKYO);
        assertThat(s.startEpochMs())
                .isEqualTo(java.time.Instant.parse("2025-06-30T15:00:00Z").toEpochMilli());
        assertThat(s.stepMs()).isEqualTo(1_800_000);
        assertThat(s.values()).containsExactly(10, 20, 30);
    }

    @Test
    void aGapIsReportedWithItsLine() throws IOException {
        Path f = write("""
                timestamp,kw
                2025-07-01T00:00:00+09:00,1
                2025-07-01T00:00:01+09:00,2
                2025-07-01T00:00:04+09:00,3
                """);
        assertThatThrownBy(() -> SeriesCsv.read(f, "kw", TOKYO))
                .isInstanceOf(BadInputException.class)
                .hasMessage(f + ":4: a gap of 2 missing step(s) before timestamp 2025-07-01T00:00:04+09:00; "
                        + "the series must be fixed-step and complete");
    }

    @Test
    void aBadNumberIsReportedWithLineAndColumn() throws IOException {
        Path f = write("timestamp,kw\n2025-07-01T00:00:00+09:00,1\n2025-07-01T00:00:01+09:00,abc\n");
        assertThatThrownBy(() -> SeriesCsv.read(f, "kw", TOKYO))
                .hasMessage(f + ":3: column \"kw\" value \"abc\" is not a finite number");
    }

    @Test
    void aBadTimestampIsReported() throws IOException {
        Path f = write("timestamp,kw\n2025-07-01T00:00:00+09:00,1\nyesterday,2\n");
        assertThatThrownBy(() -> SeriesCsv.read(f, "kw", TOKYO))
                .hasMessageStartingWith(f + ":3: timestamp \"yesterday\" is not ISO-8601");
    }

    @Test
    void anUnknownColumnListsTheColumns() throws IOException {
        Path f = write("timestamp,kw,kvar\n2025-07-01T00:00:00+09:00,1,0\n2025-07-01T00:00:01+09:00,2,0\n");
        assertThatThrownBy(() -> SeriesCsv.read(f, "mw", TOKYO))
                .hasMessage(f + ":1: no column \"mw\"; the header has [kw, kvar]");
    }

    @Test
    void aShortRowIsReported() throws IOException {
        Path f = write("timestamp,kw,kvar\n2025-07-01T00:00:00+09:00,1,0\n2025-07-01T00:00:01+09:00,2\n");
        assertThatThrownBy(() -> SeriesCsv.read(f, "kvar", TOKYO))
                .hasMessage(f + ":3: the row has 2 fields; column \"kvar\" is field 3");
    }

    @Test
    void aMissingFileIsBadInput() {
        Path f = dir.resolve("none.csv");
        assertThatThrownBy(() -> SeriesCsv.read(f, null, TOKYO))
                .isInstanceOf(BadInputException.class)
                .hasMessage(f + ": no such file");
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, text);
        return f;
    }
}
