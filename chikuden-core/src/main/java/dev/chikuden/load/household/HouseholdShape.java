package dev.chikuden.load.household;

import dev.chikuden.config.ConfigFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A household's electricity by month, day type and local hour, shipped as data: the household
 * without water heating ({@code base}) and a heat-pump water heater ({@code ecoCute}), each as the
 * mean kWh drawn in every local hour over the weekdays or the holidays of a month, with the source's
 * own monthly energy and calendar so the table can be checked against it.
 *
 * @param sourceWeekdays weekdays of each month in the source's calendar
 * @param sourceHolidays holidays (Saturdays, Sundays, national holidays) of each month in it
 */
public record HouseholdShape(String name, Part base, Part ecoCute, int[] sourceWeekdays, int[] sourceHolidays) {
    /** The shapes shipped as data, by preset name. */
    public static final List<String> PRESETS = List.of("japan-region-6-4-person");

    /**
     * One part of the household.
     *
     * @param weekday          12 months x 24 local hours, mean kWh in the hour on a weekday
     * @param holiday          the same on a holiday
     * @param sourceMonthlyKwh the source's energy of each month
     */
    public record Part(double[][] weekday, double[][] holiday, double[] sourceMonthlyKwh) {
        /** kWh drawn in local hour {@code hour} of a day of {@code month} (1-12). */
        public double kwh(int month, boolean holiday, int hour) {
            return (holiday ? this.holiday : weekday)[month - 1][hour];
        }

        /** kWh of a whole day of {@code month} (1-12). */
        public double dailyKwh(int month, boolean holiday) {
            double sum = 0;
            for (double v : (holiday ? this.holiday : weekday)[month - 1]) {
                sum += v;
            }
            return sum;
        }
    }

    /** A shipped shape ({@link #PRESETS}). */
    public static HouseholdShape named(String preset) {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("no household preset \"" + preset + "\"; shipped: " + PRESETS);
        }
        try (InputStream in = HouseholdShape.class.getResourceAsStream(preset + ".yaml")) {
            ConfigFile f = ConfigFile.read(
                    Path.of("(built-in) " + preset + ".yaml"),
                    new InputStreamReader(in, StandardCharsets.UTF_8),
                    "a household shape");
            HouseholdShape shape = f.root().bind(HouseholdShape.class);
            f.throwIfAny();
            checkTable(shape.base().weekday(), preset + ": base weekday");
            checkTable(shape.base().holiday(), preset + ": base holiday");
            checkTable(shape.ecoCute().weekday(), preset + ": ecoCute weekday");
            checkTable(shape.ecoCute().holiday(), preset + ": ecoCute holiday");
            return shape;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 12 rows of 24 non-negative values; the shipped file is checked by the tests, this guards edits. */
    private static void checkTable(double[][] t, String where) {
        if (t == null || t.length != 12) {
            throw new IllegalStateException(where + ": need 12 months");
        }
        for (int m = 0; m < 12; m++) {
            if (t[m].length != 24) {
                throw new IllegalStateException(where + " month " + (m + 1) + ": " + t[m].length + " hours, need 24");
            }
            for (double v : t[m]) {
                if (!(v >= 0)) {
                    throw new IllegalStateException(where + " month " + (m + 1) + ": " + v + " kWh is negative");
                }
            }
        }
    }
}
