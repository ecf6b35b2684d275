package dev.chikuden.gridcode;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Welch's averaged periodogram of a power series, streaming: segments of {@code L} samples, 50 %
 * overlap, each with its own mean removed (the DC, so only oscillation remains) and a periodic
 * Hann window applied, then transformed (JTransforms) and its squared magnitudes added to a
 * running sum. Memory is O(L) whatever the length of the run; a trailing part shorter than a
 * segment is not used, as in Welch's method.
 *
 * <p>{@code L} is the smallest power of two spanning at least ten periods of the band's lower
 * edge ({@code L >= 10 / (fLow * step)}), so the bin width is at most a tenth of {@code fLow} and a
 * Hann window's leakage from slower variations stays outside the band: 1,024 samples (102.4 s,
 * 0.0098 Hz bins) at 100 ms steps and 0.1 Hz, 128 samples at 1 s. It is at least 16 and at most
 * 2^20 samples, and is halved while the run holds fewer than four segments.
 */
final class WelchSpectrum {
    static final int MIN_SEGMENT = 16;
    static final int MAX_SEGMENT = 1 << 20;

    private final int length;
    private final int hop;
    private final double stepS;
    private final double[] window;
    private final double windowSquares;
    private final double[] ring;
    private final double[] work;
    private final double[] sumSquares;
    private final DoubleFFT_1D fft;
    private int pos;
    private long seen;
    /** The sample count at which the next segment is complete: a full ring, then every hop. */
    private long nextSegmentAt;

    private long segments;

    /**
     * @param expectedSamples the run's length when known (to keep at least four segments), or a
     *                        negative number when not
     */
    WelchSpectrum(double stepS, double bandLowHz, long expectedSamples) {
        this.length = segmentLength(stepS, bandLowHz, expectedSamples);
        this.hop = length / 2;
        this.nextSegmentAt = length;
        this.stepS = stepS;
        this.window = new double[length];
        double squares = 0;
        for (int j = 0; j < length; j++) {
            window[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / length);
            squares += window[j] * window[j];
        }
        this.windowSquares = squares;
        this.ring = new double[length];
        this.work = new double[length];
        this.sumSquares = new double[length / 2 + 1];
        this.fft = new DoubleFFT_1D(length);
    }

    static int segmentLength(double stepS, double bandLowHz, long expectedSamples) {
        double wanted = 10 / (bandLowHz * stepS);
        int l = MIN_SEGMENT;
        while (l < wanted && l < MAX_SEGMENT) {
            l <<= 1;
        }
        while (expectedSamples >= 0 && l > MIN_SEGMENT && expectedSamples < 2.5 * l) {
            l >>= 1;
        }
        return l;
    }

    /** Adds {@code count} samples from {@code kw[from]}, transforming each segment as it completes. */
    void add(double[] kw, int from, int count) {
        int i = from;
        int to = from + count;
        while (i < to) {
            int n = (int) Math.min(to - i, Math.min(length - pos, nextSegmentAt - seen));
            System.arraycopy(kw, i, ring, pos, n);
            i += n;
            pos = pos + n == length ? 0 : pos + n;
            seen += n;
            if (seen == nextSegmentAt) {
                segment();
                nextSegmentAt += hop;
            }
        }
    }

    private void segment() {
        // oldest first: the ring's oldest sample sits at pos
        System.arraycopy(ring, pos, work, 0, length - pos);
        System.arraycopy(ring, 0, work, length - pos, pos);
        double mean = 0;
        for (int j = 0; j < length; j++) {
            mean += work[j];
        }
        mean /= length;
        for (int j = 0; j < length; j++) {
            work[j] = (work[j] - mean) * window[j];
        }
        fft.realForward(work);
        // layout for even L: work[0] = Re X0, work[1] = Re X(L/2), work[2k], work[2k+1] = Re, Im Xk
        sumSquares[0] += work[0] * work[0];
        sumSquares[length / 2] += work[1] * work[1];
        for (int k = 1; k < length / 2; k++) {
            double re = work[2 * k];
            double im = work[2 * k + 1];
            sumSquares[k] += re * re + im * im;
        }
        segments++;
    }

    int segmentLength() {
        return length;
    }

    long segments() {
        return segments;
    }

    double binWidthHz() {
        return 1 / (length * stepS);
    }

    double nyquistHz() {
        return 0.5 / stepS;
    }

    /**
     * Mean power (variance, kW^2) in each one-sided bin {@code k = 1..L/2}: the periodogram scaled
     * so that the bins add up to the variance of the windowed segments (Parseval, with the window's
     * power removed). Index 0 (DC) is left 0. Empty before the first segment.
     */
    double[] binPowers() {
        double[] p = new double[length / 2 + 1];
        if (segments == 0) {
            return p;
        }
        double scale = 1.0 / (segments * (double) length * windowSquares);
        for (int k = 1; k <= length / 2; k++) {
            p[k] = (k == length / 2 ? 1 : 2) * sumSquares[k] * scale;
        }
        return p;
    }
}
