package dev.chikuden.site;

/**
 * How per-step results are written, and the language of the report.
 *
 * @param stepMs   interval of the written rows; the study step means every step, a multiple of it
 *                 aggregates (mean power, min and max grid power, SOC at the end)
 * @param language the report's language when it opens ({@code en} or {@code ja}); it has a toggle
 */
public record OutputSpec(long stepMs, String language) {
    public static final String DEFAULT_LANGUAGE = "en";
}
