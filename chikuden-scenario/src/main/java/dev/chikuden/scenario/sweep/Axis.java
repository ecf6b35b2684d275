package dev.chikuden.scenario.sweep;

/**
 * A field of the site that the scenarios of a sweep vary.
 *
 * @param path   the site-file field, e.g. {@code batteries[0].energy}
 * @param column its column in the results: the axis's {@code name:}, else the path with every run of
 *               other characters than letters and digits made one {@code _} ({@code batteries_0_energy});
 *               unique in a sweep
 */
public record Axis(String path, String column) {
    /** The column of an axis without a name. */
    static String column(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
