package dev.chikuden.gridcode;

/**
 * Largest rise and fall of power across a window of {@code k} steps, the same for every step:
 * {@code k = round(window / step)} for steps shorter than the window, one step otherwise. A ring
 * buffer of the last {@code k} values; O(1) per sample.
 */
final class RampTracker {
    private final double[] ring;
    private final double windowS;
    private int pos;
    private long seen;
    private double maxUpKw;
    private double maxDownKw;

    RampTracker(double stepS, double windowS) {
        int k = stepS >= windowS ? 1 : (int) Math.max(1, Math.round(windowS / stepS));
        this.ring = new double[k];
        this.windowS = k * stepS;
    }

    /**
     * Adds {@code count} steps from {@code kw[from]}; each step's change across the window, kW per
     * second (NaN until the window is full), goes to {@code perS[0...]} when that is not null.
     */
    void add(double[] kw, int from, int count, double[] perS) {
        double[] r = ring;
        int k = r.length;
        int p = pos;
        long n = seen;
        double up = maxUpKw;
        double down = maxDownKw;
        double w = windowS;
        for (int i = 0; i < count; i++) {
            double v = kw[from + i];
            double change = Double.NaN;
            if (n >= k) {
                change = v - r[p];
                if (change > up) {
                    up = change;
                } else if (-change > down) {
                    down = -change;
                }
            }
            r[p] = v;
            p = p + 1 == k ? 0 : p + 1;
            n++;
            if (perS != null) {
                perS[i] = change / w;
            }
        }
        pos = p;
        seen = n;
        maxUpKw = up;
        maxDownKw = down;
    }

    /** The length the changes are measured over, seconds. */
    double windowSeconds() {
        return windowS;
    }

    /** Largest rise over the window, kW per second. */
    double maxUpKwPerS() {
        return maxUpKw / windowS;
    }

    /** Largest fall over the window, positive, kW per second. */
    double maxDownKwPerS() {
        return maxDownKw / windowS;
    }
}
