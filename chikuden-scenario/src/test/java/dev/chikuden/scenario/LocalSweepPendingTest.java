package dev.chikuden.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rerun takes from a folder of rows: this sweep's, made with its settings, and nothing else. */
class LocalSweepPendingTest {
    private static Sweep sweep(String settings, String... energies) {
        return sweep(Path.of("site.yaml"), settings, energies);
    }

    private static Sweep sweep(Path site, String settings, String... energies) {
        List<Scenario> list = new java.util.ArrayList<>();
        for (String e : energies) {
            int i = list.size();
            list.add(new Scenario(
                    i, "s" + i, List.of(e), List.of(new SiteOverride("batteries[0].energy", e, "sweep line 3"))));
        }
        return new Sweep(
                "t",
                Path.of("t.yaml"),
                site,
                ScenarioKind.PLAN,
                List.of(new Axis("batteries[0].energy", "energy")),
                list,
                false,
                settings);
    }

    private static ScenarioRow row(String id, String settings, String energy) {
        return row(id, settings, "", energy);
    }

    private static ScenarioRow row(String id, String settings, String inputs, String energy) {
        return new ScenarioRow(
                Integer.parseInt(id.substring(1)), id, settings, inputs, List.of(energy), null, new double[] {1});
    }

    @Test
    void theRowsWrittenWithTheSweepsSettingsAreSkipped() {
        Sweep s = sweep("sha256:a", "1 MWh", "2 MWh", "4 MWh");
        assertThat(LocalSweep.pending(s, List.of(row("s1", "sha256:a", "2 MWh")), "out"))
                .extracting(Scenario::id)
                .containsExactly("s0", "s2");
    }

    @Test
    void rowsMadeWithOtherSettingsAreRefusedNotTakenForTheScenarios() {
        // the same axis values, after --set batteries[0].power=10 MW or an edit of the base site file
        Sweep s = sweep("sha256:b", "1 MWh", "2 MWh");
        assertThatThrownBy(() -> LocalSweep.pending(s, List.of(row("s0", "sha256:a", "1 MWh")), "out/t/scenarios"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("out/t/scenarios: scenario s0 was written with other settings")
                .hasMessageContaining("Give another --out");
    }

    @Test
    void anotherSweepsRowsAreRefused() {
        Sweep s = sweep("sha256:a", "1 MWh", "2 MWh");
        assertThatThrownBy(() -> LocalSweep.pending(s, List.of(row("s7", "sha256:a", "8 MWh")), "out"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds a row of scenario s7 [8 MWh], which this sweep does not have");
    }

    @Test
    void rowsComputedFromAFileThatChangedSinceAreRefused(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("project/site.yaml");
        Path trace = Files.createDirectories(dir.resolve("project/traces")).resolve("load.csv");
        Files.writeString(trace, "time,load\n2025-04-01T00:00,100\n");
        Path prices = dir.resolve("prices.csv"); // outside the site's folder: kept absolute
        Files.writeString(prices, "slot,price\n1,10\n");
        String inputs = InputFiles.of(site.getParent(), List.of(trace, prices));
        assertThat(inputs)
                .matches("traces/load\\.csv=sha256:[0-9a-f]{16}\n" + Pattern.quote(prices.toString())
                        + "=sha256:[0-9a-f]{16}");
        Sweep s = sweep(site, "sha256:a", "1 MWh", "2 MWh");
        ScenarioRow r = row("s0", "sha256:a", inputs, "1 MWh");
        assertThat(LocalSweep.pending(s, List.of(r), "out"))
                .extracting(Scenario::id)
                .containsExactly("s1");

        Files.writeString(prices, "slot,price\n1,11\n"); // the same size, just written: the content tells
        assertThatThrownBy(() -> LocalSweep.pending(s, List.of(r), "out"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("out: scenario s0 was computed from " + prices + " as it was then (sha256:")
                .hasMessageContaining("and it has changed since (sha256:")
                .hasMessageContaining("Give another --out");

        Files.writeString(prices, "slot,price\n1,10\n"); // put back as it was: taken again
        assertThat(LocalSweep.pending(s, List.of(r), "out"))
                .extracting(Scenario::id)
                .containsExactly("s1");

        Files.delete(trace);
        assertThatThrownBy(() -> LocalSweep.pending(s, List.of(r), "out"))
                .hasMessageContaining("was computed from " + trace + ", which no longer exists");
    }

    /** The project moved, or shipped to Spark's executors in an archive: files below the site's folder follow it. */
    @Test
    void filesBelowTheSitesFolderAreFoundWhereTheSiteIsNow(@TempDir Path dir) throws IOException {
        Path trace = Files.createDirectories(dir.resolve("a/traces")).resolve("load.csv");
        Files.writeString(trace, "time,load\n");
        String inputs = InputFiles.of(dir.resolve("a"), List.of(trace));
        Files.move(dir.resolve("a"), dir.resolve("b"));
        Sweep moved = sweep(dir.resolve("b/site.yaml"), "sha256:a", "1 MWh", "2 MWh");
        assertThat(LocalSweep.pending(moved, List.of(row("s1", "sha256:a", inputs, "2 MWh")), "out"))
                .extracting(Scenario::id)
                .containsExactly("s0");
    }

    /** A folder named where a file belongs, a path with a line break, a file made after the run. */
    @Test
    void oddInputsAreDescribedNeverThrown(@TempDir Path dir) throws IOException {
        assertThat(InputFiles.of(dir, List.of(dir))).isEqualTo("=unreadable");
        Path odd = Files.createDirectories(dir.resolve("a\nb%0A")).resolve("x.csv");
        Files.writeString(odd, "1\n");
        String inputs = InputFiles.of(dir, List.of(odd));
        assertThat(inputs).doesNotContain("\n").startsWith("a%0Ab%250A/x.csv=sha256:");
        assertThat(InputFiles.changed(dir, inputs)).isNull();

        Path later = dir.resolve("later.csv");
        String before = InputFiles.of(dir, List.of(later));
        assertThat(before).isEqualTo("later.csv=missing");
        Files.writeString(later, "1\n");
        assertThat(InputFiles.changed(dir, before)).isEqualTo(later + ", which did not exist then and does now");
        assertThat(InputFiles.changed(dir, "no equals sign")).contains("cannot hold");
    }
}
