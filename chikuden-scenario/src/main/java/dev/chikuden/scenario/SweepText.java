package dev.chikuden.scenario;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What both runners print after a sweep: the first failures with their first problem, then each
 * figure's P10, P50 and P90 over all the scenarios that ran.
 */
public final class SweepText {
    static final int FAILURES_SHOWN = 10;

    private SweepText() {}

    public static String failuresAndFigures(List<ScenarioRow> rows, List<SweepSummary.Stat> stats) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (ScenarioRow r : rows) {
            if (r.failed() && shown++ < FAILURES_SHOWN) {
                // a configuration error's first line only counts its problems: the first problem with it
                String error = r.error()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .limit(2)
                        .collect(Collectors.joining(" "));
                out.append("  failed ")
                        .append(r.id())
                        .append(' ')
                        .append(r.axisValues())
                        .append(": ")
                        .append(error.length() > 300 ? error.substring(0, 300) + "..." : error)
                        .append(System.lineSeparator());
            }
        }
        out.append(String.format(
                Locale.ROOT, "%n%-42s %14s %14s %14s %5s%n", "over all scenarios", "P10", "P50", "P90", "n"));
        for (SweepSummary.Stat s : stats) {
            if (s.axis().equals("all") && s.n() > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-42s %14s %14s %14s %5d%n",
                        s.figure(),
                        Numbers.figure(s.p10()),
                        Numbers.figure(s.p50()),
                        Numbers.figure(s.p90()),
                        s.n()));
            }
        }
        return out.toString();
    }
}
