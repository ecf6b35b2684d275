package dev.chikuden.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nvidia-smi logs as real nodes write them, and the real public files of real/SOURCES.md. */
class NvidiaSmiAndRealFilesTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    /**
     * 8 GPUs polled every 100 ms for 30 polls; the first GPU's row comes 40 ms before the others,
     * which straddle 80 ms more, so a poll spans 120 ms and overlaps the next. GPU g draws
     * 300 + 10 g + k W in poll k; GPU 3's row of poll 12 is missing.
     */
    static String straddlingLog(boolean withIndex) {
        StringBuilder sb = new StringBuilder(
                withIndex ? "timestamp, index, power.draw [W], utilization.gpu [%]\n" : "timestamp, power.draw [W]\n");
        for (int k = 0; k < 30; k++) {
            for (int g = 0; g < 8; g++) {
                if (k == 12 && g == 3) {
                    continue;
                }
                long ms = 100L * k + (g == 0 ? 0 : 40 + (g - 1) * 80 / 6);
                String time = String.format("2025/07/27 00:22:%02d.%03d", 27 + ms / 1000, ms % 1000);
                sb.append(time)
                        .append(withIndex ? ", " + g : "")
                        .append(String.format(", %.2f W", 300.0 + 10 * g + k))
                        .append(withIndex ? ", 100 %\n" : "\n");
            }
        }
        return sb.toString();
    }

    @Test
    void pollsThatStraddle120msWithAMissingRowReadAsTheirInstants() throws IOException {
        Path f = Files.writeString(dir.resolve("node.csv"), straddlingLog(true));
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO));
        assertThat(t.size()).isEqualTo(30);
        assertThat(t.input().format()).isEqualTo("nvidia-smi");
        assertThat(t.input().medianStepMs()).isEqualTo(100);
        assertThat(t.input().notes())
                .anyMatch(n -> n.startsWith("1 GPU row(s) missing from their poll (polls starting on lines 98)"))
                .anyMatch(n -> n.startsWith("read power.draw: on Ampere and newer GPUs a one-second average"))
                .anyMatch(n -> n.equals("8 GPUs per poll (from \"index\")"));
        long start = Instant.parse("2025-07-26T15:22:27Z").toEpochMilli();
        for (int k = 0; k < 30; k++) {
            double watts = 8 * 300 + 10 * 28 + 8 * k - (k == 12 ? 1 : 0); // poll 12 holds GPU 3's 311 W of poll 11
            assertThat(t.epochMsAt(k)).isEqualTo(start + 100L * k);
            assertThat(t.valueAt(k)).as("poll %d", k).isCloseTo(watts / 1000, offset(1e-12));
        }
    }

    @Test
    void withoutAnIndexColumnTheGpuCountComesFromTheOptionOrTheTiming() throws IOException {
        Path f = Files.writeString(dir.resolve("plain.csv"), straddlingLog(false));
        Trace t = TraceReader.read(f, TraceOptions.power(TOKYO).withGpus(8));
        assertThat(t.input().notes()).contains("8 GPUs per poll (option)");
        // grouped in eights, the missing row shifts every later poll by one GPU: only an index column reveals it
        assertThat(t.size()).isEqualTo(30);
        assertThat(TraceReader.read(f, TraceOptions.power(TOKYO)).input().notes())
                .anyMatch(n -> n.startsWith("8 GPUs per poll (from the timing of the first polls"));
    }

    @Test
    void readsNanoGptsEightGpuLog() throws Exception {
        // MIT; a wrapper stamps all 8 rows of a poll with one ISO time, GPU index beside power_W
        Trace t = TraceReader.read(real("nvidia-smi-wrapped_8gpu_nanogpt-pr643.csv"), TraceOptions.power(TOKYO));
        assertThat(t.input().format()).isEqualTo("nvidia-smi");
        assertThat(t.size()).isEqualTo(7);
        assertThat(t.input().notes()).contains("8 GPUs per poll (from \"gpu_index\")");
        // first poll: 387.26 + 422.55 + 389.31 + 370.96 + 385.71 + 372.66 + 377.96 + 375.69 W
        assertThat(t.valueAt(0)).isCloseTo(3.0821, offset(1e-9));
        assertThat(t.epochMsAt(0))
                .isEqualTo(Instant.parse("2025-09-24T03:48:33.493Z").toEpochMilli());
    }

    @Test
    void readsTmy3WithItsEndOfHourLabels() throws Exception {
        // BSD-3 (pvlib): station line, "Date (MM/DD/YYYY),Time (HH:MM)", hours 01:00-24:00 at their end
        Trace t = TraceReader.read(
                real("tmy3_723170TYA_pvlib.csv"),
                TraceOptions.values(ZoneOffset.ofHours(-5)).withColumn("GHI (W/m^2)"));
        assertThat(t.input().time()).startsWith("\"Date (MM/DD/YYYY)\" + \"Time (HH:MM)\"");
        assertThat(t.input().notes()).anyMatch(n -> n.contains("label the end of each interval (24:00 seen)"));
        assertThat(t.epochMsAt(0))
                .isEqualTo(Instant.parse("1988-01-01T05:00:00Z").toEpochMilli());
        assertThat(t.input().medianStepMs()).isEqualTo(3_600_000);
    }

    @Test
    void readsNsrdbFieldColumnsAndPvgisCompactTimes() throws Exception {
        // BSD-3 (pvlib): two metadata lines above Year,Month,Day,Hour,Minute; 30-minute rows
        Trace nsrdb = TraceReader.read(
                real("nsrdb_psm3_pvlib.csv"),
                TraceOptions.values(ZoneOffset.ofHours(-7)).withColumn("GHI"));
        assertThat(nsrdb.input().time()).startsWith("year, month, day, hour, minute columns");
        assertThat(nsrdb.input().medianStepMs()).isEqualTo(1_800_000);
        // PVGIS: a tab-separated preamble, 20160101:0010 in UTC, a legend after the data
        Trace pvgis = TraceReader.read(
                real("pvgis_hourly_pvlib.csv"),
                TraceOptions.values(ZoneOffset.UTC).withColumn("T2m"));
        assertThat(pvgis.epochMsAt(0))
                .isEqualTo(Instant.parse("2016-01-01T00:10:00Z").toEpochMilli());
        assertThat(pvgis.valueAt(0)).isEqualTo(3.44);
        assertThat(pvgis.input().notes()).anyMatch(n -> n.startsWith("skipped")).anyMatch(n -> n.startsWith("ignored"));
    }

    private static Path real(String name) throws URISyntaxException {
        return Path.of(
                NvidiaSmiAndRealFilesTest.class.getResource("real/" + name).toURI());
    }
}
