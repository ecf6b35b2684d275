package dev.chikuden.cli.parity;

import dev.chikuden.scenario.plan.GridCodeFigures;
import java.util.Locale;

/** The text output: the window, metric | study | live | difference, the verdicts. */
public final class ParityTable {
    private ParityTable() {}

    public static String render(ParityFigures f) {
        StringBuilder sb = new StringBuilder();
        ParityFigures.Window w = f.window();
        sb.append(String.format(
                Locale.ROOT,
                "window %s .. %s (%.0f s, study step %s s): %s%n",
                w.start(),
                w.end(),
                w.durationSeconds(),
                num(w.stepSeconds()),
                w.why()));
        sb.append(String.format(
                Locale.ROOT,
                "live: the twin meter's every tick, averaged over each study step; its load differs from the study's"
                        + " by %s kW at most%n%n",
                num(f.loadMismatchKw())));
        sb.append(String.format(
                Locale.ROOT,
                "%-22s %-7s %14s %14s %14s %9s  %s%n",
                "metric",
                "unit",
                "study",
                "live",
                "difference",
                "%",
                "within"));
        for (ParityFigures.Difference d : f.differences()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-22s %-7s %14s %14s %14s %9s  %s%n",
                    d.metric(),
                    d.unit(),
                    num(d.study()),
                    num(d.live()),
                    num(d.absolute()),
                    d.percent() == null ? "-" : String.format(Locale.ROOT, "%+.1f", d.percent()),
                    d.within() == null ? "(shown)" : d.within() ? "yes" : "NO"));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-22s %10s %10s%n", "rule", "study", "live"));
        for (int i = 0; i < f.study().gridCode().rules().size(); i++) {
            GridCodeFigures.Rule s = f.study().gridCode().rules().get(i);
            GridCodeFigures.Rule l = i < f.live().gridCode().rules().size()
                    ? f.live().gridCode().rules().get(i)
                    : null;
            sb.append(String.format(
                    Locale.ROOT,
                    "%-22s %10s %10s%n",
                    s.rule(),
                    s.pass() ? "pass" : "FAIL",
                    l == null ? "-" : l.pass() ? "pass" : "FAIL"));
        }
        sb.append(f.verdictsAgree() ? "verdicts agree" : "VERDICTS DIFFER")
                .append(
                        f.withinTolerance()
                                ? "; every judged metric within tolerance\n"
                                : "; some metric outside tolerance (10 %, ramps under 2 MW/s 0.2 MW/s)\n");
        return sb.toString();
    }

    private static String num(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        return a >= 100 || a == 0
                ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
