package dev.chikuden.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.cli.report.BalanceBuckets.Quantity;
import dev.chikuden.sim.Chunks;
import dev.chikuden.sim.StepChunk;
import org.junit.jupiter.api.Test;

class BalanceBucketsTest {
    private static final StepChunk STEPS = Chunks.of(
            0,
            new double[] {100, 120, 90, 130, 110},
            new double[] {10, 0, 30, 0, 5},
            new double[] {5, -20, 0, 30, -0.0},
            new double[] {0.5, 0.6, 0.6, 0.4, 0.4});

    @Test
    void bucketsOfOneStepAreTheStepsThemselves() {
        BalanceBuckets b = BalanceBuckets.forSteps(5, 1);
        b.add(STEPS, 0, 2);
        b.add(STEPS, 2, 3);
        assertThat(b.buckets()).isEqualTo(5);
        assertThat(b.min(Quantity.LOAD)).containsExactly(100, 120, 90, 130, 110);
        assertThat(b.max(Quantity.GRID_WITHOUT_BATTERY)).containsExactly(90, 120, 60, 130, 105);
        assertThat(b.mean(Quantity.GRID)).containsExactly(85, 140, 60, 100, 105);
        assertThat(b.max(Quantity.SOC)).containsExactly(0.5, 0.6, 0.6, 0.4, 0.4);
        // the minimum keeps the step's -0.0; the mean is a sum from 0, as for longer buckets
        double[] battery = b.min(Quantity.BATTERY);
        assertThat(Double.doubleToRawLongBits(battery[4])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(b.mean(Quantity.BATTERY)[4])).isZero();
    }

    @Test
    void longerBucketsHoldTheirStepsExtremesAndMean() {
        BalanceBuckets b = BalanceBuckets.forSteps(5, 2);
        b.accept(STEPS);
        assertThat(b.buckets()).isEqualTo(3);
        assertThat(b.min(Quantity.LOAD)).containsExactly(100, 90, 110);
        assertThat(b.max(Quantity.LOAD)).containsExactly(120, 130, 110);
        assertThat(b.mean(Quantity.BATTERY)).containsExactly(-7.5, 15, 0);
        b.clear();
        b.add(STEPS, 3, 2);
        assertThat(b.mean(Quantity.SOC)).containsExactly(0.4);
    }
}
