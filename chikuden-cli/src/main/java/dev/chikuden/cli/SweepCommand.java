package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.config.FileNames;
import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.SweepParquet;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.SweepSummary;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import dev.chikuden.site.SiteOverride;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "sweep",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs every scenario of a sweep file (a base site file and axes over any of its fields: a full grid, "
                    + "a list of cases or random samples) through plan, optimize or size, figures only, on a pool of "
                    + "threads (or on Apache Spark with --spark), and writes one row per scenario with its axis values and "
                    + "headline figures to OUT/scenarios/*.parquet, then P10/P50/P90 of each figure by axis to "
                    + "OUT/summary.csv and OUT/summary.html.",
            "A rerun into the same folder skips the scenarios written there; a failing scenario is written with its "
                    + "error and stops nothing else."
        })
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file (see examples/sakai-sweep.yaml).")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder for the results (default: out/<sweep file name>).")
    Path out;

    @Option(
            names = "--set",
            paramLabel = "PATH=VALUE",
            description = "Set a field of the base site file for every scenario, e.g. --set study.duration='2 d' "
                    + "(repeatable; the sweep's axes win).")
    List<String> sets = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Scenarios run at once (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--spark",
            paramLabel = "MASTER",
            description = "Run the scenarios as Spark tasks, e.g. --spark 'local[*]' (needs the Spark jar: "
                    + "mvn -B -DskipTests -pl chikuden-spark-local -am install; ./chikuden builds it).")
    String spark;

    @Option(names = "--list", description = "List the scenarios (id and axis values) and run none.")
    boolean list;

    @Option(
            names = "--show",
            paramLabel = "ID",
            description =
                    "Print scenario ID's site file (the base with its overrides), to run with the sweep's command from the base's folder; run none.")
    String show;

    @Mixin
    SharedOptions.Quiet quiet;

    @Override
    public Integer call() {
        List<SiteOverride> overrides = sets.stream().map(SiteOverride::parse).toList();
        Sweep sweep = SweepReader.read(file, overrides);
        PrintWriter w = spec.commandLine().getOut();
        if (show != null) {
            w.print(sweep.siteYaml(scenario(sweep, show)));
            w.flush();
            return Main.OK;
        }
        if (list) {
            for (Scenario s : sweep.scenarios()) {
                w.println(s.id() + "  " + String.join("  ", s.axisValues()));
            }
            w.flush();
            return Main.OK;
        }
        Path dir = out != null ? out : Path.of("out", FileNames.stem(file));
        if (spark != null) {
            if (threads != null) {
                throw new BadInputException(
                        "--threads is the local runner's; on Spark the cores are the master's: --spark 'local[N]'");
            }
            return SparkLauncher.launch(
                    file, dir, sets, spark, w, spec.commandLine().getErr());
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > 1024) {
            throw new BadInputException("--threads " + n + ": use 1 to 1024");
        }
        LocalSweep.Outcome o;
        try (Progress progress = Progress.start(
                LocalSweep.pending(sweep, dir).size(),
                quiet.on,
                spec.commandLine().getErr())) {
            o = LocalSweep.run(sweep, dir, n, progress);
        }
        List<ScenarioRow> rows = SweepParquet.read(LocalSweep.rowsDir(dir), new SweepSchema(sweep));
        SweepSummary.write(dir, sweep, rows);
        w.print(SweepTable.render(sweep, o, n, rows, SweepSummary.of(sweep, rows), dir));
        w.flush();
        return rows.stream().allMatch(ScenarioRow::failed) ? Main.BAD_INPUT : Main.OK;
    }

    private static Scenario scenario(Sweep sweep, String id) {
        for (Scenario s : sweep.scenarios()) {
            if (s.id().equals(id) || Integer.toString(s.index()).equals(id)) {
                return s;
            }
        }
        throw new BadInputException("--show " + id + ": no such scenario; the sweep has "
                + sweep.scenarios().get(0).id() + " to "
                + sweep.scenarios().get(sweep.scenarios().size() - 1).id()
                + " (see --list)");
    }
}
