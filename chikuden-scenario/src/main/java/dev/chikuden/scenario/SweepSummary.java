package dev.chikuden.scenario;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.chikuden.BadInputException;
import dev.chikuden.scenario.sweep.Sweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution of each headline figure over a sweep's scenarios that ran: over all of them,
 * and for each value of each axis. Percentiles interpolate linearly between order statistics (as
 * DuckDB's {@code quantile_cont} and numpy's default do). Failed scenarios and figures a scenario
 * does not have are left out and counted in {@code n}.
 */
public final class SweepSummary {
    /** The rows of the summary: {@code axis} and {@code value} are "all" for the whole sweep. */
    public record Stat(
            String axis,
            String value,
            String figure,
            int n,
            double min,
            double p10,
            double p50,
            double p90,
            double max,
            double mean) {}

    private SweepSummary() {}

    public static List<Stat> of(Sweep sweep, List<ScenarioRow> rows) {
        List<String> figures = Headline.paths(sweep.run());
        List<Stat> stats = new ArrayList<>();
        for (int f = 0; f < figures.size(); f++) {
            String figure = Headline.column(figures.get(f));
            stats.add(stat("all", "all", figure, f, rows));
            for (int a = 0; a < sweep.axes().size(); a++) {
                Map<String, List<ScenarioRow>> byValue = new LinkedHashMap<>();
                for (ScenarioRow r : rows) {
                    byValue.computeIfAbsent(r.axisValues().get(a), k -> new ArrayList<>())
                            .add(r);
                }
                for (Map.Entry<String, List<ScenarioRow>> e : byValue.entrySet()) {
                    stats.add(stat(sweep.axes().get(a).column(), e.getKey(), figure, f, e.getValue()));
                }
            }
        }
        return stats;
    }

    private static Stat stat(String axis, String value, String figure, int f, List<ScenarioRow> rows) {
        double[] x = rows.stream()
                .filter(r -> !r.failed())
                .mapToDouble(r -> r.figures()[f])
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (x.length == 0) {
            return new Stat(
                    axis, value, figure, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stat(
                axis,
                value,
                figure,
                x.length,
                x[0],
                percentile(x, 0.1),
                percentile(x, 0.5),
                percentile(x, 0.9),
                x[x.length - 1],
                Arrays.stream(x).sum() / x.length);
    }

    /**
     * The p-quantile of sorted {@code x}, interpolated linearly between order statistics in DuckDB's
     * {@code quantile_cont} arithmetic ({@code lo (1 - d) + hi d}), so the two agree to the bit.
     */
    static double percentile(double[] x, double p) {
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        double d = h - lo;
        return d == 0 ? x[lo] : x[lo] * (1.0 - d) + x[lo + 1] * d;
    }

    /** Writes {@code summary.csv} (one row per statistic) and {@code summary.html} into {@code out}. */
    public static void write(Path out, Sweep sweep, List<ScenarioRow> rows) {
        List<Stat> stats = of(sweep, rows);
        Path csv = out.resolve("summary.csv");
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(csv)) {
            w.writeRecord("axis", "value", "figure", "n", "min", "p10", "p50", "p90", "max", "mean");
            for (Stat s : stats) {
                w.writeRecord(
                        s.axis(),
                        s.value(),
                        s.figure(),
                        Integer.toString(s.n()),
                        number(s.min()),
                        number(s.p10()),
                        number(s.p50()),
                        number(s.p90()),
                        number(s.max()),
                        number(s.mean()));
            }
        } catch (IOException e) {
            throw new BadInputException(csv + ": cannot write: " + e.getMessage(), e);
        }
        SweepPage.write(out.resolve("summary.html"), sweep, rows, stats);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
