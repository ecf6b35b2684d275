package dev.chikuden.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.fixtures.Repository;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    /** Two seeds x three sizes of a two-hour campus: three scenarios share each case without battery. */
    static Sweep sweep(Path dir) throws Exception {
        Path file = dir.resolve("sizes-sweep.yaml");
        Files.writeString(
                file,
                "name: sizes\nsite: " + Repository.examples().resolve("sakai-ai-campus.yaml")
                        + "\nset:\n  study.duration: 2 h\ngrid:\n"
                        + "  batteries[0].energy: [50 MWh, 100 MWh, 200 MWh]\n  loads[0].seed: [3, 4]\n");
        return SweepReader.read(file, List.of());
    }

    @Test
    void scenariosThatDifferOnlyInTheirBatteryShareTheCaseWithoutItAndGetTheSameFigures(@TempDir Path dir)
            throws Exception {
        Sweep sweep = sweep(dir);
        List<Scenario> order = ScenarioRunner.byBaseline(sweep.scenarios());
        // the grid varies the size slowest; the runner's order keeps each seed's scenarios together
        assertThat(order.stream().map(s -> s.axisValues().get(1)).toList())
                .containsExactly("3", "3", "3", "4", "4", "4");
        ScenarioRunner runner = new ScenarioRunner(sweep, order);
        for (Scenario s : order) {
            ScenarioRow row = runner.run(s);
            assertThat(row.error()).isNull();
            double[] alone = Headline.of(sweep.run(), ScenarioRunner.plan(sweep.site(s)));
            assertThat(row.figures()).as(s.id()).containsExactly(alone);
        }
        assertThat(runner.baselinesComputed()).isEqualTo(2);
    }
}
