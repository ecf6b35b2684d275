package dev.chikuden.gridcode;

/**
 * Dynamic range: the largest |p - m| where m is the mean of the {@code w = round(window / step)}
 * steps ending with (and including) the current one. Judged only once the window is full. The
 * running sum is re-added from the ring at every wrap, so rounding cannot drift over a long run;
 * O(1) per sample amortised.
 */
final class RollingDeviation {
    private final double[] ring;
    private int pos;
    private long seen;
    private double sum;
    private double maxAboveKw;
    private double maxBelowKw;

    RollingDeviation(double stepS, double windowS) {
        this.ring = new double[(int) Math.max(1, Math.round(windowS / stepS))];
    }

    /** Adds {@code count} samples from {@code kw[from]}. */
    void add(double[] kw, int from, int count) {
        double[] r = ring;
        int w = r.length;
        int p = pos;
        long n = seen;
        double s = sum;
        double above = maxAboveKw;
        double below = maxBelowKw;
        for (int i = from; i < from + count; i++) {
            double v = kw[i];
            s += v - r[p]; // the slot holds 0 until the window first fills
            r[p] = v;
            p = p + 1 == w ? 0 : p + 1;
            n++;
            if (p == 0) {
                double exact = 0;
                for (double x : r) {
                    exact += x;
                }
                s = exact;
            }
            if (n >= w) {
                double d = v - s / w;
                if (d > above) {
                    above = d;
                } else if (-d > below) {
                    below = -d;
                }
            }
        }
        pos = p;
        seen = n;
        sum = s;
        maxAboveKw = above;
        maxBelowKw = below;
    }

    /** The window in steps. */
    int windowSteps() {
        return ring.length;
    }

    /** Largest |p - rolling mean|, kW; 0 before the window first fills. */
    double maxDeviationKw() {
        return Math.max(maxAboveKw, maxBelowKw);
    }

    double maxAboveKw() {
        return maxAboveKw;
    }

    double maxBelowKw() {
        return maxBelowKw;
    }
}
