package dev.chikuden.spark;

import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import dev.chikuden.site.SiteOverride;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep file and the {@code --set}s given with it: what the driver ships to each task, which
 * reads the file itself. The path must name the same file on the driver and every executor.
 */
record SweepFile(String file, List<String> sets) implements SweepSource {
    SweepFile {
        sets = List.copyOf(sets);
    }

    @Override
    public Sweep load() {
        return SweepReader.read(
                Path.of(file), sets.stream().map(SiteOverride::parse).toList());
    }
}
