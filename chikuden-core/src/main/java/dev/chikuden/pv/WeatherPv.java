package dev.chikuden.pv;

import dev.chikuden.BadInputException;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;

/**
 * PV output from hourly weather, PVWatts v5 style (Dobos 2014, NREL/TP-6A20-62641):
 *
 * <ol>
 *   <li>Each sample is the mean over the hour that starts at its timestamp (a file stamped at the
 *       hour's end is shifted by the caller). The sun is placed at the middle of the hour, or at the
 *       middle of its sunlit part in the hours of sunrise and sunset, by {@link SolarPosition}.
 *   <li>Plane-of-array irradiance: given directly, or transposed from GHI with DNI and/or DHI; from
 *       GHI alone, DHI by Erbs (1982). Beam by the angle of incidence, sky diffuse by Perez (1990),
 *       ground reflected isotropic with the albedo ({@link Irradiance}).
 *   <li>Beam reflection loss by the ASHRAE incidence modifier, b0 = 0.05 (not applied to a given
 *       plane-of-array irradiance, whose beam share is unknown).
 *   <li>Cell temperature by Sandia's model (King et al. 2004, SAND2004-3535, open rack,
 *       glass/polymer: a = -3.56, b = -0.075, ΔT = 3 °C) at a fixed wind of 1 m/s.
 *   <li>DC = dcKw · E/1000 · (1 + γ (Tcell - 25)) · (1 - losses); AC by the PVWatts inverter curve
 *       (nominal efficiency 96 %, reference 96.37 %), clipped at acKw.
 * </ol>
 *
 * <p>The hourly AC power is computed once; a study step receives the time-weighted mean of the hours
 * it overlaps, so a step inside one hour holds that hour's value and energy is conserved.
 */
public final class WeatherPv implements Profile {
    static final long HOUR_MS = 3_600_000L;
    /** Irradiance below zero by up to this much (sensor offsets at night) is read as zero. */
    static final double NEGATIVE_TOLERANCE_WM2 = 5.0;

    private static final double IAM_B0 = 0.05;
    private static final double SAPM_A = -3.56;
    private static final double SAPM_B = -0.075;
    private static final double SAPM_DELTA_T = 3.0;
    private static final double WIND_MS = 1.0;
    private static final double INVERTER_NOMINAL = 0.96;
    private static final double INVERTER_REFERENCE = 0.9637;
    private static final double COS_87 = Math.cos(Math.toRadians(87));

    private final TimeGrid grid;
    private final long firstHourMs;
    private final double[] acKw;
    private final double[] poaWm2;

    private WeatherPv(TimeGrid grid, long firstHourMs, double[] acKw, double[] poaWm2) {
        this.grid = grid;
        this.firstHourMs = firstHourMs;
        this.acKw = acKw;
        this.poaWm2 = poaWm2;
    }

    /**
     * PV AC power on the study grid from hourly weather.
     *
     * @param source   what to name in errors (the weather file)
     * @param epochMs  start of each hourly sample, UTC, consecutive hours; must cover the study
     * @param ghi      global horizontal, W/m²; may be null only when {@code poa} is given
     * @param dni      direct normal, W/m², or null
     * @param dhi      diffuse horizontal, W/m², or null (then from GHI and DNI, or by Erbs from GHI)
     * @param poa      plane-of-array global, W/m², or null; when given, the transposition is skipped
     * @param airTempC air temperature, °C
     * @throws BadInputException naming the sample, its time, the field and the allowed range
     */
    public static WeatherPv of(
            String source,
            TimeGrid grid,
            long[] epochMs,
            double[] ghi,
            double[] dni,
            double[] dhi,
            double[] poa,
            double[] airTempC,
            PvSystem system) {
        int n = epochMs.length;
        if (n == 0) {
            throw new BadInputException(source + ": the weather has no samples");
        }
        if (poa == null && ghi == null) {
            throw new BadInputException(
                    source + ": the weather needs ghi (with dni and/or dhi if available) or poa for PV");
        }
        checkLength(source, "ghi", ghi, n);
        checkLength(source, "dni", dni, n);
        checkLength(source, "dhi", dhi, n);
        checkLength(source, "poa", poa, n);
        if (airTempC == null) {
            throw new BadInputException(source + ": the weather needs an air temperature column for PV");
        }
        checkLength(source, "air temperature", airTempC, n);
        for (int i = 1; i < n; i++) {
            if (epochMs[i] - epochMs[i - 1] != HOUR_MS) {
                throw new BadInputException(source + ": sample " + i + " at " + Instant.ofEpochMilli(epochMs[i])
                        + " follows " + Instant.ofEpochMilli(epochMs[i - 1]) + "; the weather must be hourly,"
                        + " one sample per hour without gaps");
            }
        }
        long endMs = epochMs[0] + n * HOUR_MS;
        if (grid.startEpochMs() < epochMs[0] || grid.endEpochMs() > endMs) {
            throw new BadInputException(source + ": the weather covers " + Instant.ofEpochMilli(epochMs[0]) + " to "
                    + Instant.ofEpochMilli(endMs) + ", the study runs " + grid.start() + " to "
                    + Instant.ofEpochMilli(grid.endEpochMs()) + "; supply weather for the whole study");
        }
        double[] ac = new double[n];
        double[] poaOut = new double[n];
        new Hourly(source, epochMs, ghi, dni, dhi, poa, airTempC, system).run(ac, poaOut);
        return new WeatherPv(grid, epochMs[0], ac, poaOut);
    }

    /** Plane-of-array global irradiance of each weather hour, W/m² (before the incidence loss). */
    double[] poaWm2() {
        return poaWm2.clone();
    }

    /** AC power of each weather hour, kW. */
    double[] hourlyAcKw() {
        return acKw.clone();
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        long stepMs = grid.stepMs();
        for (int k = 0; k < count; k++) {
            long from = grid.epochMsAt(firstStep + k) - firstHourMs;
            long to = from + stepMs;
            int h = (int) (from / HOUR_MS);
            if (to <= (h + 1) * HOUR_MS) {
                out[k] = acKw[h];
                continue;
            }
            double sum = 0;
            for (long a = from; a < to; h++) {
                long b = Math.min(to, (h + 1) * HOUR_MS);
                sum += acKw[h] * (b - a);
                a = b;
            }
            out[k] = sum / stepMs;
        }
    }

    private static void checkLength(String source, String field, double[] values, int n) {
        if (values != null && values.length != n) {
            throw new BadInputException(source + ": " + field + " has " + values.length + " values for " + n
                    + " timestamps; every column needs one value per hour");
        }
    }

    /** The per-hour physics, with the validation that needs the sun. */
    private record Hourly(
            String source,
            long[] epochMs,
            double[] ghi,
            double[] dni,
            double[] dhi,
            double[] poa,
            double[] airTempC,
            PvSystem s) {

        void run(double[] ac, double[] poaOut) {
            double tilt = Math.toRadians(s.tiltDeg());
            double planeAzimuth = Math.toRadians(s.azimuthDeg());
            double groundView = s.albedo() * (1 - Math.cos(tilt)) / 2;
            double inverterDcKw = s.acKw() / INVERTER_NOMINAL;
            double[] sun = new double[3];
            for (int i = 0; i < epochMs.length; i++) {
                placeSun(epochMs[i], sun);
                double zenith = sun[SolarPosition.ZENITH];
                double e0 = sun[SolarPosition.EXTRATERRESTRIAL];
                double tAir = airTempC[i];
                if (!(tAir >= -90 && tAir <= 70)) {
                    throw bad(i, "air temperature", tAir, "°C", "-90 to 70 °C");
                }
                double global;
                double effective;
                if (poa != null) {
                    global = irradiance(i, "poa", poa[i], 1.2 * e0);
                    effective = global;
                } else {
                    double g = irradiance(i, "ghi", ghi[i], e0);
                    double dn = dni == null ? Double.NaN : irradiance(i, "dni", dni[i], e0);
                    double dh = dhi == null ? Double.NaN : irradiance(i, "dhi", dhi[i], e0);
                    double cosZ = Math.cos(Math.toRadians(zenith));
                    if (cosZ <= 0) {
                        dn = 0; // sun down the whole hour: what light there is, is diffuse
                        dh = g;
                    } else if (dhi == null && dni == null) {
                        double kt = Math.min(1, g / (e0 * Math.max(cosZ, COS_87)));
                        dh = g * Irradiance.erbsDiffuseFraction(kt);
                    } else if (dhi == null) {
                        dh = Math.max(0, g - dn * cosZ);
                    }
                    if (Double.isNaN(dn)) {
                        dn = Math.min(e0, Math.max(0, g - dh) / Math.max(cosZ, COS_87));
                    }
                    double cosInc = Irradiance.cosIncidence(zenith, sun[SolarPosition.AZIMUTH], tilt, planeAzimuth);
                    double beam = cosZ > 0 ? dn * Math.max(0, cosInc) : 0;
                    double sky = Irradiance.perezSkyDiffuse(dh, dn, e0, zenith, cosInc, tilt);
                    double ground = g * groundView;
                    global = beam + sky + ground;
                    effective = beam * ashraeIam(cosInc) + sky + ground;
                }
                poaOut[i] = global;
                double tModule = global * Math.exp(SAPM_A + SAPM_B * WIND_MS) + tAir;
                double tCell = tModule + global / 1000 * SAPM_DELTA_T;
                double dc = Math.max(
                        0, s.dcKw() * effective / 1000 * (1 + s.gammaPerC() * (tCell - 25)) * (1 - s.losses()));
                ac[i] = inverter(dc, inverterDcKw, s.acKw());
            }
        }

        /** The sun at the middle of the hour, or of its sunlit part when the sun rises or sets in it. */
        private void placeSun(long start, double[] sun) {
            double lat = s.latitudeDeg();
            double lon = s.longitudeDeg();
            SolarPosition.compute(start, lat, lon, sun);
            double c0 = Math.cos(Math.toRadians(sun[SolarPosition.ZENITH]));
            SolarPosition.compute(start + HOUR_MS, lat, lon, sun);
            double c1 = Math.cos(Math.toRadians(sun[SolarPosition.ZENITH]));
            long t = start + HOUR_MS / 2;
            if (c0 < 0 && c1 >= 0) {
                t = start + HOUR_MS - (long) (HOUR_MS / 2.0 * c1 / (c1 - c0));
            } else if (c1 < 0 && c0 >= 0) {
                t = start + (long) (HOUR_MS / 2.0 * c0 / (c0 - c1));
            }
            SolarPosition.compute(t, lat, lon, sun);
        }

        private double irradiance(int i, String field, double v, double max) {
            if (!(v >= -NEGATIVE_TOLERANCE_WM2)) {
                throw bad(i, field, v, "W/m²", "0 W/m² or more (down to -" + NEGATIVE_TOLERANCE_WM2 + " is read as 0)");
            }
            if (v > max) {
                throw bad(
                        i,
                        field,
                        v,
                        "W/m²",
                        "at most " + Math.round(max)
                                + " W/m², the extraterrestrial irradiance at that hour; is the column in W/m²"
                                + " (not Wh/m² summed over a longer period or kJ/m²)?");
            }
            return Math.max(0, v);
        }

        private BadInputException bad(int i, String field, double v, String unit, String allowed) {
            return new BadInputException(source + ": " + field + " of the hour starting "
                    + Instant.ofEpochMilli(epochMs[i]) + " (sample " + i + ") is " + v + " " + unit + "; allowed: "
                    + allowed);
        }
    }

    /** ASHRAE incidence angle modifier, 1 - b0 (1/cos θ - 1), floored at 0. */
    static double ashraeIam(double cosIncidence) {
        if (cosIncidence <= 0) {
            return 0;
        }
        return Math.max(0, 1 - IAM_B0 * (1 / cosIncidence - 1));
    }

    /** PVWatts inverter: efficiency by the part-load curve of Dobos (2014), output clipped at the AC rating. */
    static double inverter(double dcKw, double inverterDcKw, double acRatingKw) {
        if (dcKw <= 0) {
            return 0;
        }
        double zeta = dcKw / inverterDcKw;
        double eta = INVERTER_NOMINAL / INVERTER_REFERENCE * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
        return Math.max(0, Math.min(acRatingKw, eta * dcKw));
    }
}
