package dev.chikuden.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses human quantities ("150 MW", "600 MWh", "4 h", "95 %") into the project's base units
 * (kW, kWh, seconds, fraction). Parsed once at the edge; nothing inside the engine sees text.
 */
public final class Quantities {
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([-+]?(?:\\d[\\d_,]*)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*([^\\d\\s].*?)?\\s*");

    private Quantities() {}

    /**
     * Converts {@code text} to the base unit of {@code dimension}.
     *
     * @throws QuantityFormatException naming the text and the allowed units
     */
    public static double parse(String text, Dimension dimension) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()
                || m.group(1).isEmpty()
                || m.group(1).equals("-")
                || m.group(1).equals("+")) {
            throw new QuantityFormatException("\"" + text + "\" is not " + dimension.describe());
        }
        double number;
        try {
            number = Double.parseDouble(m.group(1).replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new QuantityFormatException("\"" + text + "\" is not " + dimension.describe());
        }
        String unit = m.group(2) == null ? "" : m.group(2).trim();
        // durations are unambiguous in any case; power and energy are not (mW is not MW)
        boolean anyCase = dimension == Dimension.DURATION;
        for (Dimension.Unit u : dimension.units()) {
            if (u.symbol().equals(unit) || (anyCase && u.symbol().equalsIgnoreCase(unit))) {
                return number * u.toBase() + u.offset();
            }
        }
        String why = unit.isEmpty() ? "has no unit" : "has unit \"" + unit + "\"";
        throw new QuantityFormatException("\"" + text + "\" " + why + "; expected " + dimension.describe());
    }

    /** Formats seconds as the shortest exact human duration: "100 ms", "1 s", "30 min", "7 d". */
    public static String formatDuration(double seconds) {
        if (seconds < 1) {
            return fmt(seconds * 1000) + " ms";
        }
        if (seconds % 86400 == 0) {
            return fmt(seconds / 86400) + " d";
        }
        if (seconds % 3600 == 0) {
            return fmt(seconds / 3600) + " h";
        }
        if (seconds % 60 == 0) {
            return fmt(seconds / 60) + " min";
        }
        return fmt(seconds) + " s";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
