package dev.chikuden.optimize.mpc;

/**
 * What the MPC expects the net load to be (kW per LP period). A forecast issued at the start of
 * period {@code first} may use the truth of the periods before it (the past, measured); only the
 * perfect forecast (an upper bound on what forecasting can give) and the noisy one (that bound
 * made worse) read the truth ahead.
 */
public interface Forecaster {
    /** Fills {@code out[0, count)} with the forecast of {@code truthKw[first, first + count)}. */
    void forecast(double[] truthKw, int first, double[] out, int count);

    /** The truth itself. */
    static Forecaster perfect() {
        return new PerfectForecast();
    }

    /** Each period as it was on the last day already seen (whole days earlier). */
    static Forecaster seasonalNaive(int periodsPerDay) {
        return new SeasonalNaiveForecast(periodsPerDay);
    }

    /** The truth times {@code 1 + noiseFraction x N(0, 1)}, the period about to start exact. */
    static Forecaster noisy(double noiseFraction, long seed) {
        return new NoisyForecast(noiseFraction, seed);
    }
}
