package dev.chikuden.gridcode;

import java.util.Arrays;

/**
 * Counts ramps into a fixed number of bins aligned to 0. Whenever a ramp falls outside them the
 * bin width doubles, each new bin merging two old ones, so any range fits in constant memory
 * without being known in advance; the counts stay exact, only the resolution coarsens. Widths
 * are powers of two times 1 kW/s.
 */
final class RampBins {
    static final int BINS_PER_SIDE = 64;
    private static final double FIRST_WIDTH_KW_PER_S = 1.0 / 1024;

    private long[] counts = new long[2 * BINS_PER_SIDE];
    private long[] spare = new long[2 * BINS_PER_SIDE];
    private double widthKwPerS = FIRST_WIDTH_KW_PER_S;

    void add(double kwPerS) {
        if (!Double.isFinite(kwPerS)) {
            return;
        }
        double bin = Math.floor(kwPerS / widthKwPerS);
        while (bin < -BINS_PER_SIDE || bin >= BINS_PER_SIDE) {
            widen();
            bin = Math.floor(kwPerS / widthKwPerS);
        }
        counts[(int) bin + BINS_PER_SIDE]++;
    }

    /** New bin k (from -n to n - 1) holds old bins 2k and 2k + 1, of which only those inside exist. */
    /** As {@link #add(double)} for each of {@code count} ramps from {@code kwPerS[0]}. */
    void add(double[] kwPerS, int count) {
        for (int i = 0; i < count; i++) {
            add(kwPerS[i]);
        }
    }

    private void widen() {
        int n = BINS_PER_SIDE;
        Arrays.fill(spare, 0);
        for (int old = -n; old < n; old++) {
            spare[Math.floorDiv(old, 2) + n] += counts[old + n];
        }
        long[] t = counts;
        counts = spare;
        spare = t;
        widthKwPerS *= 2;
    }

    RampHistogram histogram() {
        return new RampHistogram(widthKwPerS, counts);
    }
}
