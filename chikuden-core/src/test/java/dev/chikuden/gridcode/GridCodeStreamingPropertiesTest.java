package dev.chikuden.gridcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.TimeGrid;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GridCodeStreamingPropertiesTest {
    @Property(tries = 40)
    void chunksOfAnySizeGiveTheSameReportAsOnePass(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 5000) int maxChunk,
            @ForAll @IntRange(min = 0, max = 2) int stepChoice) {
        long stepMs = new long[] {100, 1000, 60_000}[stepChoice];
        Random rnd = new Random(seed);
        double[] kw = new double[20_000];
        double level = 100_000;
        for (int i = 0; i < kw.length; i++) {
            level += rnd.nextInt(100) == 0 ? rnd.nextGaussian() * 30_000 : rnd.nextGaussian() * 300;
            kw[i] = level + ((i / 10) % 2 == 0 ? 5_000 : -5_000);
        }
        FixedStepSeries s = new FixedStepSeries(GridCodeMeterTest.START, stepMs, kw);
        GridCodeReport whole = GridCodeMeter.of(s, GridCodeMeterTest.UTC, GridCodeRules.defaults());

        GridCodeMeter meter = new GridCodeMeter(
                new TimeGrid(s.startEpochMs(), stepMs, kw.length, GridCodeMeterTest.UTC), GridCodeRules.defaults());
        Random chunks = new Random(seed + 1);
        double[] buffer = new double[maxChunk + 3];
        for (int from = 0; from < kw.length; ) {
            int n = Math.min(kw.length - from, 1 + chunks.nextInt(maxChunk));
            int offset = chunks.nextInt(4); // chunks need not start at the buffer's start
            System.arraycopy(kw, from, buffer, offset, n);
            meter.add(buffer, offset, n);
            from += n;
        }
        // exactly the same numbers, NaN included
        assertThat(meter.report())
                .usingRecursiveComparison()
                .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class)
                .isEqualTo(whole);
    }
}
