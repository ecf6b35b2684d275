package dev.chikuden.trace;

import java.util.Locale;

/** What a gap in a trace (a step longer than the gap limit) does. */
public enum GapPolicy {
    /** The file is refused, naming the first gap (the default). */
    ERROR,
    /** The sample before the gap holds across it. */
    HOLD,
    /** A straight line across the gap. */
    LINEAR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GapPolicy of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
