package dev.chikuden.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JVM flags Spark needs on Java 17 ({@code --add-opens} and the rest), as spark-submit passes
 * them. The list is the resource {@code java17-flags.txt}, one flag a line: the command line's
 * launcher reads it from this module's jar, and the pom's surefire argLine repeats it.
 */
final class JavaFlags {
    static final String RESOURCE = "java17-flags.txt";

    private JavaFlags() {}

    static List<String> list() {
        try (InputStream in = JavaFlags.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
