package dev.chikuden.load.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NodeScalingTest {
    /** A node at 100 ms steps: 1 s at 1,000 W, 1 s at 200 W, for 60 s (a training job's square wave). */
    private static final FixedStepSeries SQUARE = square();

    @Test
    void nodesInPhaseAreNTimesTheNode() {
        FixedStepSeries campus = new NodeScaling(10_000, 0, 1).campus("node.csv", SQUARE);
        assertThat(campus.startEpochMs()).isEqualTo(SQUARE.startEpochMs());
        assertThat(campus.stepMs()).isEqualTo(100);
        for (int i = 0; i < SQUARE.size(); i++) {
            assertThat(campus.get(i)).isEqualTo(10_000 * SQUARE.get(i));
        }
    }

    @Test
    void desynchronisedNodesKeepTheEnergyAndSmoothTheSwing() {
        FixedStepSeries campus = new NodeScaling(10_000, 2000, 7).campus("node.csv", SQUARE);
        // node: mean 600 W, swing 800 W; in phase the campus would swing 8 MW
        assertThat(mean(campus)).isCloseTo(10_000 * 600.0, offset(1e-6));
        assertThat(peakToPeak(campus)).isLessThan(0.1 * 10_000 * 800);
        // a window of one step only: the campus still swings almost fully
        FixedStepSeries narrow = new NodeScaling(10_000, 100, 7).campus("node.csv", SQUARE);
        assertThat(peakToPeak(narrow)).isGreaterThan(0.8 * 10_000 * 800);
    }

    @Test
    void theSeedDecidesTheOffsets() {
        FixedStepSeries a = new NodeScaling(100, 3000, 1).campus("n", SQUARE);
        assertThat(new NodeScaling(100, 3000, 1).campus("n", SQUARE).values()).isEqualTo(a.values());
        assertThat(new NodeScaling(100, 3000, 2).campus("n", SQUARE).values()).isNotEqualTo(a.values());
    }

    /** Two nodes, two groups: the campus is the node plus the node shifted by the second group's offset. */
    @Test
    void fewNodesAreEachTheirOwnGroup() {
        FixedStepSeries ramp = new FixedStepSeries(0, 1000, new double[] {0, 1, 2, 3, 4, 5, 6, 7});
        double[] campus = new NodeScaling(2, 4000, 3).campus("n", ramp).values();
        // group 0 draws its offset in [0, 2) s, group 1 in [2, 4) s: rounded, 0..2 and 2..4 steps
        boolean matched = false;
        for (int a = 0; a <= 2; a++) {
            for (int b = 2; b <= 4; b++) {
                double[] expected = new double[8];
                for (int i = 0; i < 8; i++) {
                    expected[i] = (i + a) % 8 + (i + b) % 8;
                }
                matched |= Arrays.equals(expected, campus);
            }
        }
        assertThat(matched)
                .as("campus %s is two shifted ramps", Arrays.toString(campus))
                .isTrue();
    }

    @Test
    void aWindowShorterThanAStepIsAnError() {
        assertThatThrownBy(() -> new NodeScaling(10, 50, 1).campus("node.csv", SQUARE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("node.csv: desynchronise 50 ms is shorter than the trace's step of 100 ms; offsets are "
                        + "whole steps, so give at least one step or leave desynchronise out for nodes in phase");
        assertThatThrownBy(() -> new NodeScaling(10, 60_000, 1).campus("node.csv", SQUARE))
                .hasMessage("node.csv: desynchronise 60000 ms is not shorter than the trace (600 steps of 100 ms); "
                        + "give a longer trace or a shorter window");
    }

    @Property(tries = 200)
    void theCampusKeepsTheEnergyAndStaysWithinNTimesTheNodesRange(
            @ForAll @Size(min = 20, max = 200) double[] node,
            @ForAll @LongRange(min = 1, max = 100_000) long nodes,
            @ForAll @IntRange(min = 0, max = 19) int windowSteps,
            @ForAll long seed) {
        double[] kw = Arrays.stream(node).map(v -> Math.abs(v) % 1000).toArray();
        FixedStepSeries s = new FixedStepSeries(0, 1000, kw);
        FixedStepSeries campus = new NodeScaling(nodes, windowSteps * 1000L, seed).campus("n", s);
        double min = Arrays.stream(kw).min().orElseThrow();
        double max = Arrays.stream(kw).max().orElseThrow();
        double tolerance = 1e-9 * nodes * (max + 1);
        assertThat(mean(campus)).isCloseTo(nodes * mean(s), offset(tolerance));
        for (double v : campus.values()) {
            assertThat(v).isBetween(nodes * min - tolerance, nodes * max + tolerance);
        }
    }

    private static FixedStepSeries square() {
        double[] w = new double[600];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i / 10) % 2 == 0 ? 1000 : 200;
        }
        return new FixedStepSeries(1_714_532_400_000L, 100, w);
    }

    private static double mean(FixedStepSeries s) {
        return Arrays.stream(s.values()).average().orElseThrow();
    }

    private static double peakToPeak(FixedStepSeries s) {
        double[] v = s.values();
        return Arrays.stream(v).max().orElseThrow() - Arrays.stream(v).min().orElseThrow();
    }
}
