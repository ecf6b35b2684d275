package dev.chikuden.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepParquetTest {
    @Test
    void partsReadBackBitForBitInScenarioOrder(@TempDir Path dir) {
        List<ScenarioRow> rows = SweepSummaryTest.rows(7);
        SweepSchema schema = new SweepSchema(SweepSummaryTest.SWEEP);
        List<ScenarioRow> second = new ArrayList<>(rows.subList(0, 25));
        SweepParquet.writePart(dir, schema, rows.subList(25, 60));
        SweepParquet.writePart(dir, schema, second);
        assertThat(SweepParquet.parts(dir)).hasSize(2);
        assertThat(SweepParquet.read(dir, schema)).isEqualTo(rows);
    }

    @Test
    void theRowsOfAnotherSweepAreRefused(@TempDir Path dir) {
        SweepParquet.writePart(dir, new SweepSchema(SweepSummaryTest.SWEEP), SweepSummaryTest.rows(1));
        Sweep plan = new Sweep(
                "p", Path.of("s.yaml"), Path.of("site.yaml"), ScenarioKind.PLAN, List.of(), List.of(), false, "");
        assertThatThrownBy(() -> SweepParquet.read(dir, new SweepSchema(plan)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds the rows of another sweep");
    }

    @Test
    void aFolderWithoutPartsHasNoRows(@TempDir Path dir) {
        assertThat(SweepParquet.read(dir.resolve("none"), new SweepSchema(SweepSummaryTest.SWEEP)))
                .isEmpty();
    }
}
