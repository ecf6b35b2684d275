package dev.chikuden.bench;

import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.trace.TraceReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trace reader on a measured-looking file: one million rows of a power trace sampled every
 * 100-120 ms (about 31 hours), slash dates with milliseconds, power in MW; read (encoding check,
 * detection, parsing) and resampled onto a 100 ms grid. Also an 8-GPU nvidia-smi log of the same
 * number of rows.
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar TraceReaderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g"})
public class TraceReaderBenchmark {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final int ROWS = 1_000_000;

    @Param({"power", "nvidia-smi"})
    String format;

    Path file;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("trace", ".csv");
        DateTimeFormatter slash =
                DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS").withZone(TOKYO);
        long t0 = Instant.parse("2025-07-26T15:00:00Z").toEpochMilli();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            if (format.equals("power")) {
                w.write("timestamp,site power (MW)\n");
                long ms = 0;
                for (int i = 0; i < ROWS; i++) {
                    w.write(slash.format(Instant.ofEpochMilli(t0 + ms)) + "," + (100 + (i % 37) * 0.5) + "\n");
                    ms += 100 + (i * 7919L % 21);
                }
            } else {
                w.write("timestamp, index, power.draw.instant [W], utilization.gpu [%]\n");
                for (int i = 0; i < ROWS; i++) {
                    long ms = 100L * (i / 8) + (i % 8 == 0 ? 0 : 40 + (i % 8) * 10);
                    w.write(slash.format(Instant.ofEpochMilli(t0 + ms)) + ", " + (i % 8) + ", " + (300 + i % 97)
                            + ".25 W, 100 %\n");
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public FixedStepSeries readAndResampleTo100ms() {
        Trace t = TraceReader.read(file, TraceOptions.power(TOKYO));
        return t.onGrid(t.localMidnight(TOKYO), 100);
    }
}
