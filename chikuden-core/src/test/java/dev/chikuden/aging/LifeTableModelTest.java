package dev.chikuden.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reproduces ../shared/reference/battery.md, section 3 (NREL SAM lifetime_cycle_t). */
class LifeTableModelTest {
    static final LifeTable SAM_TABLE = new LifeTable(
            new double[][] {{20, 0, 100}, {20, 5000, 80}, {20, 10000, 60}, {80, 0, 100}, {80, 1000, 80}, {80, 2000, 60}
            });

    @Test
    void samsAlternatingDodCase() {
        LifeTableModel model = new LifeTableModel(SAM_TABLE, 0, 25, 10);
        DutyProfile duty = alternating(500);
        AgingRun.Result r = AgingRun.run(model, duty, new double[0]);
        assertThat(model.cyclesCounted()).isEqualTo(249);
        assertThat(r.end().relativeCapacity() * 100).isCloseTo(95.02, offset(0.005));
    }

    /** DOD 5 %, 95 %, 5 %, ... one value a minute. */
    static DutyProfile alternating(int n) {
        double[] t = new double[n];
        double[] soc = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 60;
            soc[i] = 1 - (i % 2 == 0 ? 0.05 : 0.95);
            c[i] = 25;
        }
        return new DutyProfile(t, soc, c);
    }

    @Test
    void interpolatesBilinearlyAndClampsTheDod() {
        assertThat(SAM_TABLE.capacityPercent(50, 1000)).isCloseTo((96 + 80) / 2.0, offset(1e-12));
        assertThat(SAM_TABLE.capacityPercent(95, 1500)).isCloseTo(70, offset(1e-12)); // clamped to 80 %
        assertThat(SAM_TABLE.capacityPercent(10, 2500)).isCloseTo(90, offset(1e-12)); // clamped to 20 %
        assertThat(SAM_TABLE.capacityPercent(80, 2500)).isCloseTo(50, offset(1e-12)); // extrapolated
        assertThat(SAM_TABLE.capacityPercent(80, 99_999)).isZero();
    }

    @Test
    void calendarFadeFollowsTheSquareRootOfTimeAndDoublesWithTemperature() {
        LifeTableModel cool = new LifeTableModel(SAM_TABLE, 0.02, 25, 10);
        LifeTableModel warm = new LifeTableModel(SAM_TABLE, 0.02, 25, 10);
        AgingModel.Cohort a = cool.newCohort();
        AgingModel.Cohort b = warm.newCohort();
        for (int d = 0; d < 4 * 365; d++) {
            for (int h = 0; h < 24; h++) {
                cool.addStep(0.5, 25, 3600);
                warm.addStep(0.5, 35, 3600);
            }
            cool.applyChunk(List.of(a));
            warm.applyChunk(List.of(b));
        }
        // 2 % after one year at 25 °C -> 4 % after four years; twice the rate at 35 °C -> 8 %
        assertThat(1 - a.relativeCapacity()).isCloseTo(0.04, offset(2e-4));
        assertThat(1 - b.relativeCapacity()).isCloseTo(0.08, offset(4e-4));
    }
}
