package dev.chikuden.bench;

import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.optimize.sizing.SizingSweep;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 10 x 10 sizing sweep of {@code examples/sakai-sizing.yaml} (issue 7's target: at most 60 s):
 * the year's load generated at 1-minute steps and averaged to 17,520 half hours, the no-battery
 * LP, then 100 sizes, each an LP over the year, an aging projection over 15 years and a business
 * case, on one thread per core. Single shots without warm-up: the first is what {@code chikuden
 * size} costs from a cold JVM. Run: {@code java -jar chikuden-bench/target/benchmarks.jar
 * SizingBenchmark} (add {@code -p solver=highs} to compare HiGHS, which re-solves every size from
 * scratch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g"})
public class SizingBenchmark {
    @Param({"clp"})
    String solver;

    SiteConfig site;

    @Setup
    public void readSite() {
        site = SiteConfigReader.read(EngineBenchmark.example("sakai-sizing.yaml"));
    }

    @Benchmark
    public SizingResult sweep10x10() {
        return SizingSweep.run(site, Solver.valueOf(solver.toUpperCase(Locale.ROOT)));
    }
}
