package dev.chikuden.bench;

import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.site.SiteConfigReader;
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
 * The annual dispatch LP of the bundled site-year ({@code examples/sakai-year-1s.yaml}: 17,520
 * half-hour periods, a 50 MW / 200 MWh battery, twelve months of demand charges): building the
 * model in OR-Tools and solving it to optimality, per solver. The site's load and PV are averaged
 * to the LP's periods once, in the setup (reading the 1-second year is not part of the LP's time).
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar DispatchLp}. Each shot builds an
 * OR-Tools model of some 75,000 finalizable Java wrappers, so the first shots after the JVM starts
 * are slow (JIT, HiGHS's first run) and a young GC now and then takes ~0.1 s: hence 5 warm-up shots.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class DispatchLpBenchmark {
    @Param({"highs", "clp"})
    String solver;

    DispatchProblem year;
    Solver chosen;

    @Setup
    public void readSite() {
        year = SiteDispatch.problem(SiteConfigReader.read(EngineBenchmark.example("sakai-year-1s.yaml")), 0);
        chosen = Solver.valueOf(solver.toUpperCase(java.util.Locale.ROOT));
    }

    /** Build and solve the year's LP; the optimum is returned so that nothing is optimised away. */
    @Benchmark
    public DispatchSolution buildAndSolve() {
        try (DispatchModel m = new DispatchModel(year, chosen, false)) {
            return m.solve();
        }
    }
}
