package dev.chikuden.load.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvidiaSmiLogTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2024/05/01 12:00:00.000 in Tokyo. */
    private static final long START = Instant.parse("2024-05-01T03:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    /**
     * 4 GPUs at 100 ms for 3 s: instant k at 100 k ms, GPU g writes 2 g ms later, drawing
     * 100 + 10 g + k W; line 1 is the header, so instant k, GPU g is on line 2 + 4 k + g.
     */
    static List<String> fourGpus() {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp, power.draw [W], utilization.gpu [%], memory.used [MiB]");
        for (int k = 0; k < 30; k++) {
            for (int g = 0; g < 4; g++) {
                lines.add(row(100L * k + 2L * g, 100 + 10 * g + k, "%.2f W"));
            }
        }
        return lines;
    }

    /** A row {@code ms} after 2024/05/01 12:00:00.000. */
    static String row(long ms, double watts, String powerFormat) {
        long s = ms / 1000;
        return String.format(
                "2024/05/01 12:%02d:%02d.%03d, " + powerFormat + ", 97 %%, 40000 MiB",
                s / 60,
                s % 60,
                ms % 1000,
                watts);
    }

    @Test
    void sumsTheGpusOfEachInstant() throws IOException {
        PowerInstants node = NvidiaSmiLog.read(write(fourGpus()), TOKYO);
        assertThat(node.size()).isEqualTo(30);
        assertThat(node.samplePeriodMs()).isEqualTo(100);
        for (int k = 0; k < 30; k++) {
            assertThat(node.epochMsAt(k)).isEqualTo(START + 100L * k);
            assertThat(node.powerKwAt(k)).isCloseTo((460 + 4 * k) / 1000.0, offset(1e-12));
            assertThat(node.lineAt(k)).isEqualTo(2 + 4 * k);
        }
    }

    @Test
    void resamplesToTheSamplePeriodACoarserAndAFinerStep() throws IOException {
        PowerInstants node = NvidiaSmiLog.read(write(fourGpus()), TOKYO);
        FixedStepSeries at100ms = node.resample(100);
        assertThat(at100ms.startEpochMs()).isEqualTo(START);
        assertThat(at100ms.size()).isEqualTo(30);
        for (int k = 0; k < 30; k++) {
            assertThat(at100ms.get(k)).isCloseTo((460 + 4 * k) / 1000.0, offset(1e-12));
        }
        FixedStepSeries at1s = node.resample(1000);
        assertThat(at1s.startEpochMs()).isEqualTo(START);
        assertThat(at1s.size()).isEqualTo(3);
        for (int j = 0; j < 3; j++) {
            double meanWatts = 460 + 4 * (10 * j + 4.5); // mean of k = 10 j .. 10 j + 9
            assertThat(at1s.get(j)).isCloseTo(meanWatts / 1000, offset(1e-12));
        }
        FixedStepSeries at50ms = node.resample(50);
        assertThat(at50ms.size()).isEqualTo(60);
        for (int k = 0; k < 30; k++) {
            assertThat(at50ms.get(2 * k)).isCloseTo((460 + 4 * k) / 1000.0, offset(1e-12));
            assertThat(at50ms.get(2 * k + 1)).as("held").isEqualTo(at50ms.get(2 * k));
        }
    }

    @Test
    void aMissingGpuRowIsAnErrorAtItsInstant() throws IOException {
        List<String> lines = fourGpus();
        lines.remove(32 - 1); // instant 7, GPU 2
        assertThatThrownBy(() -> NvidiaSmiLog.read(write(lines), TOKYO))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("log.csv") + ":30: the sample instant starting on this line has 3 GPU row(s), "
                        + "the others 4; a GPU row is missing or extra (rows less than 47 ms apart form one instant)");
    }

    @Test
    void aGapIsReportedWithItsLineTimeAndLength() throws IOException {
        List<String> lines = new ArrayList<>(fourGpus().subList(0, 1 + 40));
        for (int k = 10; k < 30; k++) { // from instant 10 on, 1.9 s late: 2 s after instant 9
            for (int g = 0; g < 4; g++) {
                lines.add(row(100L * k + 1900 + 2L * g, 100, "%.2f W"));
            }
        }
        PowerInstants node = NvidiaSmiLog.read(write(lines), TOKYO);
        assertThat(node.size()).isEqualTo(30);
        assertThatThrownBy(() -> node.resample(1000))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("log.csv") + ":42: a gap of 2 s in the recording, from 2024/05/01 "
                        + "12:00:00.900 (line 38) to 2024/05/01 12:00:02.900; more than 2.5 sample periods of 100 ms. "
                        + "1 gap(s) in all, the first shown; gaps are not filled in: cut the log before or after them, "
                        + "or record again");
    }

    @Test
    void malformedPowersAreErrorsWithTheirLine() throws IOException {
        List<String> lines = fourGpus();
        lines.set(20 - 1, lines.get(20 - 1).replace("124.00 W", "abc W"));
        assertThatThrownBy(() -> NvidiaSmiLog.read(write(lines), TOKYO))
                .hasMessage(dir.resolve("log.csv") + ":20: power.draw [W] value \"abc W\" is not a power such as "
                        + "\"71.25 W\"");
        List<String> na = fourGpus();
        na.set(7 - 1, na.get(7 - 1).replace("111.00 W", "[N/A]"));
        assertThatThrownBy(() -> NvidiaSmiLog.read(write(na), TOKYO))
                .hasMessage(dir.resolve("log.csv") + ":7: power.draw [W] value \"[N/A]\" is not a power such as "
                        + "\"71.25 W\" (nvidia-smi writes [N/A] for a GPU that does not report its power; such a log "
                        + "cannot be used)");
    }

    @Test
    void malformedTimestampsAndHeadersAreErrors() throws IOException {
        List<String> lines = fourGpus();
        lines.set(9 - 1, lines.get(9 - 1).replace("2024/05/01 12:00:00.106", "2024-05-01 12:00:00.106"));
        assertThatThrownBy(() -> NvidiaSmiLog.read(write(lines), TOKYO))
                .hasMessage(dir.resolve("log.csv") + ":9: timestamp \"2024-05-01 12:00:00.106\" is not nvidia-smi's "
                        + "yyyy/MM/dd HH:mm:ss.SSS (or without milliseconds), local time in Asia/Tokyo");
        List<String> late = fourGpus();
        late.set(9 - 1, late.get(9 - 1).replace("12:00:00.106", "12:00:00.001"));
        assertThatThrownBy(() -> NvidiaSmiLog.read(write(late), TOKYO))
                .hasMessage(dir.resolve("log.csv") + ":9: timestamp 2024/05/01 12:00:00.001 comes before the row "
                        + "above (line 8); rows must be in time order");
        List<String> noPower = fourGpus();
        noPower.set(0, "timestamp, utilization.gpu [%], memory.used [MiB]");
        assertThatThrownBy(() -> NvidiaSmiLog.read(write(noPower), TOKYO))
                .hasMessageStartingWith(dir.resolve("log.csv") + ":1: no column \"power.draw [W]\"; the header has "
                        + "[timestamp, utilization.gpu [%], memory.used [MiB]]");
    }

    /** One GPU once a second, without milliseconds or units, a second header where two logs were joined. */
    @Test
    void readsWholeSecondsValuesWithoutUnitsAndRepeatedHeaders() throws IOException {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, """
                timestamp, power.draw [W]
                2024/05/01 12:00:00, 300.5
                2024/05/01 12:00:01, 310.5
                timestamp, power.draw [W]
                2024/05/01 12:00:02, 320.5
                """);
        PowerInstants node = NvidiaSmiLog.read(f, TOKYO);
        assertThat(node.samplePeriodMs()).isEqualTo(1000);
        assertThat(node.resample(1000).values()).containsExactly(0.3005, 0.3105, 0.3205);
        assertThat(node.lineAt(2)).isEqualTo(5);
    }

    private Path write(List<String> lines) throws IOException {
        return Files.write(dir.resolve("log.csv"), lines);
    }
}
