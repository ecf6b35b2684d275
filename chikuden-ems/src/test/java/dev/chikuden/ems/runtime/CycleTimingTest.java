package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cycle durations, lateness and overruns, measured on an injected clock and checked against hand calculations. */
class CycleTimingTest {
    @Test
    void nearestRankPercentilesOfTheTextbookExample() {
        // five values 15, 20, 35, 40, 50: the 5th, 30th, 40th, 50th and 100th percentiles by nearest rank
        double[] sorted = {15, 20, 35, 40, 50};
        assertThat(TimingWindow.percentile(sorted, 5)).isEqualTo(15);
        assertThat(TimingWindow.percentile(sorted, 30)).isEqualTo(20);
        assertThat(TimingWindow.percentile(sorted, 40)).isEqualTo(20);
        assertThat(TimingWindow.percentile(sorted, 50)).isEqualTo(35);
        assertThat(TimingWindow.percentile(sorted, 100)).isEqualTo(50);
        assertThat(TimingWindow.percentile(new double[0], 50)).isNaN();
    }

    @Test
    void theWindowKeepsOnlyTheMostRecentCycles() {
        TimingWindow w = new TimingWindow(100, 4);
        for (int i = 1; i <= 6; i++) {
            w.record(i, 10 * i);
        }
        CycleTiming t = w.timing();
        assertThat(t.cycles()).isEqualTo(6);
        assertThat(t.maxMs()).isEqualTo(6); // of 3, 4, 5, 6
        assertThat(t.p50Ms()).isEqualTo(4); // rank ceil(0.5 * 4) = 2
        assertThat(t.lateP99Ms()).isEqualTo(60);
        assertThat(t.periodMs()).isEqualTo(100);
    }

    /**
     * 200 cycles whose reads take 1, 2, ... 200 ms in a shuffled order; every wake-up is 5 ms late,
     * except the 50th, 100th and 150th, 40 ms late (the first cycle starts on time). By nearest rank
     * over 200 values: p50 is the 100th smallest (100 ms), p99 the 198th (198 ms), the max 200 ms;
     * lateness sorted is one 0, 196 times 5, three times 40: the 198th is 40 ms.
     */
    @Test
    void theRuntimeMeasuresWhatTheClockSays() {
        SiteConfig site = Rig.site(new StrategySpec.PeakShaving(900, 700), Rig.battery("bess-1", 1000, 300, 0.5));
        try (Rig rig = new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> 800)) {
            List<Long> latencies = new ArrayList<>();
            for (long ms = 1; ms <= 200; ms++) {
                latencies.add(ms);
            }
            Collections.shuffle(latencies, new Random(7));
            AtomicInteger parks = new AtomicInteger();
            rig.clock.overshootParks(() -> (parks.incrementAndGet() % 50 == 0 ? 40 : 5) * 1_000_000L);
            for (long ms : latencies) {
                rig.unit(0).readLatencyNanos = ms * 1_000_000;
                CycleSnapshot s = rig.step();
                assertThat(s.cycleMs()).isEqualTo(ms);
            }
            CycleTiming t = rig.runtime.timing();
            assertThat(parks.get()).isEqualTo(199);
            assertThat(t.cycles()).isEqualTo(200);
            assertThat(t.p50Ms()).isEqualTo(100);
            assertThat(t.p99Ms()).isEqualTo(198);
            assertThat(t.maxMs()).isEqualTo(200);
            assertThat(t.lateP99Ms()).isEqualTo(40);
            assertThat(t.overruns()).isZero();
            assertThat(t.periodMs()).isEqualTo(1000);
        }
    }

    /** A 250 ms cycle in a 100 ms period skips the slots it ran over and the next one starts on its slot. */
    @Test
    void anOverrunSkipsToTheNextSlotAndNeverBursts() {
        SiteConfig site = Rig.site(new StrategySpec.PeakShaving(900, 700), Rig.battery("bess-1", 1000, 300, 0.5));
        try (Rig rig = new Rig(site, Rig.ems(100, 1, 0, 5000, site), t -> 800)) {
            rig.step(); // at 0
            rig.unit(0).readLatencyNanos = 250_000_000;
            rig.step(); // at 100, ends at 350: the slots at 200 and 300 are gone
            rig.unit(0).readLatencyNanos = 0;
            rig.steps(2);
            assertThat(rig.snapshots).extracting(s -> s.epochMs() - Rig.T0).containsExactly(0L, 100L, 400L, 500L);
            assertThat(rig.snapshots).extracting(CycleSnapshot::lateMs).containsExactly(0.0, 0.0, 0.0, 0.0);
            assertThat(rig.runtime.timing().overruns()).isEqualTo(1);
            assertThat(rig.runtime.timing().maxMs()).isEqualTo(250);
        }
    }
}
