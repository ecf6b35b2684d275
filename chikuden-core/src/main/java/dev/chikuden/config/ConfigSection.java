package dev.chikuden.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;

/**
 * A section of a file read by one module and used by another (the site file's {@code ems:}, which the
 * live service reads): the document, checked once, and the schema's problems found in the section.
 */
public final class ConfigSection {
    private final YamlDocument document;
    private final JsonPointer at;
    private final List<ConfigFile.Found> found;

    ConfigSection(YamlDocument document, JsonPointer at, List<ConfigFile.Found> found) {
        this.document = document;
        this.at = at;
        this.found = List.copyOf(found);
    }

    /** A new reading of the section: a file holding the schema's problems of the section and no other. */
    public ConfigFile open() {
        return new ConfigFile(document, found);
    }

    /** The section's place in its file, for {@link ConfigFile#at}. */
    public String pointer() {
        return at.toString();
    }
}
