package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the API sees of the service: stack, configuration, devices, telemetry, the cycle stream. */
class EmsServiceViewTest {
    @Test
    void theStackListsEachLayerWithItsTypeSettingsAndBindingShare() {
        StrategySpec stack = new StrategySpec.Stack(
                200, List.of(new StrategySpec.LoadDropAbsorber(50), new StrategySpec.DemandLimiter(850, 0.5, 100)));
        SiteConfig site = Rig.site(stack, Rig.battery("bess-1", 1000, 500, 0.6));
        try (Rig rig = new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> t - Rig.T0 < 5000 ? 800 : 1000)) {
            rig.steps(10);
            List<EmsService.StackLayer> layers = rig.runtime.stack();
            assertThat(layers)
                    .extracting(EmsService.StackLayer::name)
                    .containsExactly("battery-limits", "manual", "load-drop-absorber", "demand-limiter");
            assertThat(layers)
                    .extracting(EmsService.StackLayer::type)
                    .containsExactly("battery-limits", "manual", "load-drop-absorber", "demand-limiter");
            assertThat(layers.get(0).settings()).isEqualTo(new EmsService.BatteryLimits(200));
            assertThat(layers.get(3).settings()).isEqualTo(new StrategySpec.DemandLimiter(850, 0.5, 100));
            double shares = layers.stream()
                    .mapToDouble(EmsService.StackLayer::bindingShare)
                    .sum();
            assertThat(shares).isCloseTo(1, offset(1e-12));
            long limiterCycles = rig.snapshots.stream()
                    .filter(s -> s.binding().equals("demand-limiter"))
                    .count();
            assertThat(layers.get(3).bindingShare()).isCloseTo(limiterCycles / 10.0, offset(1e-12));
            assertThat(limiterCycles).isPositive();
        }
    }

    @Test
    void theConfigurationIsTheOneTheServiceRunsWith() {
        SiteConfig site = Rig.site(new StrategySpec.Idle(), Rig.battery("bess-1", 1000, 500, 0.6));
        EmsConfig ems = Rig.ems(1000, 1, 0, 5000, site);
        try (Rig rig = new Rig(site, ems, t -> 100)) {
            assertThat(rig.runtime.config()).isSameAs(ems); // its JSON leaves the secrets out: ApiJsonTest
        }
    }

    @Test
    void devicesShowWhatEachLastSaid() {
        try (Rig rig = FailSafeTest.rig(1, 0)) {
            rig.steps(2);
            List<EmsService.DeviceStatus> devices = rig.runtime.devices();
            assertThat(devices).extracting(EmsService.DeviceStatus::name).containsExactly("meter", "bess-1", "bess-2");
            assertThat(devices).extracting(EmsService.DeviceStatus::kind).containsExactly("meter", "bess", "bess");
            EmsService.DeviceStatus unit = devices.get(1);
            assertThat(unit.address()).isEqualTo("127.0.0.1:1502 unit 1");
            assertThat(unit.fresh()).isTrue();
            assertThat(unit.consecutiveMisses()).isZero();
            assertThat(unit.lastGoodAgeMs()).isZero();
            assertThat(unit.problem()).isNull();
            BessReading values = (BessReading) unit.lastValues();
            assertThat(values.state()).isEqualTo(BatteryUnitState.RUNNING);
            assertThat(values.setpointKw()).isEqualTo(150.0);
        }
    }

    @Test
    void everyCycleGoesToTheStoreAndTelemetryComesFromIt() {
        try (Rig rig = FailSafeTest.rig(1, 0)) {
            rig.steps(5);
            assertThat(rig.store.rows).extracting(CycleSnapshot::cycle).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(rig.runtime.telemetry(Rig.T0 + 1000, Rig.T0 + 3000, 100))
                    .extracting(p -> p.epochMs() - Rig.T0)
                    .containsExactly(1000L, 2000L, 3000L);
            assertThat(rig.runtime.latest()).isSameAs(rig.store.rows.get(4));
        }
    }

    @Test
    void aFailingListenerNeverBreaksTheCycleAndARemovedOneHearsNoMore() {
        try (Rig rig = FailSafeTest.rig(1, 0)) {
            List<Long> heard = new ArrayList<>();
            rig.runtime.onCycle(s -> {
                throw new IllegalStateException("a listener bug");
            });
            Runnable remove = rig.runtime.onCycle(s -> heard.add(s.cycle()));
            rig.steps(2);
            remove.run();
            rig.steps(2);
            assertThat(heard).containsExactly(1L, 2L);
            assertThat(rig.runtime.latest().cycle()).isEqualTo(4);
            assertThat(rig.runtime.latest().state()).isEqualTo(EmsState.RUNNING);
            assertThat(rig.snapshots).hasSize(4); // the rig's own listener, registered first, heard every cycle
        }
    }

    @Test
    void refusesWhatItCannotRun() {
        SiteConfig site = Rig.site(
                new StrategySpec.Idle(), Rig.battery("bess-1", 1000, 500, 0.6), Rig.battery("bess-2", 1000, 500, 0.6));
        FakeSite fakes = new FakeSite(new ManualClock(Rig.T0), t -> 0, 1, site.batteries());
        EmsConfig ems = Rig.ems(1000, 1, 0, 5000, site);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmsRuntime(
                        site, ems, fakes.units.subList(0, 1), fakes.meter, new MemoryStore(), new ManualClock(Rig.T0)))
                .hasMessage("one battery device per battery of Test site (2) is needed, was 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmsRuntime(
                        site, ems.withCycleMs(5), fakes.units, fakes.meter, new MemoryStore(), new ManualClock(Rig.T0)))
                .hasMessage("cycleMs must be within 10..60000, was 5");
    }

    @Test
    void beforeTheFirstCycleThereIsNothingToShow() {
        try (Rig rig = FailSafeTest.rig(1, 0)) {
            assertThat(rig.runtime.latest()).isNull();
            assertThat(rig.runtime.state()).isEqualTo(EmsState.STARTING);
            assertThat(rig.runtime.timing().cycles()).isZero();
            assertThat(rig.runtime.timing().p99Ms()).isNaN();
            assertThat(rig.runtime.devices().get(0).lastGoodAgeMs()).isNull();
            assertThat(rig.runtime.devices().get(0).lastValues()).isNull();
        }
    }
}
