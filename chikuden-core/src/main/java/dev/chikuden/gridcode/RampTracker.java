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

    /** Adds the next step; returns the change across the window, kW per second, or NaN until the window is full. */
    double add(double kw) {
        double change = Double.NaN;
        if (seen >= ring.length) {
            change = kw - ring[pos];
            if (change > maxUpKw) {
                maxUpKw = change;
            } else if (-change > maxDownKw) {
                maxDownKw = -change;
            }
        }
        ring[pos] = kw;
        pos = pos + 1 == ring.length ? 0 : pos + 1;
        seen++;
        return change / windowS;
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
