package dev.chikuden.trace;

import java.util.Locale;

/**
 * How samples become a value per grid step. A sample is an instant: the value measured at its
 * time stamp. Between two samples the signal is taken as held ({@link #MEAN}, {@link #HOLD}) or
 * as a straight line ({@link #LINEAR}); the last sample lasts one median step.
 */
public enum Resample {
    /** Each sample holds until the next; a step's value is the time-weighted mean (conserves energy). */
    MEAN,
    /** A straight line between samples; a step's value is its time-weighted mean (conserves its energy). */
    LINEAR,
    /** The value at the step's start: the last sample at or before it (no averaging). */
    HOLD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Resample of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
