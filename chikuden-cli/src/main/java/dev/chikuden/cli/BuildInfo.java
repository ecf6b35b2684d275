package dev.chikuden.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time (version.properties, filtered by Maven). */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    /** Chikuden's version, "unknown" when run from classes that were not built by Maven. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The ECharts WebJar inlined into the report. */
    public static String echartsVersion() {
        return PROPERTIES.getProperty("echartsVersion", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
        return p;
    }
}
