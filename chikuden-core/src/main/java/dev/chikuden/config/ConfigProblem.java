package dev.chikuden.config;

import java.nio.file.Path;

/**
 * One thing wrong with a configuration file, located for the user.
 *
 * @param line   1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 * @param path   the field, e.g. {@code batteries[0].efficiency.charge}
 * @param message what is wrong: the bad value and what is allowed
 * @param override the override that put the value there, e.g. {@code --set batteries[0].energy=abc}; null
 *     for a value written in the file
 */
public record ConfigProblem(Path file, int line, int column, String path, String message, String override) {
    public ConfigProblem(Path file, int line, int column, String path, String message) {
        this(file, line, column, path, message, null);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        if (override != null) {
            sb.append(", ").append(override);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
