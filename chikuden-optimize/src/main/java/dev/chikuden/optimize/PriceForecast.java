package dev.chikuden.optimize;

/**
 * A forecast of a price series made when only its periods before {@code known} are published. The
 * two a trader would try first: the same slot a week before (seasonal naive: weekday and weekend
 * differ), and the mean of the same slot over the last four weeks; and the truth, for the bound.
 * Where no period of the same slot is published yet, the forecast is 0: nothing is offered on a
 * price nobody has seen.
 */
public enum PriceForecast {
    PERFECT,
    SEASONAL_NAIVE,
    MEAN_OF_FOUR_WEEKS;

    /** The name {@code optimize --forecast} takes. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static PriceForecast of(String id) {
        for (PriceForecast f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "no forecast \"" + id + "\"; known: perfect, seasonal-naive, " + "mean-of-four-weeks");
    }

    /** The forecast of {@code truth[t]} for {@code t} in {@code [first, first + out.length)}. */
    public void forecast(double[] truth, int known, int periodsPerDay, int first, double[] out) {
        for (int i = 0; i < out.length; i++) {
            int t = first + i;
            out[i] = this == PERFECT || t < known ? truth[t] : ahead(truth, known, periodsPerDay, t);
        }
    }

    private double ahead(double[] truth, int known, int perDay, int t) {
        int week = 7 * perDay;
        if (this == SEASONAL_NAIVE) {
            int seen = t - week;
            while (seen >= known) {
                seen -= week;
            }
            if (seen < 0) { // less than a week published: the same slot on the last day seen
                seen = t - perDay * ((t - known) / perDay + 1);
            }
            return seen >= 0 ? truth[seen] : 0;
        }
        double sum = 0;
        int count = 0;
        for (int seen = t - perDay * ((t - known) / perDay + 1); seen >= 0 && count < 28; seen -= perDay) {
            sum += truth[seen];
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }
}
