package dev.chikuden.cli;

import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.SweepSummary;
import dev.chikuden.scenario.SweepText;
import dev.chikuden.scenario.sweep.Sweep;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The text {@code sweep} prints: what ran, what failed and each figure's P10, P50 and P90 over the sweep. */
final class SweepTable {
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
        sb.append(SweepText.failuresAndFigures(rows, stats));
        sb.append(String.format(
                Locale.ROOT,
                "%nRows in %s/*.parquet; P10/P50/P90 by axis in %s and %s%n",
                LocalSweep.rowsDir(dir),
                dir.resolve("summary.csv"),
                dir.resolve("summary.html")));
        return sb.toString();
    }
}
