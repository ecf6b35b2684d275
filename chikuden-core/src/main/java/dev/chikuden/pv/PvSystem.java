package dev.chikuden.pv;

import dev.chikuden.BadInputException;

/**
 * A fixed-tilt PV system for {@link WeatherPv}.
 *
 * @param dcKw         array rating at STC (1000 W/m², 25 °C cell), kW
 * @param acKw         inverter AC rating, kW; output is clipped here
 * @param tiltDeg      0 = horizontal, 90 = vertical
 * @param azimuthDeg   direction the array faces, clockwise from north: 180 = south, 90 = east
 * @param albedo       ground reflectance, 0..1
 * @param gammaPerC    DC power temperature coefficient, 1/°C (e.g. -0.0037)
 * @param losses       system losses before the inverter (soiling, wiring, mismatch...), 0..1
 * @param latitudeDeg  north positive
 * @param longitudeDeg east positive
 */
public record PvSystem(
        double dcKw,
        double acKw,
        double tiltDeg,
        double azimuthDeg,
        double albedo,
        double gammaPerC,
        double losses,
        double latitudeDeg,
        double longitudeDeg) {
    /** A grass-like ground. */
    public static final double DEFAULT_ALBEDO = 0.2;
    /** PVWatts v8's standard crystalline module. */
    public static final double DEFAULT_GAMMA_PER_C = -0.0037;
    /** PVWatts's default system losses. */
    public static final double DEFAULT_LOSSES = 0.14;

    public PvSystem {
        check("dc_kw", dcKw, Double.MIN_VALUE, Double.MAX_VALUE, "a positive number");
        check("ac_kw", acKw, Double.MIN_VALUE, Double.MAX_VALUE, "a positive number");
        check("tilt", tiltDeg, 0, 90, "0 to 90 degrees");
        check("azimuth", azimuthDeg, 0, 360, "0 to 360 degrees clockwise from north (south = 180)");
        check("albedo", albedo, 0, 1, "0 to 1");
        check("gamma", gammaPerC, -0.02, 0.0, "-0.02 to 0 per °C (e.g. -0.0037)");
        check("losses", losses, 0, 0.99, "0 to 0.99 (a fraction, e.g. 0.14)");
        check("latitude", latitudeDeg, -90, 90, "-90 to 90 degrees");
        check("longitude", longitudeDeg, -180, 180, "-180 to 180 degrees, east positive");
    }

    /** A system with the default albedo, temperature coefficient and losses. */
    public static PvSystem of(
            double dcKw, double acKw, double tiltDeg, double azimuthDeg, double latitudeDeg, double longitudeDeg) {
        return new PvSystem(
                dcKw,
                acKw,
                tiltDeg,
                azimuthDeg,
                DEFAULT_ALBEDO,
                DEFAULT_GAMMA_PER_C,
                DEFAULT_LOSSES,
                latitudeDeg,
                longitudeDeg);
    }

    private static void check(String field, double v, double min, double max, String allowed) {
        if (!(v >= min && v <= max)) {
            throw new BadInputException("pv: " + field + " is " + v + "; allowed: " + allowed);
        }
    }
}
