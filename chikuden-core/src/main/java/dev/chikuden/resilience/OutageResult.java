package dev.chikuden.resilience;

import java.util.Arrays;

/**
 * Hours survived by an outage starting in each period, capped at the longest outage tried, and
 * the statistics a resilience report draws from them. Grouping by month is left to the caller,
 * who knows the calendar of the series.
 *
 * @param survivedHours one value a start period
 */
public record OutageResult(double[] survivedHours) {
    /** Survival figures are sums of period lengths; this absorbs their rounding. */
    static final double TOLERANCE_HOURS = 1e-9;

    public OutageResult {
        if (survivedHours == null || survivedHours.length == 0) {
            throw new IllegalArgumentException("survivedHours is missing or empty; expected one value a start period");
        }
        survivedHours = survivedHours.clone();
    }

    /** Share of start periods whose outage lasts at least {@code hours}: 1 at 0 h, never rising. */
    public double survivalProbability(double hours) {
        requireHours(hours);
        double threshold = hours - TOLERANCE_HOURS;
        int count = 0;
        for (double s : survivedHours) {
            if (s >= threshold) {
                count++;
            }
        }
        return (double) count / survivedHours.length;
    }

    /** {@link #survivalProbability} at each of {@code hours}, from one sorted copy. */
    public double[] survivalCurve(double[] hours) {
        double[] sorted = survivedHours.clone();
        Arrays.sort(sorted);
        double[] probability = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            requireHours(hours[i]);
            int below = firstAtLeast(sorted, hours[i] - TOLERANCE_HOURS);
            probability[i] = (double) (sorted.length - below) / sorted.length;
        }
        return probability;
    }

    public double meanSurvivedHours() {
        double sum = 0;
        for (double s : survivedHours) {
            sum += s;
        }
        return sum / survivedHours.length;
    }

    public double minSurvivedHours() {
        double min = Double.POSITIVE_INFINITY;
        for (double s : survivedHours) {
            min = Math.min(min, s);
        }
        return min;
    }

    /** Index of the first value >= threshold in ascending {@code sorted}; its length if none. */
    private static int firstAtLeast(double[] sorted, double threshold) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void requireHours(double hours) {
        if (Double.isNaN(hours)) {
            throw new IllegalArgumentException("outage hours are NaN");
        }
    }
}
