package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.site.StrategySpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveStackTest {
    /** One of each layer type the site file knows. */
    private static final List<StrategySpec.Layer> EVERY_TYPE = List.of(
            new StrategySpec.BackupReserve(100, 1),
            new StrategySpec.LoadDropAbsorber(200),
            new StrategySpec.GridCodeSmoothing(100, 20, 60, 0.6, 0.15, 2),
            new StrategySpec.FrequencyResponse(0.02, 0.05, 100),
            new StrategySpec.DemandLimiter(800, 0.6, 100),
            new StrategySpec.Schedule(Path.of("schedule.csv"), false),
            new StrategySpec.Mpc(48, 1_800_000, StrategySpec.Mpc.Forecast.PERFECT, 0, 1),
            new StrategySpec.SelfConsumption(null),
            new StrategySpec.Manual(),
            new StrategySpec.Fleet());

    @Test
    void everyLayerTypeIsShownWithTheNameTheSiteFileGivesIt() {
        assertThat(EVERY_TYPE)
                .extracting(Object::getClass)
                .as("a layer type the live service cannot name yet")
                .containsExactlyInAnyOrder(StrategySpec.Layer.class.getPermittedSubclasses());
        assertThat(EVERY_TYPE)
                .extracting(l -> LiveStack.layer("x", l, false).type())
                .containsExactly(
                        "backup-reserve",
                        "load-drop-absorber",
                        "grid-code-smoothing",
                        "frequency-response",
                        "demand-limiter",
                        "schedule",
                        "mpc",
                        "self-consumption",
                        "manual",
                        "fleet");
        assertThat(EVERY_TYPE)
                .allSatisfy(l ->
                        assertThat(LiveStack.layer("x", l, false).settings()).isSameAs(l));
        assertThat(Arrays.stream(StrategySpec.Layer.class.getPermittedSubclasses()))
                .allMatch(Class::isRecord);
    }

    @TempDir
    Path dir;

    @Test
    void aFleetLinkedServicePutsTheFleetBelowEveryLayerThatProtectsTheSite() throws java.io.IOException {
        Path f = dir.resolve("site.yaml");
        java.nio.file.Files.writeString(f, """
                name: fleet placement
                location: {latitude: 34.57, longitude: 135.47}
                timeZone: Asia/Tokyo
                grid: {contract: 2 MW, voltage: high, frequency: 60}
                loads: [{name: plant, type: profile, base: 1 MW}]
                pv: {type: clear-sky, peak: 300 kW}
                batteries: [{name: b, energy: 1 MWh, power: 500 kW}]
                study: {start: 2025-08-04, duration: 1 d, step: 1 s}
                strategy:
                  type: stack
                  controllers:
                    - {type: backup-reserve, criticalLoad: 100 kW, duration: 1 h}
                    - {type: demand-limiter, target: 1.5 MW}
                    - {type: self-consumption}
                """);
        dev.chikuden.site.SiteConfig site = dev.chikuden.site.SiteConfigReader.read(f);
        LiveStack linked = LiveStack.of(site, true);
        assertThat(linked.layers)
                .extracting(LiveStack.Layer::type)
                .containsExactly("backup-reserve", "manual", "demand-limiter", "fleet", "self-consumption");
        assertThat(linked.fleet).isNotNull();
        assertThat(linked.stack.layers()).contains(linked.fleet);
        assertThat(LiveStack.of(site).fleet).isNull();
        assertThat(LiveStack.of(site).layers).extracting(LiveStack.Layer::type).doesNotContain("fleet");
    }
}
