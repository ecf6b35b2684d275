package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.site.StrategySpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

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
            new StrategySpec.Manual());

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
                        "manual");
        assertThat(EVERY_TYPE)
                .allSatisfy(l ->
                        assertThat(LiveStack.layer("x", l, false).settings()).isSameAs(l));
        assertThat(Arrays.stream(StrategySpec.Layer.class.getPermittedSubclasses()))
                .allMatch(Class::isRecord);
    }
}
