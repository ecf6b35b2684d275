package dev.chikuden.optimize.mpc;

/** The truth: what the MPC would do if it knew the load, the yardstick for real forecasts. */
final class PerfectForecast implements Forecaster {
    @Override
    public void forecast(double[] truthKw, int first, double[] out, int count) {
        System.arraycopy(truthKw, first, out, 0, count);
    }
}
