package dev.chikuden.config;

import java.nio.file.Path;

/**
 * One thing wrong with a configuration file, located for the user.
 *
 * @param line   1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 * @param path   the field, e.g. {@code batteries[0].efficiency.charge}
 * @param message what is wrong: the bad value and what is allowed
 */
public record ConfigProblem(Path file, int line, int column, String path, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
