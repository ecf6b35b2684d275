package dev.chikuden.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSummaryTest {
    static final Sweep SWEEP = new Sweep(
            "test sweep",
            Path.of("sweep.yaml"),
            Path.of("site.yaml"),
            ScenarioKind.OPTIMIZE,
            List.of(new Axis("batteries[0].energy", "batteries_0_energy"), new Axis("loads[0].seed", "loads_0_seed")),
            List.of(),
            false,
            "");

    /** 60 rows over 3 sizes x 20 seeds with random figures, every 7th failed and some figures absent. */
    static List<ScenarioRow> rows(long seed) {
        Random r = new Random(seed);
        int figures = Headline.paths(ScenarioKind.OPTIMIZE).size();
        List<ScenarioRow> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double[] f = new double[figures];
            for (int k = 0; k < figures; k++) {
                f[k] = k == 3 && i % 5 == 0 ? Double.NaN : r.nextGaussian() * 1e6 + k;
            }
            String error = i % 7 == 3 ? "bad input " + i : null;
            if (error != null) {
                Arrays.fill(f, Double.NaN);
            }
            rows.add(new ScenarioRow(
                    i,
                    String.format("s%02d", i),
                    "",
                    "",
                    List.of(100 * (1 + i % 3) + " MWh", Integer.toString(i / 3)),
                    error,
                    f));
        }
        return rows;
    }

    @Test
    void percentilesAgreeWithDuckDbsQuantileCont(@TempDir Path dir) throws Exception {
        List<ScenarioRow> rows = rows(42);
        SweepSchema schema = new SweepSchema(SWEEP);
        Path parts = dir.resolve("scenarios");
        SweepParquet.writePart(parts, schema, rows);
        List<SweepSummary.Stat> stats = SweepSummary.of(SWEEP, rows);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (SweepSummary.Stat st : stats) {
                String where = "error IS NULL AND \"" + st.figure() + "\" IS NOT NULL"
                        + (st.axis().equals("all") ? "" : " AND \"" + st.axis() + "\" = '" + st.value() + "'");
                try (ResultSet q = s.executeQuery("SELECT count(*), quantile_cont(\"" + st.figure() + "\", 0.1), "
                        + "quantile_cont(\"" + st.figure() + "\", 0.5), quantile_cont(\"" + st.figure() + "\", 0.9), "
                        + "avg(\"" + st.figure() + "\"), min(\"" + st.figure() + "\"), max(\"" + st.figure() + "\") "
                        + "FROM '" + parts + "/*.parquet' WHERE " + where)) {
                    q.next();
                    assertThat(st.n()).as(st.toString()).isEqualTo(q.getInt(1));
                    // to the bit: the same interpolation in the same arithmetic
                    assertThat(st.p10()).as(st.toString()).isEqualTo(q.getDouble(2));
                    assertThat(st.p50()).as(st.toString()).isEqualTo(q.getDouble(3));
                    assertThat(st.p90()).as(st.toString()).isEqualTo(q.getDouble(4));
                    assertThat(st.mean()).as(st.toString()).isCloseTo(q.getDouble(5), within(1e-6));
                    assertThat(st.min()).isEqualTo(q.getDouble(6));
                    assertThat(st.max()).isEqualTo(q.getDouble(7));
                }
            }
        }
        // every figure has its whole-sweep row and one per value of each axis: 3 sizes, 20 seeds
        assertThat(stats).hasSize(Headline.paths(ScenarioKind.OPTIMIZE).size() * (1 + 3 + 20));
    }

    @Test
    void failedScenariosAndAbsentFiguresAreLeftOut() {
        List<SweepSummary.Stat> stats = SweepSummary.of(SWEEP, rows(1));
        long ran = rows(1).stream().filter(r -> !r.failed()).count();
        String third = Headline.column(Headline.paths(ScenarioKind.OPTIMIZE).get(3));
        SweepSummary.Stat all0 = stats.get(0);
        assertThat(all0.axis()).isEqualTo("all");
        assertThat((long) all0.n()).isEqualTo(ran);
        SweepSummary.Stat allThird = stats.stream()
                .filter(s -> s.axis().equals("all") && s.figure().equals(third))
                .findFirst()
                .orElseThrow();
        long ranWithThird = rows(1).stream()
                .filter(r -> !r.failed() && !Double.isNaN(r.figures()[3]))
                .count();
        assertThat((long) allThird.n()).isEqualTo(ranWithThird).isLessThan(ran);
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        double[] x = {1, 2, 3, 4, 10};
        assertThat(SweepSummary.percentile(x, 0.5)).isEqualTo(3);
        assertThat(SweepSummary.percentile(x, 0.9)).isCloseTo(4 + 0.6 * 6, within(1e-12));
        assertThat(SweepSummary.percentile(new double[] {7}, 0.1)).isEqualTo(7);
    }

    @Test
    void writesTheCsvAndAPageWithOneChartPerFigureAndAxis(@TempDir Path dir) throws Exception {
        SweepSummary.write(dir, SWEEP, rows(3));
        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(csv.get(0)).isEqualTo("axis,value,figure,n,min,p10,p50,p90,max,mean");
        assertThat(csv).hasSize(1 + Headline.paths(ScenarioKind.OPTIMIZE).size() * 24);
        String html = Files.readString(dir.resolve("summary.html"));
        int figures = Headline.paths(ScenarioKind.OPTIMIZE).size();
        assertThat(html.split("<svg ", -1)).hasSize(1 + figures * 2);
        assertThat(html).contains("9 failed").doesNotContain("NaN");
    }

    /**
     * A group whose figures are all but equal, beside one spread a million times wider, and groups of
     * one scenario each: their boxes are a pixel tall and stay within their whiskers, or centred on
     * those under a pixel (a box reached a pixel below them).
     */
    @Test
    void aBoxOfNearlyEqualValuesStaysWithinItsWhisker(@TempDir Path dir) throws Exception {
        int figures = Headline.paths(ScenarioKind.OPTIMIZE).size();
        List<ScenarioRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double v = i % 2 == 0 ? 1e6 + (i % 4) : 1e6 * (i % 20) + 5e5; // the wide group spans 0.5e6 to 19.5e6
            double[] f = new double[figures];
            Arrays.fill(f, v);
            rows.add(new ScenarioRow(
                    i, "s" + i, "", "", List.of(i % 2 == 0 ? "narrow" : "wide", Integer.toString(i)), null, f));
        }
        SweepSummary.write(dir, SWEEP, rows);
        String html = Files.readString(dir.resolve("summary.html"));
        // each box follows its whisker: <line x1 y1 x2 y2 (the whisker)> then <rect ... y height>
        Matcher m = Pattern.compile(
                        "<line x1=\"([\\d.]+)\" y1=\"([\\d.]+)\" x2=\"[\\d.]+\" y2=\"([\\d.]+)\" stroke=\"#888\"/>"
                                + "<rect x=\"[\\d.]+\" y=\"([\\d.]+)\" width=\"[\\d.]+\" height=\"([\\d.]+)\"")
                .matcher(html);
        int boxes = 0;
        while (m.find()) {
            double whiskerBottom = Double.parseDouble(m.group(2));
            double whiskerTop = Double.parseDouble(m.group(3));
            double top = Double.parseDouble(m.group(4));
            double height = Double.parseDouble(m.group(5));
            // a pixel tall at least; within a whisker as tall, else centred on it (0.1: printed to one decimal)
            double slack = whiskerBottom - whiskerTop < 1 ? (1 - (whiskerBottom - whiskerTop)) / 2 + 0.1 : 0.1;
            assertThat(height).isGreaterThanOrEqualTo(0.95);
            assertThat(top).isGreaterThanOrEqualTo(whiskerTop - slack);
            assertThat(top + height).isLessThanOrEqualTo(whiskerBottom + slack);
            boxes++;
        }
        assertThat(boxes).isEqualTo(figures * (2 + 40)); // per figure, a box for each group of both axes
    }
}
