package dev.chikuden.cli;

import dev.chikuden.config.ConfigProblem;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Reads a site file for a command and says its warnings on stderr before any work starts. */
final class SiteFiles {
    private SiteFiles() {
    }

    static SiteConfig read(Path file, CommandSpec spec) {
        SiteConfig site = SiteConfigReader.read(file);
        for (String w : warnings(site)) {
            spec.commandLine().getErr().println("chikuden: warning: " + w);
        }
        spec.commandLine().getErr().flush();
        return site;
    }

    /** The site file's warnings, located, for {@code configWarnings} in JSON. */
    static List<String> warnings(SiteConfig site) {
        return site.warnings().stream().map(ConfigProblem::toString).toList();
    }
}
