package dev.chikuden.resilience;

/**
 * A year of battery state and site conditions, from a dispatch or a simulation, on which grid
 * outages are tried. Series share one fixed step; period t starts at t x {@code periodHours}.
 * Validated fail-fast: a short series or a NaN would otherwise give a plausible survival figure.
 *
 * @param periodHours         length of one period, e.g. 0.5
 * @param storedKwhAtStart    energy stored at the start of each period, 0..maxStoredKwh; below
 *                            minStoredKwh it counts as nothing usable (a reserve floor above the
 *                            dispatch's own floor, say)
 * @param minStoredKwh        energy at the SOC minimum, never usable
 * @param maxStoredKwh        energy at the SOC maximum, the ceiling for PV recharging
 * @param criticalLoadKw      load that must be served during an outage, at least 0
 * @param pvKw                PV output, at least 0 (all zeros without PV)
 * @param dischargePowerKw    the most the battery can deliver (AC)
 * @param chargePowerKw       the most it can take from surplus PV (AC)
 * @param dischargeEfficiency stored energy to AC, one way, in (0, 1]
 * @param chargeEfficiency    AC to stored energy, one way, in (0, 1]
 * @param maxOutageHours      the longest outage tried, e.g. 48; survival is capped there
 */
public record OutageInputs(
        double periodHours,
        double[] storedKwhAtStart,
        double minStoredKwh,
        double maxStoredKwh,
        double[] criticalLoadKw,
        double[] pvKw,
        double dischargePowerKw,
        double chargePowerKw,
        double dischargeEfficiency,
        double chargeEfficiency,
        double maxOutageHours) {
    /** Stored energy may exceed maxStoredKwh by this share (rounding in the dispatch that made it). */
    static final double ROUNDING = 1e-9;

    public OutageInputs {
        positive("periodHours", periodHours);
        positive("maxOutageHours", maxOutageHours);
        nonNegative("minStoredKwh", minStoredKwh);
        nonNegative("maxStoredKwh", maxStoredKwh);
        if (maxStoredKwh < minStoredKwh) {
            throw new IllegalArgumentException(
                    "maxStoredKwh " + maxStoredKwh + " is below minStoredKwh " + minStoredKwh);
        }
        nonNegative("dischargePowerKw", dischargePowerKw);
        nonNegative("chargePowerKw", chargePowerKw);
        efficiency("dischargeEfficiency", dischargeEfficiency);
        efficiency("chargeEfficiency", chargeEfficiency);
        if (storedKwhAtStart == null || storedKwhAtStart.length == 0) {
            throw new IllegalArgumentException("storedKwhAtStart is missing or empty; expected one value a period");
        }
        int periods = storedKwhAtStart.length;
        storedKwhAtStart = series("storedKwhAtStart", storedKwhAtStart, periods, maxStoredKwh);
        criticalLoadKw = series("criticalLoadKw", criticalLoadKw, periods, Double.NaN);
        pvKw = series("pvKw", pvKw, periods, Double.NaN);
    }

    /** Number of periods in the series, each a possible outage start. */
    public int periods() {
        return storedKwhAtStart.length;
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " " + value + " must be a finite number above 0");
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " " + value + " must be a finite number of at least 0");
        }
    }

    private static void efficiency(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " " + value + " must be in (0, 1]");
        }
    }

    /**
     * A defensive copy, so that the series cannot change after it was checked. Values must be
     * finite, at least 0 and, unless {@code max} is NaN, at most max (give or take the rounding).
     */
    private static double[] series(String field, double[] values, int periods, double max) {
        if (values == null) {
            throw new IllegalArgumentException(
                    field + " is missing (null); expected " + periods + " values, one a period");
        }
        if (values.length != periods) {
            throw new IllegalArgumentException(
                    field + " has " + values.length + " values; expected " + periods + ", as many as storedKwhAtStart");
        }
        boolean capped = !Double.isNaN(max);
        double ceiling = capped ? max * (1 + ROUNDING) + ROUNDING : Double.POSITIVE_INFINITY;
        for (int t = 0; t < periods; t++) {
            double v = values[t];
            if (!Double.isFinite(v) || v < 0 || v > ceiling) {
                throw new IllegalArgumentException(field + " of period " + t + " is " + v
                        + "; expected a finite number from 0" + (capped ? " to maxStoredKwh " + max : ""));
            }
        }
        return values.clone();
    }
}
