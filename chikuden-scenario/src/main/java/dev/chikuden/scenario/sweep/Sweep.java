package dev.chikuden.scenario.sweep;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.nio.file.Path;
import java.util.List;

public record Sweep(
        String name,
        Path file,
        Path site,
        ScenarioKind run,
        List<Axis> axes,
        List<Scenario> scenarios,
        boolean series) {
    public SiteConfig site(Scenario s) {
        return SiteConfigReader.read(site, s.overrides());
    }
}
