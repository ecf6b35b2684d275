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

    void add(double kw) {
        int w = ring.length;
        sum += kw - ring[pos]; // the slot holds 0 until the window first fills
        ring[pos] = kw;
        pos = pos + 1 == w ? 0 : pos + 1;
        seen++;
        if (pos == 0) {
            double exact = 0;
            for (double v : ring) {
                exact += v;
            }
            sum = exact;
        }
        if (seen >= w) {
            double d = kw - sum / w;
            if (d > maxAboveKw) {
                maxAboveKw = d;
            } else if (-d > maxBelowKw) {
                maxBelowKw = -d;
            }
        }
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
