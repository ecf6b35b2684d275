package dev.chikuden.pv;

/**
 * Horizontal irradiance to the plane of the array. Decomposition of global into diffuse by Erbs,
 * Klein and Duffie (1982), Solar Energy 28(4) 293-302, eq. 1; transposition of the sky diffuse by
 * Perez, Ineichen, Seals, Michalsky and Stewart (1990), Solar Energy 44(5) 271-289, with the
 * all-sites composite coefficients of its table 6 and the Kasten-Young (1989) air mass; ground
 * reflection isotropic with the albedo.
 */
final class Irradiance {
    /** Perez 1990 table 6 rows by sky clearness bin: f11, f12, f13, f21, f22, f23. */
    private static final double[][] PEREZ = {
        {-0.0080, 0.5880, -0.0620, -0.0600, 0.0720, -0.0220},
        {0.1300, 0.6830, -0.1510, -0.0190, 0.0660, -0.0290},
        {0.3300, 0.4870, -0.2210, 0.0550, -0.0640, -0.0260},
        {0.5680, 0.1870, -0.2950, 0.1090, -0.1520, -0.0140},
        {0.8730, -0.3920, -0.3620, 0.2260, -0.4620, 0.0010},
        {1.1320, -1.2370, -0.4120, 0.2880, -0.8230, 0.0560},
        {1.0600, -1.6000, -0.3590, 0.2640, -1.1270, 0.1310},
        {0.6780, -0.3270, -0.2500, 0.1560, -1.3770, 0.2510}
    };
    /** Lower bounds of clearness bins 2..8 (bin 1 is everything below 1.065). */
    private static final double[] CLEARNESS_EDGES = {1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2};

    private static final double COS_85 = Math.cos(Math.toRadians(85));

    private Irradiance() {}

    /**
     * Erbs et al. (1982): the diffuse fraction of global horizontal irradiance from the clearness
     * index {@code kt = ghi / (extraterrestrial normal * cos zenith)}.
     */
    static double erbsDiffuseFraction(double kt) {
        if (kt <= 0.22) {
            return 1 - 0.09 * kt;
        }
        if (kt <= 0.80) {
            return 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)));
        }
        return 0.165;
    }

    /** Kasten and Young (1989) relative air mass for an apparent zenith in degrees. */
    static double airMass(double zenithDeg) {
        double elevation = Math.max(0, 90 - zenithDeg);
        return 1
                / (Math.cos(Math.toRadians(Math.min(zenithDeg, 90)))
                        + 0.50572 * Math.pow(elevation + 6.07995, -1.6364));
    }

    /**
     * Perez (1990) sky diffuse on the tilted plane, W/m².
     *
     * @param cosIncidence cosine of the beam's angle of incidence on the plane (may be negative)
     */
    static double perezSkyDiffuse(
            double dhi, double dni, double extraterrestrial, double zenithDeg, double cosIncidence, double tiltRad) {
        if (dhi <= 0) {
            return 0;
        }
        double z = Math.toRadians(Math.min(zenithDeg, 90));
        double kz3 = 1.041 * z * z * z;
        double clearness = ((dhi + dni) / dhi + kz3) / (1 + kz3);
        double brightness = dhi * airMass(zenithDeg) / extraterrestrial;
        int bin = 0;
        while (bin < CLEARNESS_EDGES.length && clearness >= CLEARNESS_EDGES[bin]) {
            bin++;
        }
        double[] f = PEREZ[bin];
        double f1 = Math.max(0, f[0] + f[1] * brightness + f[2] * z);
        double f2 = f[3] + f[4] * brightness + f[5] * z;
        double a = Math.max(0, cosIncidence);
        double b = Math.max(COS_85, Math.cos(z));
        double sky = dhi * ((1 - f1) * (1 + Math.cos(tiltRad)) / 2 + f1 * a / b + f2 * Math.sin(tiltRad));
        return Math.max(0, sky);
    }

    /** Cosine of the angle of incidence on a plane of the given tilt and azimuth (clockwise from north). */
    static double cosIncidence(double zenithDeg, double azimuthDeg, double tiltRad, double planeAzimuthRad) {
        double z = Math.toRadians(zenithDeg);
        return Math.cos(z) * Math.cos(tiltRad)
                + Math.sin(z) * Math.sin(tiltRad) * Math.cos(Math.toRadians(azimuthDeg) - planeAzimuthRad);
    }
}
