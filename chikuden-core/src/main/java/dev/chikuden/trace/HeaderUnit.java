package dev.chikuden.trace;

import java.util.Locale;

/**
 * The power unit a CSV column header names, so that a trace needs no separate unit key.
 * Recognised: a unit in brackets or parentheses ({@code power [kW]}, {@code Power (MW)},
 * {@code power.draw [W]}), a word of a snake_case or spaced name ({@code power_kw},
 * {@code load_mw}, {@code kw}, {@code MW}, {@code GW}), a camelCase suffix ({@code powerKw},
 * {@code loadMW}, {@code campusGW}) and the spelled-out words (watts, kilowatts, megawatts,
 * gigawatts). Case does not matter, with one
 * exception: {@code mW} written exactly so means milliwatts and is refused. A lower-case
 * {@code mw} is read as MW, because snake_case lower-cases every name and no site logs its power
 * in milliwatts. Energy units ({@code kWh}, {@code 使用電力量(kWh)}, {@code energy_kwh},
 * {@code energyKWh}) are read by {@link #energyOf}; to {@link #of} they name nothing.
 */
public final class HeaderUnit {
    private HeaderUnit() {}

    /**
     * "W", "kW", "MW" or "GW", or null when {@code header} names no unit.
     *
     * @throws IllegalArgumentException when it names milliwatts or two different units
     */
    public static String of(String header) {
        String found = null;
        for (String word : header.split("[^A-Za-z0-9]+")) {
            String unit = unitOf(word);
            if (unit != null && found != null && !unit.equals(found)) {
                throw new IllegalArgumentException("names two units, " + found + " and " + unit);
            }
            found = unit == null ? found : unit;
        }
        return found;
    }

    /**
     * "Wh", "kWh" or "MWh", or null when {@code header} names no energy unit; a unit per interval
     * ({@code kWh/30min}) is the same unit.
     *
     * @throws IllegalArgumentException when it names two different energy units
     */
    public static String energyOf(String header) {
        String found = null;
        for (String word : header.split("[^A-Za-z0-9]+")) {
            String unit = energyUnitOf(word);
            if (unit != null && found != null && !unit.equals(found)) {
                throw new IllegalArgumentException("names two units, " + found + " and " + unit);
            }
            found = unit == null ? found : unit;
        }
        return found;
    }

    /** kW per unit of a power unit, or kWh per unit of an energy unit, of a unit {@link #of} or {@link #energyOf} gives. */
    public static double factor(String unit) {
        return switch (unit) {
            case "W", "Wh" -> 1e-3;
            case "kW", "kWh" -> 1;
            case "MW", "MWh" -> 1e3;
            case "GW" -> 1e6;
            default -> throw new IllegalArgumentException("no unit " + unit);
        };
    }

    /** Whether {@code unit} is an energy unit. */
    public static boolean isEnergy(String unit) {
        return unit.endsWith("Wh");
    }

    private static String energyUnitOf(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "wh" -> {
                return "Wh";
            }
            case "kwh" -> {
                return "kWh";
            }
            case "mwh" -> {
                return "MWh";
            }
            default -> {
                // a camelCase suffix, checked below
            }
        }
        if (camelSuffix(word, "kWh") || camelSuffix(word, "KWh") || camelSuffix(word, "Kwh")) {
            return "kWh";
        }
        if (camelSuffix(word, "MWh") || camelSuffix(word, "Mwh")) {
            return "MWh";
        }
        return camelSuffix(word, "Wh") ? "Wh" : null;
    }

    private static String unitOf(String word) {
        if (word.equals("mW") || camelSuffix(word, "mW")) {
            throw new IllegalArgumentException("names mW (milliwatts); power traces are in W, kW, MW or GW");
        }
        switch (word.toLowerCase(Locale.ROOT)) {
            case "w", "watt", "watts" -> {
                return "W";
            }
            case "kw", "kilowatt", "kilowatts" -> {
                return "kW";
            }
            case "mw", "megawatt", "megawatts" -> {
                return "MW";
            }
            case "gw", "gigawatt", "gigawatts" -> {
                return "GW";
            }
            default -> {
                // a camelCase suffix, checked below
            }
        }
        if (camelSuffix(word, "kW") || camelSuffix(word, "Kw") || camelSuffix(word, "KW")) {
            return "kW";
        }
        if (camelSuffix(word, "MW") || camelSuffix(word, "Mw")) {
            return "MW";
        }
        if (camelSuffix(word, "GW") || camelSuffix(word, "Gw")) {
            return "GW";
        }
        return camelSuffix(word, "W") ? "W" : null;
    }

    /** {@code powerKw}: the suffix follows a lower-case letter or a digit (so "TOTALMW" is no unit). */
    private static boolean camelSuffix(String word, String suffix) {
        int at = word.length() - suffix.length();
        if (at < 1 || !word.endsWith(suffix)) {
            return false;
        }
        char before = word.charAt(at - 1);
        return Character.isLowerCase(before) || Character.isDigit(before);
    }
}
