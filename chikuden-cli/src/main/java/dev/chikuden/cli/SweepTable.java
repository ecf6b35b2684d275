package dev.chikuden.cli;

import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.Numbers;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.SweepSummary;
import dev.chikuden.scenario.sweep.Sweep;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The text {@code sweep} prints: what ran, what failed and each figure's P10, P50 and P90 over the sweep. */
final class SweepTable {
    static final int FAILURES_SHOWN = 10;

    private SweepTable() {}

    static String render(
            Sweep sweep,
            LocalSweep.Outcome o,
            int threads,
            List<ScenarioRow> rows,
            List<SweepSummary.Stat> stats,
            Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s: %d scenarios of %s on %s%n",
                sweep.name(),
                o.scenarios(),
                sweep.run().name().toLowerCase(Locale.ROOT),
                sweep.site().getFileName()));
        sb.append(String.format(
                Locale.ROOT,
                "Ran %d on %d thread%s in %.1f s (%.2f scenarios/s); skipped %d already in %s; %d failed%n",
                o.ran(),
                threads,
                threads == 1 ? "" : "s",
                o.wallSeconds(),
                o.wallSeconds() > 0 ? o.ran() / o.wallSeconds() : 0.0,
                o.skipped(),
                dir,
                rows.stream().filter(ScenarioRow::failed).count()));
        int shown = 0;
        for (ScenarioRow r : rows) {
            if (r.failed() && shown++ < FAILURES_SHOWN) {
                // a configuration error's first line only counts its problems: the first problem with it
                String error = r.error()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .limit(2)
                        .collect(java.util.stream.Collectors.joining(" "));
                sb.append("  failed ")
                        .append(r.id())
                        .append(' ')
                        .append(r.axisValues())
                        .append(": ")
                        .append(error.length() > 300 ? error.substring(0, 300) + "..." : error)
                        .append(System.lineSeparator());
            }
        }
        sb.append(String.format(
                Locale.ROOT, "%n%-42s %14s %14s %14s %5s%n", "over all scenarios", "P10", "P50", "P90", "n"));
        for (SweepSummary.Stat s : stats) {
            if (s.axis().equals("all") && s.n() > 0) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%-42s %14s %14s %14s %5d%n",
                        s.figure(),
                        Numbers.figure(s.p10()),
                        Numbers.figure(s.p50()),
                        Numbers.figure(s.p90()),
                        s.n()));
            }
        }
        sb.append(String.format(
                Locale.ROOT,
                "%nRows in %s/*.parquet; P10/P50/P90 by axis in %s and %s%n",
                LocalSweep.rowsDir(dir),
                dir.resolve("summary.csv"),
                dir.resolve("summary.html")));
        return sb.toString();
    }
}
