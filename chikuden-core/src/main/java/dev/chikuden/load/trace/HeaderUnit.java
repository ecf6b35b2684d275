package dev.chikuden.load.trace;

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
 * in milliwatts. Energy units ({@code kWh}) are not power units and name nothing.
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
