package dev.chikuden.spark;

import dev.chikuden.BadInputException;
import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.SweepSummary;
import dev.chikuden.scenario.SweepText;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Runs a sweep's pending scenarios as Spark tasks, a partition of scenarios each, and appends their
 * rows as Parquet to {@code OUT/scenarios/}, the folder and columns the local runner writes. The
 * driver reads the sweep only to count its scenarios and ships their positions; each executor reads
 * the sweep itself. Like the local runner it skips scenarios already written there.
 */
public final class SparkSweep {
    /** The job group of the job that runs scenarios: every task in it runs one partition of them. */
    static final String SCENARIOS_JOB = "chikuden-scenarios";

    static final String LOOPBACK = "127.0.0.1";

    /** The master URLs Spark takes (its own parser throws a long trace for anything else). */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[\\d+, *\\d+, *\\d+]|spark://\\S+|yarn|k8s://\\S+|mesos://\\S+");

    /**
     * What a run did, as {@link LocalSweep.Outcome} says it, with the partitions the pending scenarios
     * were spread over, the seconds of the Spark job that ran them and wrote their rows (the rest of
     * {@code wallSeconds} reads the folder before and after), the cases without battery its tasks
     * computed (scenarios and tasks of one executor share them), the sweep as the run read it, and
     * every row now in the folder.
     */
    public record Outcome(
            int scenarios,
            int skipped,
            int ran,
            int failed,
            int partitions,
            double wallSeconds,
            double jobSeconds,
            long baselinesComputed,
            Sweep sweep,
            List<ScenarioRow> rows) {}

    private SparkSweep() {}

    /**
     * spark-submit's entry, and that of {@code chikuden sweep --spark}: see {@link SparkSweepArgs}.
     * Exits 0 when the sweep ran (failed scenarios are rows), 1 on a failure, 2 on bad input.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(main(args, out, err));
    }

    static int main(String[] args, PrintWriter out, PrintWriter err) {
        SparkSweepArgs a;
        try {
            a = SparkSweepArgs.parse(args);
        } catch (BadInputException e) {
            err.println("chikuden-spark: " + e.getMessage());
            return 2;
        }
        if (a.master() != null && !MASTER.matcher(a.master()).matches()) {
            err.println("chikuden-spark: --master " + a.master() + " is not a Spark master: give local, local[N],"
                    + " local[*], spark://HOST:PORT, yarn or k8s://URL");
            return 2;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("chikuden sweep " + a.sweep());
        if (a.master() != null) {
            builder.master(a.master());
            if (a.master().startsWith("local")) {
                // one JVM: Spark talks to itself over loopback, not the address the host name resolves to
                builder.config("spark.driver.host", LOOPBACK).config("spark.driver.bindAddress", LOOPBACK);
            }
        }
        try (SparkSession spark = builder.getOrCreate()) {
            // the path as given: with --files or --archives each executor finds it in its own working folder
            SweepFile source = new SweepFile(a.sweep(), a.sets());
            int partitions = a.partitions() != null
                    ? a.partitions()
                    : spark.sparkContext().defaultParallelism();
            Outcome o = run(spark, source, a.out(), partitions);
            out.printf(
                    Locale.ROOT,
                    "sweep %s: %d scenarios, %d skipped, %d ran (%d failed) in %.1f s on %d partitions%n",
                    o.sweep().name(),
                    o.scenarios(),
                    o.skipped(),
                    o.ran(),
                    o.failed(),
                    o.wallSeconds(),
                    o.partitions());
            out.print(SweepText.failuresAndFigures(o.rows(), SweepSummary.of(o.sweep(), o.rows())));
            out.println("rows: " + rowsDir(a.out()) + "/*.parquet");
            summary(spark, a, o.sweep(), o.rows(), out);
            // as the local runner: 2 when no scenario ran through
            return o.rows().stream().allMatch(ScenarioRow::failed) ? 2 : 0;
        } catch (BadInputException e) {
            err.println("chikuden-spark: " + e.getMessage());
            return 2;
        } catch (Exception e) { // Spark's own exceptions are checked ones, undeclared
            err.println("chikuden-spark: " + e);
            if (System.getenv("CHIKUDEN_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /**
     * summary.csv and summary.html into {@code --summary DIR}, else into OUT when it is a folder of
     * this machine; for OUT on a cluster's file system without {@code --summary} they are skipped.
     */
    private static void summary(
            SparkSession spark, SparkSweepArgs a, Sweep sweep, List<ScenarioRow> rows, PrintWriter out)
            throws IOException {
        java.nio.file.Path dir = a.summary() != null ? java.nio.file.Path.of(a.summary()) : localFolder(spark, a.out());
        if (dir == null) {
            out.println("summary: not written beside " + a.out()
                    + "; give --summary DIR to write summary.csv and summary.html on this machine");
            return;
        }
        Files.createDirectories(dir);
        SweepSummary.write(dir, sweep, rows);
        out.println("summary: " + dir.resolve("summary.csv") + ", " + dir.resolve("summary.html"));
    }

    /** OUT as a folder of this machine, or null when Hadoop resolves it to another file system (HDFS, S3). */
    private static java.nio.file.Path localFolder(SparkSession spark, String out) throws IOException {
        Path p = new Path(out);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return "file".equals(fs.getScheme())
                ? java.nio.file.Path.of(fs.makeQualified(p).toUri())
                : null;
    }

    /** {@code OUT/series}: each scenario's per-step results under its id, with {@code series: true}. */
    static String seriesDir(String out) {
        return out.replaceAll("/+$", "") + "/series";
    }

    /** {@code OUT/scenarios}, for a local folder or a URI such as {@code s3a://bucket/sweep}. */
    public static String rowsDir(String out) {
        return out.replaceAll("/+$", "") + "/scenarios";
    }

    /** Runs the scenarios not yet written under {@code out} over at most {@code partitions} partitions. */
    public static Outcome run(SparkSession spark, SweepSource source, String out, int partitions) {
        if (partitions < 1) {
            throw new BadInputException("--partitions " + partitions + ": give 1 or more");
        }
        long started = System.nanoTime();
        // what the executors keep of a run is the run's: the files may have changed since the last
        String run = UUID.randomUUID().toString();
        Sweep sweep = SweepCache.of(run, source);
        LongAccumulator baselinesComputed = spark.sparkContext().longAccumulator("cases without battery computed");
        SweepSchema schema = new SweepSchema(sweep);
        String dir = rowsDir(out);
        List<Scenario> pending = LocalSweep.pending(sweep, read(spark, dir, schema), dir);
        int slices = Math.min(partitions, pending.size());
        long jobStarted = System.nanoTime();
        if (slices > 0) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            jsc.setJobGroup(SCENARIOS_JOB, "sweep " + sweep.name() + ": " + pending.size() + " scenarios", false);
            // the series are written with the driver's Hadoop configuration, as the rows are
            Broadcast<SerializableConfiguration> hadoop =
                    sweep.series() ? SerializableConfiguration.broadcast(spark.sparkContext()) : null;
            try {
                JavaRDD<Row> rows = jsc.parallelize(positions(sweep, pending), slices)
                        .mapPartitions(new ScenarioTask(
                                source,
                                run,
                                hadoop == null ? null : new ScenarioTask.Series(seriesDir(out), hadoop),
                                baselinesComputed));
                // zstd, as the local runner's parts; append, as a rerun adds the scenarios it skipped
                spark.createDataFrame(rows, SparkRows.structType(schema))
                        .write()
                        .mode(SaveMode.Append)
                        .option("compression", "zstd")
                        .parquet(dir);
            } finally {
                jsc.clearJobGroup();
                if (hadoop != null) {
                    hadoop.destroy();
                }
            }
        }
        double jobSeconds = (System.nanoTime() - jobStarted) / 1e9;
        // read back what was written rather than collect the scenarios' rows: collecting would run them again
        List<ScenarioRow> all = read(spark, dir, schema);
        Set<String> ran = new HashSet<>();
        pending.forEach(s -> ran.add(s.id()));
        int failed = (int)
                all.stream().filter(r -> ran.contains(r.id()) && r.failed()).count();
        return new Outcome(
                sweep.scenarios().size(),
                sweep.scenarios().size() - pending.size(),
                pending.size(),
                failed,
                slices,
                (System.nanoTime() - started) / 1e9,
                jobSeconds,
                baselinesComputed.value(),
                sweep,
                all);
    }

    /**
     * The positions in the sweep's list of the pending scenarios, in {@link ScenarioRunner#byBaseline}
     * order: Spark slices the list into contiguous partitions, so scenarios that share a case without
     * battery mostly fall in one partition, or in partitions one executor runs one after another.
     */
    private static List<Integer> positions(Sweep sweep, List<Scenario> pending) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sweep.scenarios().size(); i++) {
            position.put(sweep.scenarios().get(i).id(), i);
        }
        return ScenarioRunner.byBaseline(pending).stream()
                .map(s -> position.get(s.id()))
                .toList();
    }

    /** Every row under {@code dir}, by scenario; none when it holds no Parquet file yet. */
    static List<ScenarioRow> read(SparkSession spark, String dir, SweepSchema schema) {
        Path path = new Path(dir);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                return List.of();
            }
            var parts = fs.globStatus(new Path(path, "*.parquet"));
            if (parts == null || parts.length == 0) {
                return List.of();
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list: " + e.getMessage(), e);
        }
        Dataset<Row> df = spark.read().parquet(dir);
        List<String> found = Arrays.asList(df.columns());
        StructType expected = SparkRows.structType(schema);
        if (!found.equals(Arrays.asList(expected.fieldNames()))) {
            throw new BadInputException(dir + " holds the rows of another sweep (columns " + found
                    + "; this sweep writes " + Arrays.asList(expected.fieldNames())
                    + "): give another --out, or delete it");
        }
        List<ScenarioRow> rows = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            rows.add(SparkRows.scenarioRow(schema, r));
        }
        rows.sort(Comparator.comparingInt(ScenarioRow::index));
        return rows;
    }
}
