package dev.chikuden.bench;

import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.profile.Profile;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
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
 * One day of the example AI campus (three training jobs on 70,000 GPUs, inference, facility on the
 * Osaka climate; about 100 MW of IT) generated at 100 ms (864,000 steps), and every grid-code
 * metric computed on it with the default rules.
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar AiLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AiLoadBenchmark {
    SiteConfig site;
    TimeGrid day;

    @Setup
    public void readSite() {
        site = SiteConfigReader.read(EngineBenchmark.example("sakai-ai-campus.yaml"));
        day = TimeGrid.of(site.study().start(), 100, 864_000, site.zone());
    }

    @Benchmark
    public GridCodeReport oneDayAt100msWithAllMetrics() {
        Profile load = SiteModels.load(site, day);
        GridCodeMeter meter = new GridCodeMeter(day, GridCodeRules.defaults());
        double[] chunk = new double[8192];
        for (long first = 0; first < day.steps(); first += chunk.length) {
            int n = (int) Math.min(chunk.length, day.steps() - first);
            load.fill(first, chunk, n);
            meter.add(chunk, 0, n);
        }
        return meter.report();
    }
}
