package dev.chikuden.cli;

import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.site.SiteOverride;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options several commands take, each declared once with one description: a command mixes in
 * ({@code @Mixin}) those it takes, where its own options would stand in {@code --help}.
 */
final class SharedOptions {
    private SharedOptions() {}

    /** {@code SITE.yaml}, the first parameter. */
    static final class SiteFile {
        /** An environment in which every token variable holds a valid token. */
        private static final Map<String, String> ANY_TOKEN = new java.util.AbstractMap<>() {
            @Override
            public String get(Object key) {
                return "a-study-needs-no-token-0000";
            }

            @Override
            public boolean containsKey(Object key) {
                return true;
            }

            @Override
            public java.util.Set<Entry<String, String>> entrySet() {
                return java.util.Set.of();
            }
        };

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        @Parameters(index = "0", paramLabel = "SITE.yaml", description = "The site file (see examples/).")
        Path path;

        @Option(
                names = "--set",
                paramLabel = "PATH=VALUE",
                description = "Change a field of the site file before it is read, the value written as in the "
                        + "file: --set study.start=2025-08-01, --set 'batteries[0].energy=400 MWh', --set "
                        + "'strategy={type: idle}' (quoted for the shell). Repeatable; the last of a field wins.")
        List<String> sets = List.of();

        /**
         * The site, its warnings said on stderr before any work starts. Its {@code ems:} section is
         * checked by the live service's own reader, so that a study accepts no setting the service
         * would refuse; only the write token is not required (it comes from the service's
         * environment, which a study does not have).
         */
        SiteConfig read() {
            SiteConfig site = SiteConfigReader.read(
                    path, sets.stream().map(SiteOverride::parse).toList());
            EmsConfigReader.read(site, ANY_TOKEN);
            for (String w : ScenarioRunner.warnings(site)) {
                command.commandLine().getErr().println("chikuden: warning: " + w);
            }
            command.commandLine().getErr().flush();
            return site;
        }
    }

    static final class Json {
        @Option(names = "--json", description = "Print the result as one JSON document instead of text.")
        boolean on;
    }

    static final class Quiet {
        @Option(
                names = "--quiet",
                description = "No progress bar on stderr. There is none either when the output is "
                        + "not a terminal, or before the run has lasted 2 s.")
        boolean on;
    }

    static final class Out {
        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Folder for the result files (default: out/<site file name>).")
        Path dir;
    }
}
