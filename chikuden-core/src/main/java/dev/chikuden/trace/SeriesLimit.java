package dev.chikuden.trace;

/**
 * The most bytes a series input may hold, read before it is parsed so that no file can make a
 * reader spend minutes: {@value #DEFAULT_BYTES} bytes (a year at 1 s with several columns is about
 * 2 GB), or the system property {@code chikuden.limits.seriesBytes}. Archives count the bytes they
 * unpack to.
 */
public final class SeriesLimit {
    static final long DEFAULT_BYTES = 4L << 30;

    private SeriesLimit() {}

    /** The limit in force. */
    public static long bytes() {
        return Long.getLong("chikuden.limits.seriesBytes", DEFAULT_BYTES);
    }

    /** How a message names the limit and the way to raise it: {@code "(N; -D... raises it)"}. */
    public static String described() {
        return "(" + bytes() + "; -Dchikuden.limits.seriesBytes=N raises it)";
    }
}
