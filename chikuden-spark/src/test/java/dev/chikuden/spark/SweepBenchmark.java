package dev.chikuden.spark;

import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One sweep of {@code scenarios} plans through the local runner and through Spark {@code local[N]}
 * on 1 and 2 cores: both by turns in one JVM ({@code alternate:N}, which prints each runner's
 * sweeps and Spark's overhead sweep by sweep), or one of them a JVM ({@code local:N}, {@code
 * spark:N}). The plans are a year of the Sakai factory at 30-minute steps (the {@code step}
 * parameter), its battery's energy times its power. A single shot a sweep: its time over the
 * scenarios is the runner's rate. Run it from the module with
 *
 * <pre>
 * mvn -B -o -q -f .. -pl chikuden-spark -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=$PWD/target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.chikuden.spark.SweepBenchmark [scenarios [runners [step [partitionsPerCore [shots [warmups [forks]]]]]]]
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SweepBenchmark {
    static final Path SITE = Path.of("../examples/sakai-factory-pv.yaml");

    /**
     * {@code local:N} or {@code spark:N} on N cores; {@code alternate:N}: the two by turns in one
     * JVM, each sweep timed, so both run the same compiled code (see {@link #overhead()}).
     */
    @Param({"local:1", "local:2", "spark:1", "spark:2"})
    public String runner;

    @Param("1000")
    public int scenarios;

    /** The "a year at 30 min"; 10 min makes each scenario about three times dearer. */
    @Param("30 min")
    public String step;

    /** Spark partitions per core: 1 as {@code sweep --spark} runs by default. */
    @Param("1")
    public int partitionsPerCore;

    private SparkSession spark;
    private Path out;
    private boolean timed;
    private int turn;
    private final List<Double> localSeconds = new ArrayList<>();
    private final List<Double> sparkSeconds = new ArrayList<>();

    /** Energies of 100 kWh and up in 5 kWh steps, times 25 powers of 50 kW and up in 2 kW steps. */
    record FactorySweep(int scenarios, String step) implements SweepSource {
        @Override
        public Sweep load() {
            List<Scenario> list = new ArrayList<>();
            for (int i = 0; i < scenarios; i++) {
                String e = (100 + 5 * (i / 25)) + " kWh";
                String p = (50 + 2 * (i % 25)) + " kW";
                list.add(new Scenario(
                        i,
                        String.format("s%05d", i),
                        List.of(e, p),
                        List.of(
                                new SiteOverride("study.step", step, "benchmark"),
                                new SiteOverride("batteries[0].energy", e, "benchmark"),
                                new SiteOverride("batteries[0].power", p, "benchmark"))));
            }
            return new Sweep(
                    "factory",
                    SITE.resolveSibling("factory-sweep.yaml"),
                    SITE,
                    ScenarioKind.PLAN,
                    List.of(new Axis("batteries[0].energy", "energy"), new Axis("batteries[0].power", "power")),
                    list,
                    false,
                    "");
        }
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        if (!runner.startsWith("local")) {
            spark = SparkSession.builder()
                    .master("local[" + cores() + "]")
                    .appName("SweepBenchmark")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", SparkSweep.LOOPBACK)
                    .config("spark.driver.bindAddress", SparkSweep.LOOPBACK)
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        // 100 scenarios first, so the JIT and Spark are warm before the first timed sweep (with a
        // handful, the first shots varied twofold while C2 was still compiling)
        for (int k = runner.startsWith("alternate") ? 2 : 1; k > 0; k--) { // both runners when alternating
            Path warm = Files.createTempDirectory("sweep-warm");
            sweep(new FactorySweep(100, step), warm);
            delete(warm);
        }
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        boolean measuring = params.getType() == IterationType.MEASUREMENT;
        if (measuring && !timed) {
            turn = 0; // the timed sweeps start with a local one, which each Spark sweep is compared with
        }
        timed = measuring;
    }

    @Setup(Level.Invocation)
    public void folder() throws IOException {
        out = Files.createTempDirectory("sweep-bench");
    }

    @TearDown(Level.Invocation)
    public void clean() {
        delete(out);
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (runner.startsWith("alternate")) {
            System.out.println(overhead());
        }
        if (spark != null) {
            spark.stop();
        }
    }

    @Benchmark
    public int sweep() {
        return sweep(new FactorySweep(scenarios, step), out);
    }

    /**
     * The timed sweeps of {@code alternate:N}: each runner's median, and Spark's overhead as the
     * median of the ratios of each Spark sweep to the local sweep just before it.
     */
    String overhead() {
        int n = Math.min(localSeconds.size(), sparkSeconds.size());
        List<Double> ratios = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ratios.add(sparkSeconds.get(k) / localSeconds.get(k));
        }
        return String.format(
                java.util.Locale.ROOT,
                "%n%s, %d sweeps each: local %s (median %.2f s), Spark %s (median %.2f s);"
                        + " Spark against the local sweep before it: %s, median %+.1f %%",
                runner,
                n,
                localSeconds,
                median(localSeconds),
                sparkSeconds,
                median(sparkSeconds),
                ratios.stream()
                        .map(r -> String.format(java.util.Locale.ROOT, "%.3f", r))
                        .toList(),
                (median(ratios) - 1) * 100);
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.isEmpty() ? Double.NaN : (s.get((s.size() - 1) / 2) + s.get(s.size() / 2)) / 2;
    }

    private int sweep(FactorySweep source, Path dir) {
        if (runner.startsWith("alternate")) { // local on even turns, Spark on odd ones
            boolean local = turn++ % 2 == 0;
            long started = System.nanoTime();
            int ran = local ? runLocal(source, dir) : runSpark(source, dir);
            if (timed) {
                (local ? localSeconds : sparkSeconds).add((System.nanoTime() - started) / 1e9);
            }
            return ran;
        }
        return spark != null ? runSpark(source, dir) : runLocal(source, dir);
    }

    private int runSpark(FactorySweep source, Path dir) {
        SparkSweep.Outcome o = SparkSweep.run(spark, source, dir.toString(), partitionsPerCore * cores());
        System.out.printf(" [spark: job %.2f s of %.2f s] ", o.jobSeconds(), o.wallSeconds());
        return o.ran();
    }

    private int runLocal(FactorySweep source, Path dir) {
        return LocalSweep.run(source.load(), dir, cores(), null).ran();
    }

    private int cores() {
        return Integer.parseInt(runner.substring(runner.indexOf(':') + 1));
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each runner in forks of its own with Spark's Java 17 flags: {@code [scenarios [runners [step
     * [partitionsPerCore [shots [warmups [forks]]]]]]]}, by default {@code alternate:2} and {@code
     * alternate:1}, 10 timed sweeps after 6 untimed ones, in one fork each. The JIT goes on improving
     * the scenarios' code for thousands of them and each JVM compiles it a little differently, so
     * runners timed one after the other, or in JVMs of their own, differ by more than Spark's overhead.
     */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(SweepBenchmark.class.getName())
                        .param("scenarios", args.length > 0 ? args[0] : "1000")
                        .param("step", args.length > 2 ? args[2] : "30 min")
                        .param("partitionsPerCore", args.length > 3 ? args[3] : "1")
                        .param(
                                "runner",
                                args.length > 1 ? args[1].split(",") : new String[] {"alternate:2", "alternate:1"})
                        .warmupIterations(args.length > 5 ? Integer.parseInt(args[5]) : 6)
                        .measurementIterations(args.length > 4 ? Integer.parseInt(args[4]) : 10)
                        .forks(args.length > 6 ? Integer.parseInt(args[6]) : 1)
                        .jvmArgsAppend(JavaFlags.list().toArray(String[]::new))
                        .jvmArgsAppend("-Xmx4g")
                        .build())
                .run();
    }
}
