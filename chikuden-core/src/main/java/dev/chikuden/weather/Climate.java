package dev.chikuden.weather;

import dev.chikuden.BadInputException;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A typical-year air temperature from monthly mean daily maxima and minima: the daily mean and the
 * daily range are interpolated between mid-months, and the day follows a cosine with its minimum
 * at 05:00 and its maximum at 14:00 local time (a usual diurnal shape). It also carries each month's
 * mean daily global horizontal irradiation, from which a typical-year PV is drawn. Deterministic, no
 * weather: for a measured year, give an hourly CSV instead. Built-in climates ship as data files.
 */
public final class Climate {
    private final String name;
    private final double[] dailyMax;
    private final double[] dailyMin;
    private final double[] dailyGlobalMj;

    /**
     * @param dailyGlobalMj each month's mean daily global horizontal irradiation, MJ/m²
     */
    public Climate(String name, double[] dailyMax, double[] dailyMin, double[] dailyGlobalMj) {
        if (dailyMax.length != 12 || dailyMin.length != 12 || dailyGlobalMj.length != 12) {
            throw new IllegalArgumentException("need 12 monthly values of each");
        }
        this.name = name;
        this.dailyMax = dailyMax.clone();
        this.dailyMin = dailyMin.clone();
        this.dailyGlobalMj = dailyGlobalMj.clone();
    }

    /** The built-in climates, by name. */
    public static List<String> builtIn() {
        return List.of("osaka");
    }

    /** Loads a built-in climate ({@link #builtIn()}). */
    @SuppressWarnings("unchecked")
    public static Climate named(String id) {
        if (!builtIn().contains(id)) {
            throw new BadInputException(
                    "climate \"" + id + "\" is not built in; allowed: " + String.join(", ", builtIn()));
        }
        try (InputStream in = Climate.class.getResourceAsStream(id + ".yaml")) {
            Map<String, Object> m = new Yaml(new LoaderOptions()).load(in);
            return new Climate(
                    (String) m.get("name"),
                    numbers((List<Number>) m.get("dailyMax")),
                    numbers((List<Number>) m.get("dailyMin")),
                    numbers((List<Number>) m.get("dailyGlobal")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** The month's mean daily global horizontal irradiation, MJ/m². */
    public double dailyGlobalMj(Month month) {
        return dailyGlobalMj[month.ordinal()];
    }

    /** Air temperature at a local date-time. */
    public double temperatureC(LocalDateTime local) {
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        return temperatureC(local.getDayOfYear(), hour);
    }

    /** Air temperature on local day {@code dayOfYear} (1-based) at local {@code hour} (0..24). */
    double temperatureC(int dayOfYear, double hour) {
        double month = (dayOfYear - 1 + hour / 24.0) / 365.0 * 12 - 0.5; // 0 = mid-January
        int m0 = (int) Math.floor(month);
        double f = month - m0;
        int a = Math.floorMod(m0, 12);
        int b = Math.floorMod(m0 + 1, 12);
        double max = dailyMax[a] * (1 - f) + dailyMax[b] * f;
        double min = dailyMin[a] * (1 - f) + dailyMin[b] * f;
        return (max + min) / 2 + (max - min) / 2 * diurnal(hour);
    }

    /** -1 at 05:00, +1 at 14:00: a cosine rising over 9 h and falling over 15 h. */
    static double diurnal(double hour) {
        if (hour >= 5 && hour <= 14) {
            return -Math.cos(Math.PI * (hour - 5) / 9);
        }
        double since14 = hour >= 14 ? hour - 14 : hour + 10;
        return Math.cos(Math.PI * since14 / 15);
    }

    /**
     * This climate on a study's grid; evaluated once a minute and held, since air temperature moves
     * slowly. Local time comes from epoch arithmetic with the zone offset looked up once a local day,
     * so filling allocates nothing per step or per minute.
     */
    public Profile on(TimeGrid grid) {
        ZoneRules rules = grid.zone().getRules();
        return (firstStep, out, count) -> {
            long lastMinute = Long.MIN_VALUE;
            long dayEndMs = Long.MIN_VALUE;
            long offsetMs = 0;
            int dayOfYear = 1;
            long localDayStartMs = 0;
            double value = 0;
            for (int i = 0; i < count; i++) {
                long t = grid.epochMsAt(firstStep + i);
                long minute = Math.floorDiv(t, 60_000L);
                if (minute != lastMinute) {
                    if (t >= dayEndMs) {
                        offsetMs = rules.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds() * 1000L;
                        long localDay = Math.floorDiv(t + offsetMs, 86_400_000L);
                        localDayStartMs = localDay * 86_400_000L;
                        dayEndMs = localDayStartMs + 86_400_000L - offsetMs;
                        dayOfYear = LocalDate.ofEpochDay(localDay).getDayOfYear();
                    }
                    double hour = (minute * 60_000L + offsetMs - localDayStartMs) / 3_600_000.0;
                    value = temperatureC(dayOfYear, hour);
                    lastMinute = minute;
                }
                out[i] = value;
            }
        };
    }

    private static double[] numbers(List<Number> list) {
        return list.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
