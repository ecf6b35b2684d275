package dev.chikuden.tariff;

/**
 * An energy rate that applies to the slots it matches: a season, a kind of day and local hours
 * {@code [fromHour, toHour)} (wrapping past midnight when {@code toHour <= fromHour}; 0-24 is all day).
 *
 * @param name a lowerCamelCase name, used in line-item keys ({@code energyChargePeakYen})
 */
public record EnergyBand(String name, Season season, Days days, int fromHour, int toHour, double yenPerKwh) {
    public enum Season {
        ALL,
        SUMMER,
        OTHER
    }

    /** Holidays are the tariff's rest days (Saturday, Sunday) and listed dates. */
    public enum Days {
        ALL,
        WEEKDAYS,
        HOLIDAYS
    }

    boolean matches(boolean summer, boolean holiday, int hour) {
        if ((season == Season.SUMMER && !summer) || (season == Season.OTHER && summer)) {
            return false;
        }
        if ((days == Days.WEEKDAYS && holiday) || (days == Days.HOLIDAYS && !holiday)) {
            return false;
        }
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }
}
