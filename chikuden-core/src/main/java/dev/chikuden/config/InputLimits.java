package dev.chikuden.config;

import dev.chikuden.trace.TextEncoding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Limits a configuration file must keep before it is parsed, so that no input can make the YAML
 * reader spend minutes or gigabytes: its size ({@value #DEFAULT_FILE_BYTES} bytes), its longest
 * line ({@value #DEFAULT_LINE_CHARS} characters, which bounds every scalar written on one line) and
 * valid UTF-8. Each limit may be raised with a system property ({@code chikuden.limits.configBytes},
 * {@code chikuden.limits.configLineChars}). Messages never echo the offending value.
 */
final class InputLimits {
    static final long DEFAULT_FILE_BYTES = 10L * 1024 * 1024;
    static final int DEFAULT_LINE_CHARS = 64 * 1024;

    private InputLimits() {}

    /** @throws ConfigException naming the file and the limit it breaks */
    static void checkConfigFile(Path file) {
        long maxBytes = Long.getLong("chikuden.limits.configBytes", DEFAULT_FILE_BYTES);
        long maxLine = Long.getLong("chikuden.limits.configLineChars", DEFAULT_LINE_CHARS);
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw problem(file, 0, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > maxBytes) {
            throw problem(
                    file,
                    0,
                    "is " + size + " bytes, more than a configuration file may have (" + maxBytes
                            + "; -Dchikuden.limits.configBytes=N raises it)");
        }
        long bad = TextEncoding.firstUtf8Error(file);
        if (bad >= 0) {
            throw problem(file, 0, "byte " + bad + " is not valid UTF-8; configuration files are UTF-8 (save it so)");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 0;
            int c;
            long length = 0;
            line++;
            while ((c = r.read()) >= 0) {
                if (c == '\n') {
                    line++;
                    length = 0;
                } else if (++length > maxLine) {
                    throw problem(
                            file,
                            line,
                            "the line is longer than " + maxLine + " characters, more than any value "
                                    + "may have (-Dchikuden.limits.configLineChars=N raises it)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigException problem(Path file, int line, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, line, 0, "", message)));
    }
}
