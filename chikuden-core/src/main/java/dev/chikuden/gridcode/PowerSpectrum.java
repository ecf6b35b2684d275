package dev.chikuden.gridcode;

/**
 * The Welch spectrum behind the band's share: the mean oscillation power (kW^2) of each one-sided
 * bin {@code k} at {@code k * binWidthHz}; bin 0 (the mean, removed per segment) is 0. All zeros
 * when the trace is shorter than one segment.
 */
public record PowerSpectrum(double binWidthHz, double[] powerKw2) {
    public PowerSpectrum {
        powerKw2 = powerKw2.clone();
    }

    @Override
    public double[] powerKw2() {
        return powerKw2.clone();
    }
}
