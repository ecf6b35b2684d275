package dev.chikuden.scenario;

import java.util.Locale;

/** Number formats shared by the text tables and the sweep page. */
public final class Numbers {
    private Numbers() {}

    /** A figure for a table or chart: grouped units at 1,000 and above, 2 decimals above 1, else 4 (0 as 0). */
    public static String figure(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return a >= 1 ? String.format(Locale.ROOT, "%,.2f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A number without trailing zeros: 4, 2.5, 0.125. */
    public static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
