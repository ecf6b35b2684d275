package dev.chikuden.pv;

import dev.chikuden.time.TimeGrid;
import dev.chikuden.weather.Climate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * PV of a typical year from a built-in climate, for a site without a weather file. The climate's
 * monthly normals become an hourly weather that {@link WeatherPv} turns into power:
 *
 * <ol>
 *   <li>Each hour's clear-sky global horizontal irradiance by Haurwitz (1945), as given by Reno,
 *       Hansen and Stein (2012), SAND2012-2389, and coded so in pvlib:
 *       {@code 1098 cos z exp(-0.059 / cos z)} W/m² for the apparent zenith z,
 *       averaged over the hour at twelve five-minute points with the sun of {@link SolarPosition}.
 *   <li>Every local calendar month scaled by one factor, so that its total is the climate's mean
 *       daily irradiation times the month's days. Every day of a month is the clear-sky day at the
 *       same fraction: the energy of a mean year, not its spread between clear and overcast days.
 *   <li>Air temperature from {@link Climate#temperatureC}, at the middle of each hour.
 *   <li>{@link WeatherPv} as for a weather file with GHI alone: diffuse by Erbs, sky diffuse on the
 *       plane by Perez, cell temperature, losses and the inverter.
 * </ol>
 *
 * <p>The hours run from the start of the local month the study starts in to the end of the one it
 * ends in, so every month is scaled whole. Deterministic: nothing random.
 */
public final class ClimatePv {
    private static final long HOUR_MS = WeatherPv.HOUR_MS;
    private static final int POINTS_PER_HOUR = 12;
    /** Watt-hours in a megajoule. */
    private static final double WH_PER_MJ = 1e6 / 3600;

    private ClimatePv() {}

    /** The typical-year PV of {@code system} under {@code climate}, on the study grid. */
    public static WeatherPv of(TimeGrid grid, Climate climate, PvSystem system) {
        Hours h = hours(grid, climate, system.latitudeDeg(), system.longitudeDeg());
        return WeatherPv.of(
                "the " + climate.name() + " climate",
                grid,
                h.epochMs(),
                h.ghi(),
                null,
                null,
                null,
                h.airTempC(),
                system);
    }

    /**
     * The synthetic hourly weather.
     *
     * @param epochMs  start of each hour, UTC
     * @param ghi      mean global horizontal irradiance over the hour, W/m²
     * @param airTempC air temperature at the middle of the hour, °C
     */
    record Hours(long[] epochMs, double[] ghi, double[] airTempC) {}

    /** Whole local months around the study, each summing to its normal. */
    static Hours hours(TimeGrid grid, Climate climate, double latitudeDeg, double longitudeDeg) {
        ZoneId zone = grid.zone();
        ZonedDateTime first = monthStart(grid.startEpochMs(), zone);
        ZonedDateTime end = monthStart(grid.endEpochMs() - 1, zone).plusMonths(1);
        long fromMs = first.toInstant().toEpochMilli();
        int n = hourIndex(end, fromMs);
        long[] epochMs = new long[n];
        double[] ghi = new double[n];
        double[] air = new double[n];
        double[] sun = new double[3];
        for (ZonedDateTime month = first; month.isBefore(end); month = month.plusMonths(1)) {
            int a = hourIndex(month, fromMs);
            int b = hourIndex(month.plusMonths(1), fromMs);
            double clearWh = 0;
            for (int h = a; h < b; h++) {
                epochMs[h] = fromMs + h * HOUR_MS;
                ghi[h] = clearSkyHourMean(epochMs[h], latitudeDeg, longitudeDeg, sun);
                clearWh += ghi[h];
                air[h] = climate.temperatureC(
                        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs[h] + HOUR_MS / 2), zone));
            }
            double normalWh = climate.dailyGlobalMj(month.getMonth())
                    * month.toLocalDate().lengthOfMonth()
                    * WH_PER_MJ;
            // a month without sun (polar night) has nothing to scale
            double factor = clearWh > 0 ? normalWh / clearWh : 0;
            for (int h = a; h < b; h++) {
                ghi[h] *= factor;
            }
        }
        return new Hours(epochMs, ghi, air);
    }

    /** Haurwitz clear-sky global horizontal irradiance, W/m², for an apparent zenith's cosine. */
    static double haurwitz(double cosZenith) {
        return cosZenith > 0 ? 1098 * cosZenith * Math.exp(-0.059 / cosZenith) : 0;
    }

    private static double clearSkyHourMean(long hourStartMs, double latitudeDeg, double longitudeDeg, double[] sun) {
        long stepMs = HOUR_MS / POINTS_PER_HOUR;
        double sum = 0;
        for (int k = 0; k < POINTS_PER_HOUR; k++) {
            SolarPosition.compute(hourStartMs + k * stepMs + stepMs / 2, latitudeDeg, longitudeDeg, sun);
            sum += haurwitz(Math.cos(Math.toRadians(sun[SolarPosition.ZENITH])));
        }
        return sum / POINTS_PER_HOUR;
    }

    private static ZonedDateTime monthStart(long epochMs, ZoneId zone) {
        return Instant.ofEpochMilli(epochMs)
                .atZone(zone)
                .toLocalDate()
                .withDayOfMonth(1)
                .atStartOfDay(zone);
    }

    private static int hourIndex(ZonedDateTime t, long fromMs) {
        return (int) Math.floorDiv(t.toInstant().toEpochMilli() - fromMs, HOUR_MS);
    }
}
