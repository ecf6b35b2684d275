package dev.chikuden.spark;

import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep built in code over the small factory: the battery's energy times its power, each value as
 * a sweep file would write it. An energy the site file rejects makes failing scenarios.
 */
record HandSweep(String site, ScenarioKind run, List<String> energies, List<String> powers) implements SweepSource {
    static final Path SMALL_FACTORY = Path.of("src/test/resources/dev/chikuden/spark/small-factory.yaml");

    @Override
    public Sweep load() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String e : energies) {
            for (String p : powers) {
                int i = scenarios.size();
                scenarios.add(new Scenario(
                        i,
                        String.format("s%04d", i),
                        List.of(e, p),
                        List.of(
                                new SiteOverride("batteries[0].energy", e, "sweep line 3"),
                                new SiteOverride("batteries[0].power", p, "sweep line 4"))));
            }
        }
        return new Sweep(
                "hand",
                Path.of(site).resolveSibling("hand-sweep.yaml"),
                Path.of(site),
                run,
                List.of(new Axis("batteries[0].energy", "energy"), new Axis("batteries[0].power", "power")),
                scenarios,
                false,
                "");
    }
}
