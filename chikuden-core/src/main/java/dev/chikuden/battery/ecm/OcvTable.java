package dev.chikuden.battery.ecm;

import java.util.Arrays;

/**
 * Open-circuit voltage of one cell against SOC: piecewise-linear between the points, held at the
 * end values outside them. Immutable; a lookup allocates nothing.
 */
final class OcvTable {
    private final double[] soc;
    private final double[] voltage;

    /**
     * @param soc     SOC points in [0, 1], strictly increasing, at least two
     * @param voltage cell voltages (V) at those points, strictly increasing
     */
    OcvTable(double[] soc, double[] voltage) {
        if (soc == null || voltage == null) {
            throw new IllegalArgumentException("OCV table: the SOC and voltage points are required");
        }
        if (soc.length != voltage.length) {
            throw new IllegalArgumentException(
                    "OCV table: " + soc.length + " SOC points but " + voltage.length + " voltages; they must pair up");
        }
        if (soc.length < 2) {
            throw new IllegalArgumentException("OCV table: needs at least 2 points, got " + soc.length);
        }
        for (int i = 0; i < soc.length; i++) {
            if (!(soc[i] >= 0 && soc[i] <= 1)) {
                throw new IllegalArgumentException("OCV table: soc[" + i + "] = " + soc[i] + " must lie in [0, 1]");
            }
            if (!(voltage[i] > 0 && Double.isFinite(voltage[i]))) {
                throw new IllegalArgumentException(
                        "OCV table: voltage[" + i + "] = " + voltage[i] + " V must be positive and finite");
            }
            if (i > 0 && !(soc[i] > soc[i - 1])) {
                throw new IllegalArgumentException("OCV table: SOC must increase strictly, but soc[" + i + "] = "
                        + soc[i] + " follows soc[" + (i - 1) + "] = " + soc[i - 1]);
            }
            // an OCV that is flat or falls would make SOC ambiguous from voltage and is not physical
            if (i > 0 && !(voltage[i] > voltage[i - 1])) {
                throw new IllegalArgumentException("OCV table: voltage must increase strictly with SOC, but voltage["
                        + i + "] = " + voltage[i] + " V follows voltage[" + (i - 1) + "] = " + voltage[i - 1] + " V");
            }
        }
        this.soc = soc.clone();
        this.voltage = voltage.clone();
    }

    /** Cell OCV (V) at {@code soc}, clamped to the end points outside the table. */
    double voltage(double soc) {
        int last = this.soc.length - 1;
        if (soc <= this.soc[0]) {
            return voltage[0];
        }
        if (soc >= this.soc[last]) {
            return voltage[last];
        }
        if (Double.isNaN(soc)) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(this.soc, soc);
        if (i >= 0) {
            return voltage[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (soc - this.soc[lo]) / (this.soc[hi] - this.soc[lo]);
        return voltage[lo] + w * (voltage[hi] - voltage[lo]);
    }

    /** Mean OCV over SOC 0..1 (V), exact for the piecewise-linear curve including its clamped ends. */
    double meanVoltage() {
        int last = soc.length - 1;
        double integral = voltage[0] * soc[0] + voltage[last] * (1 - soc[last]);
        for (int i = 1; i <= last; i++) {
            integral += 0.5 * (voltage[i] + voltage[i - 1]) * (soc[i] - soc[i - 1]);
        }
        return integral;
    }
}
