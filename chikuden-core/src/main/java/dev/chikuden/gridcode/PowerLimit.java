package dev.chikuden.gridcode;

/**
 * A limit on a power (or a power per time): absolute in kW, or a fraction of the peak of the
 * trace being judged (its largest grid power), so one rule set fits sites of any size.
 *
 * @param value  kW when absolute, a fraction (0.05 for 5 %) when relative
 * @param ofPeak true when {@code value} is a fraction of the peak
 */
record PowerLimit(double value, boolean ofPeak) {
    static PowerLimit absolute(double kw) {
        return new PowerLimit(kw, false);
    }

    static PowerLimit fractionOfPeak(double fraction) {
        return new PowerLimit(fraction, true);
    }

    /** The limit in kW for a trace whose peak is {@code peakKw}. */
    double kw(double peakKw) {
        return ofPeak ? value * peakKw : value;
    }
}
