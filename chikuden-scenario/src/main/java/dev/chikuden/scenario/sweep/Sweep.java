package dev.chikuden.scenario.sweep;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sweep file read: many scenarios of one site, each the base site file with overrides.
 *
 * @param name   the sweep's {@code name:}, else the file's name without {@code .yaml}
 * @param file   the sweep file
 * @param site   the base site file, resolved against the sweep file's folder
 * @param series whether each scenario's per-step results are kept too
 * @param settings what makes a scenario's row besides its axis values, as a digest: the base site
 *     file's text, the sweep's {@code set} and the command line's {@code --set}, the command; empty for a
 *     sweep made in code. Each row keeps it, and a rerun takes a row written with other settings for
 *     none of its own.
 */
public record Sweep(
        String name,
        Path file,
        Path site,
        ScenarioKind run,
        List<Axis> axes,
        List<Scenario> scenarios,
        boolean series,
        String settings) {
    public Sweep {
        axes = List.copyOf(axes);
        scenarios = List.copyOf(scenarios);
    }

    /** The scenario's site, read and checked; a bad value fails this scenario only. */
    public SiteConfig site(Scenario s) {
        return SiteConfigReader.read(site, s.overrides());
    }

    /** As {@link #site(Scenario)}, telling {@code filesNamed} the files the scenario's site names. */
    public SiteConfig site(Scenario s, Consumer<List<Path>> filesNamed) {
        return SiteConfigReader.read(site, s.overrides(), filesNamed);
    }

    /** The scenario as a site file, YAML, that runs with {@code plan} from the base site file's folder. */
    public String siteYaml(Scenario s) {
        return SiteConfigReader.overriddenYaml(site, s.overrides());
    }
}
