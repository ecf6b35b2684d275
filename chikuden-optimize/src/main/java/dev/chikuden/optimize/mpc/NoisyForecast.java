package dev.chikuden.optimize.mpc;

import java.util.Random;

/**
 * The truth with a relative Gaussian error, {@code truth x (1 + noise x N(0, 1))}, drawn afresh at
 * every forecast: how much an imperfect forecast costs. The period about to start is exact, since
 * the controller measures the load as it plans. Seeded: the same seed gives the same run.
 */
final class NoisyForecast implements Forecaster {
    private final double noiseFraction;
    private final Random random;

    NoisyForecast(double noiseFraction, long seed) {
        if (!(noiseFraction >= 0)) {
            throw new IllegalArgumentException("noiseFraction must be >= 0, was " + noiseFraction);
        }
        this.noiseFraction = noiseFraction;
        this.random = new Random(seed);
    }

    @Override
    public void forecast(double[] truthKw, int first, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            double truth = truthKw[first + i];
            out[i] = i == 0 ? truth : truth * (1 + noiseFraction * random.nextGaussian());
        }
    }
}
