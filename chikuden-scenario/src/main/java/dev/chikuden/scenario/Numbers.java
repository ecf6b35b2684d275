package dev.chikuden.scenario;

import java.util.Locale;

/** Number formats shared by the text tables. */
public final class Numbers {
    private Numbers() {}

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
