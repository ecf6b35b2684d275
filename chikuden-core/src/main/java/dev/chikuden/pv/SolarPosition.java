package dev.chikuden.pv;

/**
 * The sun's position by the NOAA Solar Calculator equations (Meeus, Astronomical Algorithms, 1991,
 * as coded by NOAA's Global Monitoring Laboratory): apparent longitude of the sun, obliquity with
 * the nutation term, the equation of time, and the standard-atmosphere refraction of the NOAA
 * spreadsheet. Within about 0.01° of NREL's SPA for 1901-2099 (the test holds it to SPA's published
 * example); ample for PV, where an hourly mean irradiance carries far larger errors.
 */
final class SolarPosition {
    /** Total solar irradiance at 1 au, W/m² (Kopp and Lean 2011). */
    static final double SOLAR_CONSTANT = 1361.0;

    static final int ZENITH = 0;
    static final int AZIMUTH = 1;
    static final int EXTRATERRESTRIAL = 2;

    private SolarPosition() {}

    /**
     * Writes into {@code out}: the apparent (refracted) zenith in degrees, the azimuth in degrees
     * clockwise from north, and the extraterrestrial normal irradiance in W/m².
     */
    static void compute(long epochMs, double latitudeDeg, double longitudeDeg, double[] out) {
        double jd = epochMs / 86_400_000.0 + 2_440_587.5;
        double t = (jd - 2_451_545.0) / 36_525.0;
        double l0 = mod360(280.46646 + t * (36_000.76983 + t * 0.0003032));
        double m = Math.toRadians(357.52911 + t * (35_999.05029 - 0.0001537 * t));
        double e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        double c = Math.sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t))
                + Math.sin(2 * m) * (0.019993 - 0.000101 * t)
                + Math.sin(3 * m) * 0.000289;
        double trueAnomaly = m + Math.toRadians(c);
        double radius = 1.000001018 * (1 - e * e) / (1 + e * Math.cos(trueAnomaly));
        double omega = Math.toRadians(125.04 - 1934.136 * t);
        double apparentLongitude = Math.toRadians(l0 + c - 0.00569 - 0.00478 * Math.sin(omega));
        double meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        double obliquity = Math.toRadians(meanObliquity + 0.00256 * Math.cos(omega));
        double declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLongitude));
        double y = Math.tan(obliquity / 2) * Math.tan(obliquity / 2);
        double l0r = Math.toRadians(l0);
        double equationOfTimeMin = 4
                * Math.toDegrees(y * Math.sin(2 * l0r)
                        - 2 * e * Math.sin(m)
                        + 4 * e * y * Math.sin(m) * Math.cos(2 * l0r)
                        - 0.5 * y * y * Math.sin(4 * l0r)
                        - 1.25 * e * e * Math.sin(2 * m));
        double utcMinutes = Math.floorMod(epochMs, 86_400_000L) / 60_000.0;
        double trueSolarMinutes = utcMinutes + equationOfTimeMin + 4 * longitudeDeg;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double lat = Math.toRadians(latitudeDeg);
        double cosZenith =
                Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
        double zenith = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
        double azimuth = Math.toDegrees(Math.atan2(
                        Math.sin(hourAngle),
                        Math.cos(hourAngle) * Math.sin(lat) - Math.tan(declination) * Math.cos(lat)))
                + 180;
        out[ZENITH] = zenith - refractionDeg(90 - zenith);
        out[AZIMUTH] = mod360(azimuth);
        out[EXTRATERRESTRIAL] = SOLAR_CONSTANT / (radius * radius);
    }

    /** Atmospheric refraction for a standard atmosphere, by the NOAA spreadsheet's piecewise fit. */
    private static double refractionDeg(double elevationDeg) {
        double arcsec;
        if (elevationDeg > 85) {
            return 0;
        } else if (elevationDeg > 5) {
            double te = Math.tan(Math.toRadians(elevationDeg));
            arcsec = 58.1 / te - 0.07 / (te * te * te) + 0.000086 / Math.pow(te, 5);
        } else if (elevationDeg > -0.575) {
            double h = elevationDeg;
            arcsec = 1735 + h * (-518.2 + h * (103.4 + h * (-12.79 + h * 0.711)));
        } else {
            arcsec = -20.772 / Math.tan(Math.toRadians(elevationDeg));
        }
        return arcsec / 3600;
    }

    private static double mod360(double deg) {
        double r = deg % 360;
        return r < 0 ? r + 360 : r;
    }
}
