package dev.chikuden.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.sim.Chunks;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PvUseMeterTest {
    /**
     * A chunk in which the battery did nothing takes the meter's short loop; the same steps in a
     * chunk with one battery step take the full one. Both give the same figures to the bit, and PV
     * splits into used on site, exported and lost or stored.
     */
    @Test
    void idleBatteryChunksGiveWhatTheFullLoopGives() {
        Random r = new Random(7);
        int n = 500;
        double[] load = new double[n + 1];
        double[] pv = new double[n + 1];
        double[] battery = new double[n + 1];
        double[] soc = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            load[i] = 20 + 10 * r.nextDouble();
            pv[i] = Math.max(0, 40 * Math.sin(i / 80.0)) + (i % 97 == 0 ? -0.01 : 0); // night and a negative reading
            soc[i] = 0.5;
        }
        battery[n] = -5; // the last step charges
        soc[n] = 0.51;

        PvUseMeter split = new PvUseMeter(60, 100, 0.5);
        split.accept(Chunks.of(0, Arrays.copyOf(load, n), Arrays.copyOf(pv, n), new double[n], Arrays.copyOf(soc, n)));
        split.accept(Chunks.of(
                n, new double[] {load[n]}, new double[] {pv[n]}, new double[] {battery[n]}, new double[] {soc[n]}));
        PvUseMeter whole = new PvUseMeter(60, 100, 0.5);
        whole.accept(Chunks.of(0, load, pv, battery, soc));

        assertThat(split.result()).isEqualTo(whole.result());
        PvUseMeter.PvUse u = whole.result();
        assertThat(u.pvExportedKwh()).isPositive();
        assertThat(u.pvToLoadKwh() + u.pvExportedKwh() + u.pvLostOrStoredKwh())
                .isCloseTo(u.pvKwh(), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** A NaN reading makes the battery's terms NaN in the full loop: the short loop must not make them 0. */
    @Test
    void aNanReadingInAnIdleChunkGivesWhatTheFullLoopGives() {
        double[] load = {20, Double.NaN, 20, 20};
        double[] pv = {5, 5, 5, 5};
        double[] soc = {0.5, 0.5, 0.5, 0.51};
        PvUseMeter split = new PvUseMeter(60, 100, 0.5);
        split.accept(Chunks.of(0, Arrays.copyOf(load, 3), Arrays.copyOf(pv, 3), new double[3], Arrays.copyOf(soc, 3)));
        split.accept(Chunks.of(3, new double[] {20}, new double[] {5}, new double[] {-5}, new double[] {0.51}));
        PvUseMeter whole = new PvUseMeter(60, 100, 0.5);
        whole.accept(Chunks.of(0, load, pv, new double[] {0, 0, 0, -5}, soc));

        assertThat(split.result()).isEqualTo(whole.result());
        assertThat(whole.result().pvChargedKwh()).isNaN();
    }
}
