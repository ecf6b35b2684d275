package dev.chikuden.gridcode;

import java.util.Arrays;

/**
 * How often each ramp occurred: a histogram of the signed change of power across the 1-s ramp
 * window, per second (rises positive), one count per step once the window is full. The bins are
 * {@code binKwPerS} wide and aligned to 0: bin {@code i} covers
 * {@code [lowerEdgeKwPerS(i), lowerEdgeKwPerS(i) + binKwPerS)}.
 */
public record RampHistogram(double binKwPerS, long[] counts) {
    public RampHistogram {
        counts = counts.clone();
    }

    public double lowerEdgeKwPerS(int bin) {
        return (bin - counts.length / 2) * binKwPerS;
    }

    /** Ramps counted: the steps after the first window. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
