package dev.chikuden.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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

    @Test
    void aSeriesSweepWritesEachScenariosStepsAndTheirBalanceHolds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("series-sweep.yaml");
        Files.writeString(
                file,
                "name: series\nsite: " + Repository.examples().resolve("sakai-ai-campus.yaml")
                        + "\nseries: true\nset:\n  study.duration: 1 h\n  output.step: 1 min\ngrid:\n"
                        + "  batteries[0].energy: [50 MWh, 100 MWh]\n");
        Sweep sweep = SweepReader.read(file, List.of());
        LocalSweep.Outcome o = LocalSweep.run(sweep, dir.resolve("out"), 2, null);
        assertThat(o.failed()).isZero();
        for (Scenario s : sweep.scenarios()) {
            for (String c : List.of("without-battery", "with-battery")) {
                Path parquet =
                        LocalSweep.seriesDir(dir.resolve("out")).resolve(s.id()).resolve(c + ".parquet");
                try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                        Statement st = conn.createStatement();
                        ResultSet q =
                                st.executeQuery("SELECT count(*), max(abs(gridKw - (loadKw - pvKw - batteryKw))), "
                                        + "sum(abs(batteryKw)) FROM '" + parquet + "'")) {
                    q.next();
                    assertThat(q.getInt(1)).as(parquet.toString()).isEqualTo(60);
                    assertThat(q.getDouble(2)).isLessThan(1e-6);
                    assertThat(q.getDouble(3) > 0).isEqualTo(c.equals("with-battery"));
                }
            }
        }
    }

    @Test
    void onlyAPlanSweepKeepsSeries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("size-sweep.yaml");
        Files.writeString(
                file,
                "name: no series\nsite: " + Repository.examples().resolve("sakai-factory-pv.yaml")
                        + "\nrun: optimize\nseries: true\ngrid:\n  batteries[0].energy: [100 kWh, 200 kWh]\n");
        Sweep sweep = SweepReader.read(file, List.of());
        assertThatThrownBy(() -> new ScenarioRunner(sweep, sweep.scenarios(), dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("only run: plan does");
    }
}
