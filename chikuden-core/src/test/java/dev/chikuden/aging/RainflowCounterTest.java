package dev.chikuden.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.chikuden.aging.RainflowCycles.Cycle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RainflowCounterTest {
    /** ASTM E1049-85, figure 6 (the series given as its reversals). */
    static final double[] ASTM = {-2, 1, -3, 5, -1, 3, -4, 4, -2};
    /** The reference series of the Python rainflow package: it has points inside monotone runs. */
    static final double[] LONG = {-1.5, 1, -3, 10, -1, 3, -8, 4, -2, 6, -1, -4, -8, 2, 1, -5, 0, 2.5, -4, 1, 0, 2, -0.5
    };

    @Test
    void astmExample() {
        RainflowCycles c = count(ASTM);
        assertThat(byRange(c.cycles()))
                .containsExactly(entry(3.0, 0.5), entry(4.0, 1.5), entry(6.0, 0.5), entry(8.0, 1.0), entry(9.0, 0.5));
        assertThat(c.cycles())
                .containsExactly(
                        new Cycle(3, -0.5, 0.5),
                        new Cycle(4, -1, 0.5),
                        new Cycle(4, 1, 1.0),
                        new Cycle(6, 1, 0.5),
                        new Cycle(8, 0, 0.5),
                        new Cycle(8, 1, 0.5),
                        new Cycle(9, 0.5, 0.5));
        assertThat(c.totalCycles()).isEqualTo(4.0);
    }

    @Test
    void cyclesAreReportedWhenTheyCloseAndTheResidueOnlyAtTheEnd() {
        List<Cycle> seen = new ArrayList<>();
        RainflowCounter counter = new RainflowCounter((r, m, n) -> seen.add(new Cycle(r, m, n)));
        for (double v : ASTM) {
            counter.add(v);
        }
        assertThat(seen)
                .containsExactly(
                        new Cycle(3, -0.5, 0.5), new Cycle(4, -1, 0.5), new Cycle(4, 1, 1.0), new Cycle(8, 1, 0.5));
        assertThat(counter.closedCycles()).isEqualTo(2.5);
        assertThat(counter.totalCycles()).isEqualTo(2.5);
        assertThat(counter.reversals()).isEqualTo(8); // -2 is still pending
        counter.finish();
        assertThat(seen.subList(4, seen.size()))
                .containsExactly(new Cycle(9, 0.5, 0.5), new Cycle(8, 0, 0.5), new Cycle(6, 1, 0.5));
        assertThat(counter.closedCycles()).isEqualTo(2.5);
        assertThat(counter.totalCycles()).isEqualTo(4.0);
        assertThat(counter.reversals()).isEqualTo(9);
    }

    @Test
    void longReferenceSeries() {
        RainflowCycles c = count(LONG);
        assertThat(byRange(c.cycles()))
                .containsExactly(
                        entry(1.0, 1.0),
                        entry(2.5, 1.0),
                        entry(4.0, 1.5),
                        entry(6.0, 1.5),
                        entry(6.5, 0.5),
                        entry(7.0, 1.0),
                        entry(10.5, 0.5),
                        entry(13.0, 0.5),
                        entry(14.0, 1.0),
                        entry(18.0, 0.5));
        assertThat(c.totalCycles()).isEqualTo(9.0);
    }

    @Test
    void samplesBetweenTheReversalsChangeNothing() {
        for (double[] series : List.of(ASTM, LONG)) {
            double[] dense = densify(series);
            assertThat(dense.length).isGreaterThan(series.length * 4);
            assertThat(count(dense).cycles()).isEqualTo(count(series).cycles());
        }
    }

    @Test
    void alternatingSeriesClosesHalfCyclesAtTheStartAndLeavesOneForTheResidue() {
        RainflowCycles cycles = new RainflowCycles();
        RainflowCounter counter = new RainflowCounter(cycles);
        for (int i = 0; i < 500; i++) {
            counter.add(i % 2 == 0 ? 5 : 95);
        }
        assertThat(counter.closedCycles()).isEqualTo(248.5); // the last 95 is pending
        counter.finish();
        assertThat(counter.reversals()).isEqualTo(500);
        assertThat(counter.closedCycles()).isEqualTo(249.0); // 498 half cycles, no residue
        assertThat(counter.totalCycles()).isEqualTo(249.5);
        assertThat(cycles.cycles()).containsExactly(new Cycle(90, 50, 249.5));
    }

    @Test
    void shortAndFlatSeriesHaveNoCycles() {
        assertThat(count().totalCycles()).isZero();
        assertThat(count(7).totalCycles()).isZero();
        assertThat(count(7, 7, 7).totalCycles()).isZero();
        assertThat(count(7, 7, 9, 9).cycles()).containsExactly(new Cycle(2, 8, 0.5));
    }

    @Test
    void rejectsNonFiniteSamplesAndUseAfterFinish() {
        RainflowCounter counter = new RainflowCounter((r, m, n) -> {});
        assertThatThrownBy(() -> counter.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        counter.finish();
        assertThatThrownBy(() -> counter.add(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(counter::finish).isInstanceOf(IllegalStateException.class);
    }

    @Property(tries = 2000)
    void everyReversalButTheFirstAddsHalfACycleAndRangesStayInTheSpan(
            @ForAll @Size(max = 300) List<@IntRange(min = -20, max = 20) Integer> small,
            @ForAll @Size(max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> wide) {
        for (List<? extends Number> list : List.of(small, wide)) {
            double[] series = list.stream().mapToDouble(Number::doubleValue).toArray();
            RainflowCycles cycles = new RainflowCycles();
            RainflowCounter counter = new RainflowCounter(cycles);
            for (double v : series) {
                counter.add(v);
            }
            counter.finish();
            int reversals = reversals(series);
            assertThat(counter.reversals()).isEqualTo(reversals);
            assertThat(counter.totalCycles())
                    .isEqualTo(Math.max(reversals - 1, 0) / 2.0)
                    .isEqualTo(cycles.totalCycles());
            double span = series.length == 0
                    ? 0
                    : Arrays.stream(series).max().orElseThrow()
                            - Arrays.stream(series).min().orElseThrow();
            for (Cycle c : cycles.cycles()) {
                assertThat(c.range()).isBetween(0.0, span);
            }
        }
    }

    @Property(tries = 500)
    void densifyingAnySeriesChangesNothing(@ForAll @Size(max = 100) List<@IntRange(min = -20, max = 20) Integer> list) {
        double[] series = list.stream().mapToDouble(Integer::doubleValue).toArray();
        assertThat(count(densify(series)).cycles()).isEqualTo(count(series).cycles());
    }

    static RainflowCycles count(double... series) {
        RainflowCycles cycles = new RainflowCycles();
        RainflowCounter counter = new RainflowCounter(cycles);
        for (double v : series) {
            counter.add(v);
        }
        counter.finish();
        return cycles;
    }

    static Map<Double, Double> byRange(List<Cycle> cycles) {
        Map<Double, Double> m = new TreeMap<>();
        cycles.forEach(c -> m.merge(c.range(), c.count(), Double::sum));
        return m;
    }

    /** Each sample twice, then three points linearly between it and the next (exact for these values). */
    static double[] densify(double[] series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            out.add(series[i]);
            out.add(series[i]);
            if (i + 1 < series.length) {
                for (int k = 1; k < 4; k++) {
                    out.add(series[i] + (series[i + 1] - series[i]) * k / 4);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Reversals by definition: the ends and every point where the slope changes sign, ties merged. */
    static int reversals(double[] series) {
        double[] d = new double[series.length];
        int size = 0;
        for (double v : series) {
            if (size == 0 || d[size - 1] != v) {
                d[size++] = v;
            }
        }
        int n = Math.min(size, 2);
        for (int i = 1; i + 1 < size; i++) {
            if ((d[i] - d[i - 1]) * (d[i + 1] - d[i]) < 0) {
                n++;
            }
        }
        return n;
    }
}
