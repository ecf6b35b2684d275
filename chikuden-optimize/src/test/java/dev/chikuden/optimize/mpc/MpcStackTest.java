package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.control.Controller;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;
import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.study.SiteModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MPC as a layer of a configured stack, built through the core's service lookup. */
class MpcStackTest {
    @TempDir
    Path dir;

    /** A noisy load, a real battery model (tapers, HVAC, PCS curve) and safety layers above the MPC. */
    private SiteConfig site() throws IOException {
        Path file = dir.resolve("stack.yaml");
        Files.writeString(file, """
                name: Stacked MPC
                grid: {contract: 1 MW}
                loads:
                  - {type: profile, base: 800 kW, noise: 3 %, seed: 4,
                     daily: [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
                batteries:
                  - {preset: lfp-container, energy: 1 MWh, power: 250 kW, soc: {min: 10 %, max: 90 %, initial: 50 %}}
                study: {start: 2025-07-07, duration: 2 d, step: 10 s}
                control:
                  converter: {ramp: 50 kW/s}
                strategy:
                  type: stack
                  controllers:
                    - {type: backup-reserve, criticalLoad: 100 kW, duration: 30 min}
                    - {type: demand-limiter, target: 950 kW}
                    - {type: mpc, horizon: 24 h, every: 1 h, forecast: seasonal-naive}
                tariff: {preset: kansai-high-voltage-as-tou, marketPriceAdjustment: off}
                """);
        return SiteConfigReader.read(file);
    }

    /** Per step: the battery within its ratings, its SOC within its window. */
    @Test
    void underTheSafetyLayersTheBatteryStaysInsideItsLimits() throws IOException {
        SiteConfig site = site();
        BatteryParameters b = site.batteries().get(0);
        double[] extremes = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0};
        StepSink watch = new StepSink() {
            @Override
            public void accept(StepChunk c) {
                for (int i = 0; i < c.count(); i++) {
                    extremes[0] = Math.min(extremes[0], c.soc[i]);
                    extremes[1] = Math.max(extremes[1], c.soc[i]);
                    extremes[2] = Math.max(extremes[2], c.batteryKw[i]);
                    extremes[3] = Math.max(extremes[3], -c.batteryKw[i]);
                }
            }
        };
        var r = PlanStudy.simulate(site, PlanStudy.Case.WITH_BATTERY, (c, grid) -> List.of(watch));
        assertThat(extremes[0]).isGreaterThanOrEqualTo(b.socMin() - 1e-9);
        assertThat(extremes[1]).isLessThanOrEqualTo(b.socMax() + 1e-9);
        assertThat(extremes[2]).isLessThanOrEqualTo(b.dischargePowerKw() + 1e-9);
        assertThat(extremes[3]).isLessThanOrEqualTo(b.chargePowerKw() + 1e-9);
        assertThat(r.bindingShare().get("demand-limiter")).isGreaterThan(0.1); // the limiter did cut the plan
        assertThat(r.bindingShare().get("mpc")).isGreaterThan(0.4); // and the plan steered most other steps
    }

    @Test
    void theSiteModelsBuildTheMpcLayerThroughTheServiceLookup() throws IOException {
        SiteConfig site = site();
        Controller c = SiteModels.controller(site);
        assertThat(c).isInstanceOf(ControllerStack.class);
        BatterySystem battery = new BatterySystem(site.batteries().get(0));
        long start = site.study().start().toEpochMilli();
        c.requestKw(new Measurements().update(start, 10, 800, 0, 60, start, 0), battery);
        assertThat(c.bindingShare().keySet())
                .containsExactly(ControllerStack.PHYSICAL, "backup-reserve", "demand-limiter", "mpc");
    }
}
