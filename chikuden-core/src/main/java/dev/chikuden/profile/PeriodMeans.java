package dev.chikuden.profile;

import dev.chikuden.time.TimeGrid;

/**
 * A profile averaged over longer periods (e.g. the 30-minute periods of a dispatch optimisation),
 * generated chunk by chunk at the study step so a 1-second year never sits in memory.
 */
public final class PeriodMeans {
    private static final int CHUNK = 8192;

    private PeriodMeans() {}

    /**
     * The mean of {@code p} over each period of {@code periodMs} from the grid's start; a last period
     * the grid covers only in part is the mean of the steps it has. A step longer than the period
     * is held over the periods it spans.
     *
     * @throws IllegalArgumentException when neither the period nor the step is a whole multiple of the other
     */
    public static double[] of(Profile p, TimeGrid grid, long periodMs) {
        long stepMs = grid.stepMs();
        if (periodMs % stepMs != 0 && stepMs % periodMs != 0) {
            throw new IllegalArgumentException("a period of " + periodMs / 1000.0 + " s and the study step of "
                    + stepMs / 1000.0 + " s: one must be a whole multiple of the other");
        }
        int periods = (int) Math.ceil((double) grid.steps() * stepMs / periodMs);
        double[] out = new double[periods];
        double[] buf = new double[CHUNK];
        if (stepMs >= periodMs) {
            int per = (int) (stepMs / periodMs);
            for (long s = 0; s < grid.steps(); s += CHUNK) {
                int n = (int) Math.min(CHUNK, grid.steps() - s);
                p.fill(s, buf, n);
                for (int i = 0; i < n; i++) {
                    int first = (int) ((s + i) * per);
                    java.util.Arrays.fill(out, first, Math.min(periods, first + per), buf[i]);
                }
            }
            return out;
        }
        long stepsPerPeriod = periodMs / stepMs;
        int[] counts = new int[periods];
        for (long s = 0; s < grid.steps(); s += CHUNK) {
            int n = (int) Math.min(CHUNK, grid.steps() - s);
            p.fill(s, buf, n);
            for (int i = 0; i < n; i++) {
                int k = (int) ((s + i) / stepsPerPeriod);
                out[k] += buf[i];
                counts[k]++;
            }
        }
        for (int k = 0; k < periods; k++) {
            out[k] /= counts[k];
        }
        return out;
    }
}
