package dev.chikuden.optimize.mpc;

/**
 * The seasonal-naive forecast of a daily load: each period as it was on the last day already seen
 * (the same time one day earlier, or as many whole days earlier as it takes to reach the past).
 * A data-centre load repeats day by day, so this is the baseline any better forecast must beat.
 * Where the study holds no such day yet (its first day), the truth stands in.
 */
final class SeasonalNaiveForecast implements Forecaster {
    private final int periodsPerDay;

    SeasonalNaiveForecast(int periodsPerDay) {
        if (periodsPerDay < 1) {
            throw new IllegalArgumentException("periodsPerDay must be >= 1, was " + periodsPerDay);
        }
        this.periodsPerDay = periodsPerDay;
    }

    @Override
    public void forecast(double[] truthKw, int first, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            int seen = first + i - periodsPerDay * (i / periodsPerDay + 1);
            out[i] = seen >= 0 ? truthKw[seen] : truthKw[first + i];
        }
    }
}
