package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.Controller;
import dev.chikuden.control.Measurements;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.SiteModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live service writes what the site's controllers decide, as a study would run them. */
class FollowsTheStackTest {
    @Test
    void peakShavingSetpointsAreTheThresholdGapSharedByHeadroom() {
        // two units of 300 and 100 kW: each takes its share of the headroom, 3/4 and 1/4
        SiteConfig site = Rig.site(
                new StrategySpec.PeakShaving(900, 700),
                Rig.battery("bess-1", 1000, 300, 0.5),
                Rig.battery("bess-2", 400, 100, 0.5));
        double[] load = {1100, 1100, 800, 500, 1500, 650};
        try (Rig rig =
                new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> load[(int) Math.min(5, (t - Rig.T0) / 1000)])) {
            for (int k = 0; k < load.length; k++) {
                CycleSnapshot s = rig.step();
                double net = load[k];
                double wanted = net > 900 ? net - 900 : net < 700 ? net - 700 : 0;
                double expected = Math.max(-400, Math.min(400, wanted)); // both units' limits together
                assertThat(s.state()).isEqualTo(EmsState.RUNNING);
                assertThat(s.loadKw()).as("cycle %d load", k).isCloseTo(net, offset(1e-6));
                assertThat(s.setpointKw()).as("cycle %d", k).isCloseTo(expected, offset(1e-9));
                assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(expected * 0.75, offset(1e-9));
                assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(expected * 0.25, offset(1e-9));
            }
        }
    }

    /**
     * The example AI campus's stack (backup reserve, load-drop absorber, demand limiter, grid-code
     * smoothing under a converter ramp), scaled to a 1 MW site: a twin of it, built by the same
     * factory and fed measurements made independently from the fake site's truth, asks for exactly
     * what the service writes, cycle after cycle, through load jumps and a drop.
     */
    @Test
    void aStackOfTheExampleLayersWritesWhatTheSameStackComputes() {
        StrategySpec stack = new StrategySpec.Stack(
                200,
                List.of(
                        new StrategySpec.BackupReserve(100, 0.25),
                        new StrategySpec.LoadDropAbsorber(50),
                        new StrategySpec.DemandLimiter(850, 0.5, 100),
                        new StrategySpec.GridCodeSmoothing(20, 10, 60, 0.5, 0.1, 4)));
        SiteConfig site = Rig.site(stack, Rig.battery("bess-1", 1000, 500, 0.6));
        Controller twin = SiteModels.controller(site);
        Measurements m = new Measurements();
        long cycleMs = 1000;
        try (Rig rig = new Rig(site, Rig.ems(cycleMs, 1, 0, 5000, site), t -> {
            long s = (t - Rig.T0) / 1000;
            return s < 60 ? 800 : s < 120 ? 1000 + 100 * Math.sin(s) : s < 150 ? 400 : 900;
        })) {
            // as the service does on its first cycle: the units held 0 kW over the period before
            twin.applied(
                    0,
                    new Measurements().update(Rig.T0 - cycleMs, cycleMs / 1000.0, 800, 0, 60, Rig.T0 - 1_800_000, 0));
            int bound = 0;
            for (int k = 0; k < 200; k++) {
                long t = Rig.T0 + k * cycleMs;
                CycleSnapshot s = rig.step();
                BessReading seen = rig.unit(0).reading(); // the fake has not moved since the cycle read it
                double load = rig.site.loadKw();
                double slotImportKwh = rig.site.meter.importKwh(); // the run starts on a slot boundary
                m.update(t, cycleMs / 1000.0, load, 0, 60, Rig.T0, slotImportKwh);
                double expected = twin.requestKw(m, view(seen));
                assertThat(s.setpointKw()).as("cycle %d", k).isCloseTo(expected, offset(1e-6));
                assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(expected, offset(1e-6));
                twin.applied(s.setpointKw(), m);
                if (!s.binding().equals("battery-limits")) {
                    bound++;
                }
            }
            assertThat(bound)
                    .as("layers other than the limits decided some cycles")
                    .isPositive();
            assertThat(rig.runtime.stack())
                    .extracting(EmsService.StackLayer::name)
                    .contains("demand-limiter", "grid-code-smoothing");
        }
    }

    /** A battery as one reading shows it: no auxiliaries, limits as reported. */
    static BatteryView view(BessReading r) {
        return new BatteryView() {
            @Override
            public double soc() {
                return r.soc();
            }

            @Override
            public double storedEnergyKwh() {
                return r.storedEnergyKwh();
            }

            @Override
            public double capacityKwh() {
                return r.capacityKwh();
            }

            @Override
            public double socMin() {
                return r.socMin();
            }

            @Override
            public double socMax() {
                return r.socMax();
            }

            @Override
            public double stateOfHealth() {
                return r.stateOfHealth();
            }

            @Override
            public double auxiliaryKw() {
                return 0;
            }

            @Override
            public double cellTemperatureC() {
                return Double.NaN;
            }

            @Override
            public double maxDischargeKw(double stepS) {
                return r.soc() > r.socMin() ? r.maxDischargeKw() : 0;
            }

            @Override
            public double maxChargeKw(double stepS) {
                return r.soc() < r.socMax() ? r.maxChargeKw() : 0;
            }
        };
    }
}
