package dev.chikuden.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.scenario.Headline;
import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.SweepParquet;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSweepTest {
    private static SparkSession spark;
    private static final TaskCounter TASKS = new TaskCounter();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("SparkSweepTest")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", SparkSweep.LOOPBACK)
                .config("spark.driver.bindAddress", SparkSweep.LOOPBACK)
                .getOrCreate();
        spark.sparkContext().addSparkListener(TASKS);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @BeforeEach
    void reset() {
        TASKS.reset();
    }

    /** The optimisation loads OR-Tools' native library in the executors' threads. */
    private static final HandSweep OPTIMIZE = new HandSweep(
            HandSweep.SMALL_FACTORY.toString(),
            ScenarioKind.OPTIMIZE,
            List.of("100 kWh", "150 kWh", "-5 kWh"),
            List.of("50 kW", "75 kW"));

    /** Nine plans that differ in their battery only: they share one case without battery. */
    private static final HandSweep NINE = new HandSweep(
            HandSweep.SMALL_FACTORY.toString(),
            ScenarioKind.PLAN,
            List.of("100 kWh", "150 kWh", "200 kWh"),
            List.of("50 kW", "75 kW", "100 kW"));

    @Test
    void sparkRowsEqualTheLocalRunnersBitForBit() {
        Sweep sweep = OPTIMIZE.load();
        Path local = tmp.resolve("local");
        LocalSweep.run(sweep, local, 2, null);
        SparkSweep.Outcome o =
                SparkSweep.run(spark, OPTIMIZE, tmp.resolve("spark").toString(), 2);

        SweepSchema schema = new SweepSchema(sweep);
        List<ScenarioRow> byLocal = SweepParquet.read(LocalSweep.rowsDir(local), schema);
        // DuckDB reads Spark's folder with the glob it reads the local runner's with
        List<ScenarioRow> bySpark = SweepParquet.read(LocalSweep.rowsDir(tmp.resolve("spark")), schema);
        assertThat(bySpark).hasSize(6).isEqualTo(byLocal).isEqualTo(o.rows());
        // the scenarios differ: no two that ran have the same figures
        Set<List<Double>> distinct = new HashSet<>();
        bySpark.stream().filter(r -> !r.failed()).forEach(r -> distinct.add(boxed(r.figures())));
        assertThat(distinct).hasSize(4);
        assertThat(o.scenarios()).isEqualTo(6);
        assertThat(o.ran()).isEqualTo(6);
    }

    @Test
    void aFailingScenarioIsARowWithItsErrorAndTheOthersRun() {
        SparkSweep.Outcome o = SparkSweep.run(spark, OPTIMIZE, tmp.toString(), 2);

        assertThat(o.failed()).isEqualTo(2);
        assertThat(o.rows()).filteredOn(ScenarioRow::failed).allSatisfy(r -> {
            assertThat(r.axisValues().get(0)).isEqualTo("-5 kWh");
            assertThat(r.error()).contains("batteries[0].energy");
            assertThat(r.figures()).containsOnly(Double.NaN);
        });
        // every figure but the income by market, which a site without markets does not have
        List<String> paths = Headline.paths(ScenarioKind.OPTIMIZE);
        assertThat(o.rows()).filteredOn(r -> !r.failed()).hasSize(4).allSatisfy(r -> {
            for (int i = 0; i < paths.size(); i++) {
                assertThat(Double.isNaN(r.figures()[i]))
                        .as(paths.get(i))
                        .isEqualTo(paths.get(i).startsWith("revenueByMarket/"));
            }
        });
    }

    @Test
    void aScenariosRowHoldsTheFiguresOfItsCommandOnItsSite() {
        HandSweep plan = new HandSweep(
                HandSweep.SMALL_FACTORY.toString(), ScenarioKind.PLAN, List.of("200 kWh"), List.of("100 kW"));
        Sweep sweep = plan.load();
        SparkSweep.Outcome o = SparkSweep.run(spark, plan, tmp.toString(), 2);

        Scenario s = sweep.scenarios().get(0);
        double[] expected =
                Headline.of(ScenarioKind.PLAN, ScenarioRunner.plan(SiteConfigReader.read(sweep.site(), s.overrides())));
        assertThat(o.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.figures()).isEqualTo(expected));
    }

    @Test
    void eachPartitionOfScenariosIsOneTaskAndTheScenariosRunOnce() {
        SparkSweep.Outcome o = SparkSweep.run(spark, NINE, tmp.toString(), 3);

        assertThat(o.partitions()).isEqualTo(3);
        assertThat(TASKS.stages()).isEqualTo(1);
        assertThat(TASKS.tasks()).isEqualTo(3);
        assertThat(o.rows()).hasSize(9);
    }

    @Test
    void tasksOfOneExecutorShareTheCaseWithoutBatteryAndGiveTheLocalRunnersRows() {
        Path local = tmp.resolve("local");
        LocalSweep.run(NINE.load(), local, 2, null);
        SparkSweep.Outcome o = SparkSweep.run(spark, NINE, tmp.resolve("spark").toString(), 9);

        assertThat(TASKS.tasks()).isEqualTo(9);
        // the nine scenarios differ in their battery only: one case without battery, computed by one
        // task and kept for the other eight
        assertThat(o.baselinesComputed()).isEqualTo(1);
        assertThat(o.rows())
                .hasSize(9)
                .isEqualTo(SweepParquet.read(LocalSweep.rowsDir(local), new SweepSchema(NINE.load())));
    }

    @Test
    void theSameSweepRunAgainInTheSessionReadsItsFilesAgain() throws Exception {
        // a notebook's session: the sweep runs, its site file is edited, the sweep runs again
        Path site = tmp.resolve("factory.yaml");
        Files.copy(HandSweep.SMALL_FACTORY, site);
        HandSweep sweep = new HandSweep(site.toString(), ScenarioKind.PLAN, List.of("200 kWh"), List.of("100 kW"));
        SparkSweep.run(spark, sweep, tmp.resolve("first").toString(), 1);
        Files.writeString(site, Files.readString(site).replace("base: 45 kW", "base: 90 kW"));

        SparkSweep.Outcome again =
                SparkSweep.run(spark, sweep, tmp.resolve("again").toString(), 1);

        Scenario s = sweep.load().scenarios().get(0);
        double[] fresh =
                Headline.of(ScenarioKind.PLAN, ScenarioRunner.plan(SiteConfigReader.read(site, s.overrides())));
        assertThat(again.baselinesComputed()).isEqualTo(1);
        assertThat(again.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.figures()).isEqualTo(fresh));
    }

    @Test
    void aRerunSkipsTheScenariosWrittenAndAppendsTheRest() throws Exception {
        HandSweep first = new HandSweep(
                HandSweep.SMALL_FACTORY.toString(), ScenarioKind.PLAN, List.of("100 kWh"), List.of("50 kW", "75 kW"));
        SparkSweep.run(spark, first, tmp.toString(), 2);
        HandSweep more = new HandSweep(
                HandSweep.SMALL_FACTORY.toString(),
                ScenarioKind.PLAN,
                List.of("100 kWh", "150 kWh"),
                List.of("50 kW", "75 kW"));
        TASKS.reset();
        SparkSweep.Outcome o = SparkSweep.run(spark, more, tmp.toString(), 4);

        assertThat(o.skipped()).isEqualTo(2);
        assertThat(o.ran()).isEqualTo(2);
        assertThat(o.partitions()).isEqualTo(2);
        assertThat(TASKS.tasks()).isEqualTo(2);
        assertThat(o.rows()).extracting(ScenarioRow::id).containsExactly("s0000", "s0001", "s0002", "s0003");
        // no nested folders: the glob 'scenarios/*.parquet' finds every row
        try (Stream<Path> files = Files.list(tmp.resolve("scenarios"))) {
            assertThat(files.filter(Files::isDirectory)).isEmpty();
        }
    }

    @Test
    void aSweepThatKeepsSeriesWritesTheLocalRunnersFilesFromTheExecutors() throws Exception {
        SweepSource series = new WithSeries(new HandSweep(
                HandSweep.SMALL_FACTORY.toString(),
                ScenarioKind.PLAN,
                List.of("100 kWh", "-5 kWh"),
                List.of("50 kW", "75 kW")));
        Path local = tmp.resolve("local");
        LocalSweep.run(series.load(), local, 2, null);
        SparkSweep.Outcome o =
                SparkSweep.run(spark, series, tmp.resolve("spark").toString(), 2);

        assertThat(o.failed()).isEqualTo(2);
        List<Path> files = seriesFiles(LocalSweep.seriesDir(local));
        // the two scenarios that ran, each its two cases; the failed ones none
        assertThat(files)
                .extracting(Path::toString)
                .containsExactly(
                        "s0000/with-battery.parquet",
                        "s0000/without-battery.parquet",
                        "s0001/with-battery.parquet",
                        "s0001/without-battery.parquet");
        Path sparkSeries = LocalSweep.seriesDir(tmp.resolve("spark"));
        assertThat(seriesFiles(sparkSeries)).isEqualTo(files);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (Path f : files) {
                String a = "'" + LocalSweep.seriesDir(local).resolve(f) + "'";
                String b = "'" + sparkSeries.resolve(f) + "'";
                try (ResultSet r = st.executeQuery("SELECT (SELECT count(*) FROM " + a + "), (SELECT count(*) FROM "
                        + b + "), (SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b
                        + ")), (SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + "))")) {
                    r.next();
                    assertThat(r.getLong(1))
                            .as("%s rows", f)
                            .isEqualTo(7 * 48) // a week at 30 min
                            .isEqualTo(r.getLong(2));
                    assertThat(r.getLong(3) + r.getLong(4))
                            .as("%s rows that differ", f)
                            .isZero();
                }
            }
        }
        // nothing left in the executors' own folders
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("chikuden-series")))
                    .isEmpty();
        }
    }

    @Test
    void theSeriesAreWrittenWithTheDriversHadoopConfiguration() {
        // set at run time on the driver (as a notebook sets S3 credentials): only a configuration
        // shipped from the driver carries it to the executors
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        conf.set("fs.file.impl", CountingFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        CountingFileSystem.COPIES.set(0);
        try {
            SparkSweep.run(
                    spark,
                    new WithSeries(new HandSweep(
                            HandSweep.SMALL_FACTORY.toString(),
                            ScenarioKind.PLAN,
                            List.of("100 kWh"),
                            List.of("50 kW"))),
                    tmp.toString(),
                    1);
        } finally {
            conf.unset("fs.file.impl");
            conf.unset("fs.file.impl.disable.cache");
        }
        assertThat(CountingFileSystem.COPIES.get()).as("series files copied").isEqualTo(2);
        assertThat(LocalSweep.seriesDir(tmp).resolve("s0000/with-battery.parquet"))
                .isRegularFile();
    }

    /** The local file system, counting the files copied into it. */
    public static final class CountingFileSystem extends org.apache.hadoop.fs.LocalFileSystem {
        static final AtomicInteger COPIES = new AtomicInteger();

        @Override
        public void copyFromLocalFile(
                boolean delSrc, boolean overwrite, org.apache.hadoop.fs.Path src, org.apache.hadoop.fs.Path dst)
                throws IOException {
            COPIES.incrementAndGet();
            super.copyFromLocalFile(delSrc, overwrite, src, dst);
        }
    }

    /** A sweep that keeps each scenario's per-step results; a record, as Spark ships it to the executors. */
    record WithSeries(HandSweep hand) implements SweepSource {
        @Override
        public Sweep load() {
            Sweep p = hand.load();
            return new Sweep(p.name(), p.file(), p.site(), p.run(), p.axes(), p.scenarios(), true, p.settings());
        }
    }

    /** The files under {@code dir}, relative to it, sorted; Hadoop's checksum files left out. */
    private static List<Path> seriesFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .filter(p -> !p.getFileName().toString().endsWith(".crc"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Double> boxed(double[] x) {
        return java.util.Arrays.stream(x).boxed().toList();
    }

    /** Counts the stages and tasks of the jobs that run scenarios. */
    static final class TaskCounter extends SparkListener {
        private final Map<Integer, Boolean> scenarioStages = new ConcurrentHashMap<>();
        private final AtomicInteger tasks = new AtomicInteger();

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted e) {
            if (e.properties() != null
                    && SparkSweep.SCENARIOS_JOB.equals(e.properties().getProperty("spark.jobGroup.id"))) {
                scenarioStages.put(e.stageInfo().stageId(), true);
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            if (scenarioStages.containsKey(e.stageId())) {
                tasks.incrementAndGet();
            }
        }

        void reset() {
            scenarioStages.clear();
            tasks.set(0);
        }

        int stages() {
            return scenarioStages.size();
        }

        int tasks() {
            return tasks.get();
        }
    }
}
