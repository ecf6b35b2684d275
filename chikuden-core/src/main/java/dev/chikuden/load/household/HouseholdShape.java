package dev.chikuden.load.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

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
            Map<String, Object> m = new Yaml(new LoaderOptions()).load(in);
            @SuppressWarnings("unchecked")
            Map<String, List<Number>> days = (Map<String, List<Number>>) m.get("sourceDays");
            return new HouseholdShape(
                    (String) m.get("name"),
                    part(m.get("base"), preset + ": base"),
                    part(m.get("ecoCute"), preset + ": ecoCute"),
                    months(days.get("weekday")),
                    months(days.get("holiday")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Part part(Object node, String where) {
        Map<String, Object> m = (Map<String, Object>) node;
        double[] monthly = ((List<Number>) m.get("sourceMonthlyKwh"))
                .stream().mapToDouble(Number::doubleValue).toArray();
        return new Part(
                table((List<List<Number>>) m.get("weekday"), where + " weekday"),
                table((List<List<Number>>) m.get("holiday"), where + " holiday"),
                monthly);
    }

    /** 12 rows of 24 non-negative values; the shipped file is checked by the tests, this guards edits. */
    private static double[][] table(List<List<Number>> rows, String where) {
        if (rows.size() != 12) {
            throw new IllegalStateException(where + ": " + rows.size() + " months, need 12");
        }
        double[][] t = new double[12][];
        for (int m = 0; m < 12; m++) {
            t[m] = rows.get(m).stream().mapToDouble(Number::doubleValue).toArray();
            if (t[m].length != 24) {
                throw new IllegalStateException(where + " month " + (m + 1) + ": " + t[m].length + " hours, need 24");
            }
            for (double v : t[m]) {
                if (!(v >= 0)) {
                    throw new IllegalStateException(where + " month " + (m + 1) + ": " + v + " kWh is negative");
                }
            }
        }
        return t;
    }

    private static int[] months(List<Number> values) {
        return values.stream().mapToInt(Number::intValue).toArray();
    }
}
