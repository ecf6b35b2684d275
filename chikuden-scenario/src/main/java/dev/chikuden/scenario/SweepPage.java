package dev.chikuden.scenario;

import dev.chikuden.BadInputException;
import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.Sweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary page of a sweep: for each headline figure, its distribution over the scenarios for
 * each value of each axis (a box from P10 to P90, the median, whiskers to the extremes and every
 * scenario as a dot), drawn as inline SVG so the page needs nothing but a browser.
 */
final class SweepPage {
    private static final int W = 640;
    private static final int H = 170;
    private static final int LEFT = 90;
    private static final int BOTTOM = 40;

    private SweepPage() {}

    static void write(Path file, Sweep sweep, List<ScenarioRow> rows, List<SweepSummary.Stat> stats) {
        long failed = rows.stream().filter(ScenarioRow::failed).count();
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(sweep.name()))
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1400px}"
                        + "h2{font-size:16px;margin:1.6em 0 .3em}.row{display:flex;flex-wrap:wrap;gap:12px}"
                        + "svg{background:#fafafa;border:1px solid #ddd}text{font-size:11px;fill:#333}"
                        + "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}</style></head><body>");
        h.append("<h1>")
                .append(esc(sweep.name()))
                .append("</h1><p>")
                .append(rows.size())
                .append(" scenarios of <code>")
                .append(esc(sweep.run().name().toLowerCase(Locale.ROOT)))
                .append("</code> on <code>")
                .append(esc(String.valueOf(sweep.site().getFileName())))
                .append("</code>; ")
                .append(failed)
                .append(" failed (their errors are in the rows' <code>error</code> column). Boxes span P10 to P90, "
                        + "the bar is the median, whiskers reach the extremes, dots are scenarios.</p>");
        List<String> paths = Headline.paths(sweep.run());
        for (int f = 0; f < paths.size(); f++) {
            String figure = Headline.column(paths.get(f));
            SweepSummary.Stat all = find(stats, "all", "all", figure);
            if (all == null || all.n() == 0) {
                continue;
            }
            h.append("<h2>")
                    .append(esc(figure))
                    .append("</h2><p>P10 ")
                    .append(fmt(all.p10()))
                    .append(" · P50 ")
                    .append(fmt(all.p50()))
                    .append(" · P90 ")
                    .append(fmt(all.p90()))
                    .append(" (n = ")
                    .append(all.n())
                    .append(")</p><div class=\"row\">");
            if (all.min() == all.max()) {
                h.append("<p>the same in every scenario</p></div>");
                continue;
            }
            for (int a = 0; a < sweep.axes().size(); a++) {
                h.append(chart(sweep.axes().get(a), a, f, figure, rows, stats, all));
            }
            h.append("</div>");
        }
        h.append("</body></html>\n");
        try {
            Files.writeString(file, h);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String chart(
            Axis axis,
            int a,
            int f,
            String figure,
            List<ScenarioRow> rows,
            List<SweepSummary.Stat> stats,
            SweepSummary.Stat all) {
        List<SweepSummary.Stat> groups = new ArrayList<>();
        for (SweepSummary.Stat s : stats) {
            if (s.axis().equals(axis.column()) && s.figure().equals(figure)) {
                groups.add(s);
            }
        }
        double lo = all.min();
        double hi = all.max() > lo ? all.max() : lo + 1;
        double plotW = W - LEFT - 10.0;
        double plotH = H - BOTTOM - 10.0;
        double band = plotW / groups.size();
        StringBuilder s = new StringBuilder();
        s.append("<svg width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\">");
        s.append(text(LEFT + plotW / 2, H - 6, axis.column(), "middle"));
        s.append(text(LEFT - 4, 10 + 4, fmt(hi), "end")).append(text(LEFT - 4, 10 + plotH, fmt(lo), "end"));
        for (int g = 0; g < groups.size(); g++) {
            SweepSummary.Stat st = groups.get(g);
            double cx = LEFT + band * (g + 0.5);
            double bw = Math.min(40, band * 0.5);
            s.append(text(cx, H - BOTTOM + 16, st.value(), "middle"));
            if (st.n() == 0) {
                continue;
            }
            double yMin = y(st.min(), lo, hi, plotH);
            double yMax = y(st.max(), lo, hi, plotH);
            s.append(line(cx, yMin, cx, yMax, "#888"));
            // P90 to P10, at least a pixel tall: within the whisker where it is as tall, else centred on it
            double top = y(st.p90(), lo, hi, plotH);
            double bottom = y(st.p10(), lo, hi, plotH);
            if (bottom - top < 1) {
                double mid = yMin - yMax < 1 ? (yMin + yMax) / 2 : (top + bottom) / 2;
                top = yMin - yMax < 1 ? mid - 0.5 : Math.max(yMax, Math.min(mid - 0.5, yMin - 1));
                bottom = top + 1;
            }
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#cfe0f5\" stroke=\"#3a6ea5\"/>",
                    cx - bw / 2,
                    top,
                    bw,
                    bottom - top));
            double yMed = y(st.p50(), lo, hi, plotH);
            s.append(line(cx - bw / 2, yMed, cx + bw / 2, yMed, "#1b3f66"));
            int k = 0;
            for (ScenarioRow r : rows) {
                double v = r.figures()[f];
                if (!r.failed() && !Double.isNaN(v) && r.axisValues().get(a).equals(st.value())) {
                    double dx = ((k++ * 7919) % 17 - 8) * bw / 40;
                    s.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#c0392b\" fill-opacity=\".6\"><title>%s: %s</title></circle>",
                            cx + bw * 0.75 + dx,
                            y(v, lo, hi, plotH),
                            esc(r.id()),
                            fmt(v)));
                }
            }
        }
        return s.append("</svg>").toString();
    }

    private static double y(double v, double lo, double hi, double plotH) {
        return 10 + plotH * (1 - (v - lo) / (hi - lo));
    }

    private static SweepSummary.Stat find(List<SweepSummary.Stat> stats, String axis, String value, String figure) {
        for (SweepSummary.Stat s : stats) {
            if (s.axis().equals(axis) && s.value().equals(value) && s.figure().equals(figure)) {
                return s;
            }
        }
        return null;
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                x1,
                y1,
                x2,
                y2,
                color);
    }

    private static String text(double x, double y, String t, String anchor) {
        return String.format(
                Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, esc(t));
    }

    static String fmt(double v) {
        return Numbers.figure(v);
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
