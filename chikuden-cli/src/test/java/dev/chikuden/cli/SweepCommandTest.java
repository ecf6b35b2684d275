package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.scenario.Headline;
import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.SweepParquet;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sweep through {@code chikuden sweep}: its rows, the figures of plan, resuming and failures. */
class SweepCommandTest {
    static final Path EXAMPLE = Repository.examples().resolve("sakai-sweep.yaml");

    @TempDir
    static Path tmp;

    static Path out;
    static PlanCommandTest.Run first;
    static Sweep sweep;
    static List<ScenarioRow> rows;

    @BeforeAll
    static void runTheExample() {
        out = tmp.resolve("sweep");
        first = PlanCommandTest.run("sweep", EXAMPLE.toString(), "--out", out.toString());
        sweep = SweepReader.read(EXAMPLE, List.of());
        rows = SweepParquet.read(LocalSweep.rowsDir(out), new SweepSchema(sweep));
    }

    @Test
    void everyScenarioRanAndHasEveryPlanFigureItShouldHave() {
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(rows).hasSize(sweep.scenarios().size()).allMatch(r -> !r.failed());
        assertThat(sweep.scenarios().size()).isBetween(20, 60);
        int peak = Headline.paths(sweep.run()).indexOf("withBattery/peakDemand30minKw");
        assertThat(rows).allMatch(r -> r.figures()[peak] > 0);
        assertThat(first.out())
                .contains(sweep.scenarios().size() + " scenarios of plan")
                .contains("0 failed")
                .contains("withBattery_peakDemand30minKw");
        assertThat(out.resolve("summary.csv")).exists();
        assertThat(out.resolve("summary.html")).exists();
    }

    /** Independent of the runner: plan --json of the scenario's own site file, run as a user would. */
    @Test
    void aScenariosRowHoldsWhatPlanPrintsForItsSiteFile() throws Exception {
        ScenarioRow row = rows.get(rows.size() / 2 + 1);
        PlanCommandTest.Run shown = PlanCommandTest.run("sweep", EXAMPLE.toString(), "--show", row.id());
        assertThat(shown.exit()).as(shown.err()).isZero();
        Path site = EXAMPLE.resolveSibling(
                "." + row.id() + "-" + ProcessHandle.current().pid() + ".yaml");
        try {
            Files.writeString(site, shown.out());
            PlanCommandTest.Run plan = PlanCommandTest.run("plan", site.toString(), "--json", "--no-files");
            assertThat(plan.exit()).as(plan.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(plan.out());
            List<String> paths = Headline.paths(sweep.run());
            for (int i = 0; i < paths.size(); i++) {
                JsonNode n = json.at("/" + paths.get(i));
                double expected = Headline.value(n);
                assertThat(Double.doubleToLongBits(row.figures()[i]))
                        .as(paths.get(i) + ": " + row.figures()[i] + " in the row, " + expected + " from plan")
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        } finally {
            Files.deleteIfExists(site);
        }
    }

    @Test
    void aRerunSkipsWhatIsWrittenAndRunsWhatIsMissing() throws Exception {
        Path again = tmp.resolve("again");
        // the first part holds every row; keep only the rows of the first half of the scenarios
        Files.createDirectories(LocalSweep.rowsDir(again));
        SweepSchema schema = new SweepSchema(sweep);
        List<ScenarioRow> half = rows.subList(0, rows.size() / 2);
        SweepParquet.writePart(LocalSweep.rowsDir(again), schema, half);
        PlanCommandTest.Run r =
                PlanCommandTest.run("sweep", EXAMPLE.toString(), "--out", again.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Ran " + (rows.size() - half.size()) + " on 2 threads")
                .contains("skipped " + half.size());
        assertThat(SweepParquet.read(LocalSweep.rowsDir(again), schema)).isEqualTo(rows);
        PlanCommandTest.Run none = PlanCommandTest.run("sweep", EXAMPLE.toString(), "--out", again.toString());
        assertThat(none.out()).contains("Ran 0 on").contains("skipped " + rows.size());
    }

    @Test
    void aFailingScenarioIsWrittenWithItsErrorAndStopsNothingElse() throws Exception {
        Path file = tmp.resolve("failing-sweep.yaml");
        Files.writeString(
                file,
                "name: one bad size\nsite: " + Repository.examples().resolve("sakai-ai-campus.yaml")
                        + "\nset:\n  study.duration: 2 h\ncases:\n  - {\"batteries[0].energy\": 40 MWh}\n"
                        + "  - {\"batteries[0].energy\": -5 MWh}\n  - {\"batteries[0].energy\": 80 MWh}\n");
        PlanCommandTest.Run r = PlanCommandTest.run(
                "sweep", file.toString(), "--out", tmp.resolve("failing").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Sweep s = SweepReader.read(file, List.of());
        List<ScenarioRow> written = SweepParquet.read(LocalSweep.rowsDir(tmp.resolve("failing")), new SweepSchema(s));
        assertThat(written).hasSize(3);
        assertThat(written.get(1).error()).contains("batteries[0].energy").contains("-5 MWh");
        assertThat(written.get(0).failed()).isFalse();
        assertThat(written.get(2).failed()).isFalse();
        assertThat(r.out())
                .contains("1 failed")
                .contains("failed " + written.get(1).id());
    }

    static final String PRICES = "jepx-kansai-fy2025-synthetic.csv";

    /**
     * A sweep of two energies (100 MWh and {@code second}) over two days of the grid-battery example,
     * copied with its JEPX file into {@code folder}; {@code run} the sweep's run line or "".
     */
    private static Path gridBatterySweep(String folder, String run, String second) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        Files.copy(Repository.examples().resolve(PRICES), dir.resolve(PRICES));
        Files.copy(Repository.examples().resolve("kansai-grid-battery.yaml"), dir.resolve("site.yaml"));
        return Files.writeString(
                dir.resolve("sweep.yaml"),
                "name: grid battery\nsite: site.yaml\n" + run + "set:\n  study.duration: 2 d\ncases:\n"
                        + "  - {\"batteries[0].energy\": 100 MWh}\n  - {\"batteries[0].energy\": " + second + "}\n");
    }

    /** An optimize sweep's row holds what optimize --json prints for the scenario's site file, its income by market too. */
    @Test
    void anOptimizeRowHoldsWhatOptimizePrintsForItsSiteFile() throws Exception {
        Path file = gridBatterySweep("optimize", "run: optimize\n", "150 MWh");
        Path dir = file.getParent();
        Path results = dir.resolve("out");
        PlanCommandTest.Run r = PlanCommandTest.run("sweep", file.toString(), "--out", results.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Sweep s = SweepReader.read(file, List.of());
        ScenarioRow row = SweepParquet.read(LocalSweep.rowsDir(results), new SweepSchema(s)).stream()
                .filter(x -> x.id().equals("s1"))
                .findFirst()
                .orElseThrow();
        PlanCommandTest.Run shown = PlanCommandTest.run("sweep", file.toString(), "--show", "s1");
        Path site = Files.writeString(dir.resolve("s1.yaml"), shown.out());
        PlanCommandTest.Run optimize = PlanCommandTest.run("optimize", site.toString(), "--json");
        assertThat(optimize.exit()).as(optimize.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(optimize.out());
        List<String> paths = Headline.paths(s.run());
        for (int i = 0; i < paths.size(); i++) {
            double expected = Headline.value(json.at("/" + paths.get(i)));
            assertThat(Double.doubleToLongBits(row.figures()[i]))
                    .as(paths.get(i) + ": " + row.figures()[i] + " in the row, " + expected + " from optimize")
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
        assertThat(row.figures()[paths.indexOf("revenueByMarket/capacity")]).isPositive();
    }

    /** A file the site names (here its JEPX prices) edited after a run: the rerun refuses the rows made from it. */
    @Test
    void aRerunRefusesRowsComputedFromAFileEditedSince() throws Exception {
        Path file = gridBatterySweep("edited", "", "200 MWh");
        Path prices = file.resolveSibling(PRICES);
        Path results = file.resolveSibling("out");
        PlanCommandTest.Run r = PlanCommandTest.run("sweep", file.toString(), "--out", results.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 failed");
        Sweep s = SweepReader.read(file, List.of());
        assertThat(SweepParquet.read(LocalSweep.rowsDir(results), new SweepSchema(s)))
                .allSatisfy(row -> assertThat(row.inputs()).startsWith(prices.getFileName() + "=sha256:"));

        Files.writeString(prices, Files.readString(prices).replaceFirst("2025/4/1,1,10.82", "2025/4/1,1,30.82"));
        PlanCommandTest.Run again = PlanCommandTest.run("sweep", file.toString(), "--out", results.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err())
                .contains("was computed from " + prices + " as it was then")
                .contains("Give another --out");
    }

    /** Ctrl-C or a kill between two parts: the rows finished since the last are written on the way out. */
    @Test
    void aSweepStoppedByASignalKeepsTheScenariosItFinished() throws Exception {
        // the bundled sweep, keeping series: a scenario's series appear as it finishes, long before a part
        Path file = tmp.resolve("stopped-sweep.yaml");
        Files.writeString(
                file,
                Files.readString(EXAMPLE)
                        .replace(
                                "site: sakai-ai-campus.yaml",
                                "site: " + Repository.examples().resolve("sakai-ai-campus.yaml"))
                        .replace("run: plan", "run: plan\nseries: true"));
        Path stopped = tmp.resolve("stopped");
        Process p = ChildCli.start(
                tmp.resolve("stopped.log"), "sweep", file.toString(), "--out", stopped.toString(), "--threads", "1");
        Path series = LocalSweep.seriesDir(stopped);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (finished(series) < 4 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p.isAlive())
                .as("still running after three scenarios and into a fourth")
                .isTrue();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Sweep s = SweepReader.read(file, List.of());
        List<ScenarioRow> kept = SweepParquet.read(LocalSweep.rowsDir(stopped), new SweepSchema(s));
        assertThat(kept.size())
                .as(Files.readString(tmp.resolve("stopped.log")))
                .isBetween(2, s.scenarios().size() - 1);
        PlanCommandTest.Run rest = PlanCommandTest.run("sweep", file.toString(), "--out", stopped.toString());
        assertThat(rest.out()).contains("skipped " + kept.size());
        assertThat(SweepParquet.read(LocalSweep.rowsDir(stopped), new SweepSchema(s)))
                .hasSize(s.scenarios().size());
    }

    private static long finished(Path series) throws IOException {
        if (!Files.isDirectory(series)) {
            return 0;
        }
        try (var dirs = Files.list(series)) {
            return dirs.count();
        }
    }
}
