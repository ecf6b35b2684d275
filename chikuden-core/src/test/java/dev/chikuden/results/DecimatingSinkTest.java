package dev.chikuden.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.control.PeakShavingController;
import dev.chikuden.profile.Profile;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecimatingSinkTest {
    record Row(long t, double load, double grid, double min, double max, double soc) {}

    static final class Collect implements RowWriter {
        final List<Row> rows = new ArrayList<>();

        @Override
        public void row(
                long epochMs,
                double loadKw,
                double pvKw,
                double batteryKw,
                double gridKw,
                double gridMinKw,
                double gridMaxKw,
                double soc) {
            rows.add(new Row(epochMs, loadKw, gridKw, gridMinKw, gridMaxKw, soc));
        }

        @Override
        public void close() {}
    }

    @Test
    void keepsEnergyAndExtremesAndEndsWithAPartialRow() {
        double[] load = {10, 20, 90, 30, 40, 50, 60};
        TimeGrid grid = new TimeGrid(0, 1000, load.length, ZoneId.of("UTC"));
        Collect c = new Collect();
        Profile p = (first, out, count) -> System.arraycopy(load, (int) first, out, 0, count);
        new SimulationEngine(
                        grid,
                        p,
                        Profile.ZERO,
                        new BatterySystem(BatteryParameters.reservoir("b", 100, 1, 1, 1, 1, 0, 1, 0.5, 0)),
                        new PeakShavingController(1000, 0),
                        60,
                        2)
                .run(List.of(new DecimatingSink(grid, 3000, List.of(c))));
        assertThat(c.rows).hasSize(3);
        assertThat(c.rows.get(0)).isEqualTo(new Row(0, 40, 40, 10, 90, 0.5));
        assertThat(c.rows.get(1)).isEqualTo(new Row(3000, 40, 40, 30, 50, 0.5));
        assertThat(c.rows.get(2)).isEqualTo(new Row(6000, 60, 60, 60, 60, 0.5));
    }
}
