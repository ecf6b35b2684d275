package dev.chikuden.config;

import java.nio.file.Path;

/** Names derived from an input file's name, one rule for every command and service. */
public final class FileNames {
    private FileNames() {}

    /** The file's name without its last extension ({@code sakai.yaml} gives {@code sakai}). */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
