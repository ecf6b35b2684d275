package dev.chikuden.bench;

import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.time.FixedStepSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every grid-code metric (ramps, dynamic range, Welch spectrum, load drops, 30-minute demand) and
 * the default rules on one day at 100 ms (864,000 samples) of a 100 MW campus whose training load
 * swings 100 +- 20 MW with a 2 s period, plus 0.5 MW of Gaussian noise.
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar GridCodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class GridCodeBenchmark {
    static final int SAMPLES = 864_000;

    FixedStepSeries day;
    GridCodeRules rules;
    ZoneId tokyo;

    @Setup
    public void makeDay() {
        Random rnd = new Random(42);
        double[] kw = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            kw[i] = ((i / 10) % 2 == 0 ? 120_000 : 80_000) + 500 * rnd.nextGaussian();
        }
        day = new FixedStepSeries(Instant.parse("2025-08-04T00:00:00+09:00").toEpochMilli(), 100, kw);
        rules = GridCodeRules.defaults();
        tokyo = ZoneId.of("Asia/Tokyo");
    }

    @Benchmark
    public GridCodeReport oneDayAt100ms() {
        return GridCodeMeter.of(day, tokyo, rules);
    }
}
