package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chikuden.fixtures.Repository;
import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.SweepParquet;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --spark} as a user runs it: the launcher starts chikuden-spark-local.jar with the jars
 * the build put beside it, so what the package leaves out fails here (DuckDB, which writes the series).
 */
class SweepOnSparkTest {
    @TempDir
    Path tmp;

    @Test
    void aSweepKeepingSeriesRunsOnSparkFromTheBuiltJarAsOnTheLocalRunner() throws Exception {
        assumeTrue(
                Files.isRegularFile(SparkLauncher.jar()),
                "skipped: " + SparkLauncher.jar() + " is not built (" + SparkLauncher.BUILD + ")");
        Path file = tmp.resolve("series-sweep.yaml");
        Files.writeString(
                file,
                "name: series\nsite: " + Repository.examples().resolve("sakai-ai-campus.yaml")
                        + "\nrun: plan\nseries: true\nset:\n  study.duration: 2 h\ncases:\n"
                        + "  - {\"batteries[0].energy\": 100 MWh}\n  - {\"batteries[0].energy\": -5 MWh}\n"
                        + "  - {\"batteries[0].energy\": 200 MWh}\n");
        PlanCommandTest.Run spark = PlanCommandTest.run(
                "sweep",
                file.toString(),
                "--spark",
                "local[1]",
                "--out",
                tmp.resolve("spark").toString());
        PlanCommandTest.Run local = PlanCommandTest.run(
                "sweep", file.toString(), "--out", tmp.resolve("local").toString());

        assertThat(spark.exit()).as(spark.err()).isZero();
        assertThat(spark.out())
                .contains("3 ran (1 failed)")
                .contains("failed s1 [-5 MWh]: ")
                .contains("must be greater than 0")
                .contains("over all scenarios");
        Sweep s = SweepReader.read(file, List.of());
        SweepSchema schema = new SweepSchema(s);
        assertThat(SweepParquet.read(LocalSweep.rowsDir(tmp.resolve("spark")), schema))
                .isEqualTo(SweepParquet.read(LocalSweep.rowsDir(tmp.resolve("local")), schema));
        for (String id : List.of("s0", "s2")) {
            for (String c : List.of("with-battery.parquet", "without-battery.parquet")) {
                assertThat(LocalSweep.seriesDir(tmp.resolve("spark"))
                                .resolve(id)
                                .resolve(c))
                        .hasSameBinaryContentAs(LocalSweep.seriesDir(tmp.resolve("local"))
                                .resolve(id)
                                .resolve(c));
            }
        }
        assertThat(local.out()).contains("1 failed");
    }

    @Test
    void threadsAreTheLocalRunnersAndABadMasterIsBadInput() {
        PlanCommandTest.Run both = PlanCommandTest.run(
                "sweep",
                Repository.examples().resolve("sakai-sweep.yaml").toString(),
                "--spark",
                "local[2]",
                "--threads",
                "4");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--threads is the local runner's");
    }
}
