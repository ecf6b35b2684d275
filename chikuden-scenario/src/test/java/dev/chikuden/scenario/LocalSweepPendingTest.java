package dev.chikuden.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.scenario.sweep.Axis;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.site.SiteOverride;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a rerun takes from a folder of rows: this sweep's, made with its settings, and nothing else. */
class LocalSweepPendingTest {
    private static Sweep sweep(String settings, String... energies) {
        List<Scenario> list = new java.util.ArrayList<>();
        for (String e : energies) {
            int i = list.size();
            list.add(new Scenario(
                    i, "s" + i, List.of(e), List.of(new SiteOverride("batteries[0].energy", e, "sweep line 3"))));
        }
        return new Sweep(
                "t",
                Path.of("t.yaml"),
                Path.of("site.yaml"),
                ScenarioKind.PLAN,
                List.of(new Axis("batteries[0].energy", "energy")),
                list,
                false,
                settings);
    }

    private static ScenarioRow row(String id, String settings, String energy) {
        return new ScenarioRow(
                Integer.parseInt(id.substring(1)), id, settings, List.of(energy), null, new double[] {1});
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
}
