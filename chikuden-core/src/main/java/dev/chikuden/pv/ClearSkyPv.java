package dev.chikuden.pv;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;

/**
 * Clear-sky PV output from the sun's position: {@code peakKw * max(0, sin(elevation))}, with the
 * declination of each day (Cooper's formula) and local solar time from the longitude (the equation
 * of time, up to ±16 min, is ignored). No clouds: for weather, give a measured trace instead.
 * The hour angle advances by a fixed rotation each step, so a step costs a few multiplications.
 */
public final class ClearSkyPv implements Profile {
    private final TimeGrid grid;
    private final double peakKw;
    private final double sinLat;
    private final double cosLat;
    private final double longitudeDeg;

    public ClearSkyPv(TimeGrid grid, double peakKw, double latitudeDeg, double longitudeDeg) {
        this.grid = grid;
        this.peakKw = peakKw;
        this.sinLat = Math.sin(Math.toRadians(latitudeDeg));
        this.cosLat = Math.cos(Math.toRadians(latitudeDeg));
        this.longitudeDeg = longitudeDeg;
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        double stepRad = grid.stepMs() / 86_400_000.0 * 2 * Math.PI;
        double cosStep = Math.cos(stepRad);
        double sinStep = Math.sin(stepRad);
        int i = 0;
        while (i < count) {
            long t = grid.epochMsAt(firstStep + i);
            double solarMs = t + longitudeDeg / 15.0 * 3_600_000.0;
            double day = Math.floor(solarMs / 86_400_000.0);
            int dayOfYear = java.time.LocalDate.ofEpochDay((long) day).getDayOfYear();
            double decl = Math.toRadians(23.45) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
            double a = sinLat * Math.sin(decl);
            double b = cosLat * Math.cos(decl);
            double hourAngle = (solarMs / 86_400_000.0 - day) * 2 * Math.PI - Math.PI;
            double c = Math.cos(hourAngle);
            double s = Math.sin(hourAngle);
            // recompute the trig once per solar day (or chunk) to keep rounding from accumulating
            long stepsLeftInDay = (long) Math.ceil(((day + 1) * 86_400_000.0 - solarMs) / grid.stepMs());
            int n = (int) Math.min(count - i, Math.max(1, stepsLeftInDay));
            for (int k = 0; k < n; k++) {
                double sinElevation = a + b * c;
                out[i + k] = sinElevation > 0 ? peakKw * sinElevation : 0;
                double c2 = c * cosStep - s * sinStep;
                s = s * cosStep + c * sinStep;
                c = c2;
            }
            i += n;
        }
    }
}
