package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.config.FieldPath;

/**
 * One change to a site file before it is read: the field at {@code path} takes {@code value}, written
 * as YAML (a scalar such as {@code 400 MWh}, a flow list or a flow mapping), in place of what the file
 * has there; a key the file lacks is added.
 *
 * @param path   e.g. {@code batteries[0].energy}, see {@link FieldPath}
 * @param origin where the override comes from, for messages: {@code --set}, or a sweep file's line
 */
public record SiteOverride(String path, String value, String origin) {
    /**
     * Parses {@code path=value} as typed after {@code --set}.
     *
     * @throws BadInputException naming the text and the form allowed
     */
    public static SiteOverride parse(String text) {
        int eq = text.indexOf('=');
        String form = "; write --set path=value, e.g. --set batteries[0].energy=400MWh or --set study.start=2025-08-01";
        if (eq < 0) {
            throw new BadInputException("--set " + text + ": has no \"=\"" + form);
        }
        String path = text.substring(0, eq).trim();
        String value = text.substring(eq + 1).trim();
        try {
            FieldPath.parse(path);
        } catch (BadInputException e) {
            throw new BadInputException("--set " + text + ": " + e.getMessage());
        }
        if (value.isEmpty()) {
            throw new BadInputException("--set " + text + ": the value is empty" + form);
        }
        return new SiteOverride(path, value, "--set");
    }

    /** The override as its messages name it, e.g. {@code --set batteries[0].energy=abc}. */
    public String describe() {
        return origin + " " + path + "=" + value;
    }
}
