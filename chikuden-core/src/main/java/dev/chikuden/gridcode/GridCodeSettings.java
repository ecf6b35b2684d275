package dev.chikuden.gridcode;

/**
 * How the metrics are measured (the windows and the band), as opposed to the limits they are
 * judged against.
 *
 * @param dynamicRangeWindowS the rolling mean that deviations are measured from, seconds
 * @param bandLowHz           lower edge of the oscillation band, above 0
 * @param bandHighHz          upper edge (clipped to the Nyquist frequency of the step)
 * @param loadDropKw          a load drop counts when power falls by more than this...
 * @param loadDropWithinS     ...within this time, seconds
 */
public record GridCodeSettings(
        double dynamicRangeWindowS, double bandLowHz, double bandHighHz, double loadDropKw, double loadDropWithinS) {
    /** 1-minute mean, 0.1-20 Hz, 25 MW within 1 s: the values of the default rule set. */
    public static final GridCodeSettings DEFAULT = new GridCodeSettings(60, 0.1, 20, 25_000, 1);

    public GridCodeSettings {
        if (!(dynamicRangeWindowS > 0)
                || !(bandLowHz > 0)
                || !(bandHighHz > bandLowHz)
                || !(loadDropKw > 0)
                || !(loadDropWithinS > 0)) {
            throw new IllegalArgumentException("windows and thresholds must be positive and the band's upper edge "
                    + "above its lower: " + dynamicRangeWindowS + " s, " + bandLowHz + "-" + bandHighHz + " Hz, "
                    + loadDropKw + " kW within " + loadDropWithinS + " s");
        }
    }
}
