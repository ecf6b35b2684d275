package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator's setpoint: added right below the backup reserve (on top without one) of a stack
 * without a manual layer, in its place in a stack with one, always within the limits.
 */
class ManualOverrideTest {
    @Test
    void onASiteWithoutAManualLayerTheOverrideGoesOnTopAndExpires() {
        try (Rig rig = FailSafeTest.rig(1, 0)) { // peak shaving would discharge 200 kW
            List<EmsService.StackLayer> stack = rig.runtime.stack();
            assertThat(stack)
                    .extracting(EmsService.StackLayer::name)
                    .containsExactly("battery-limits", "manual", "peak-shaving");
            assertThat(stack.get(1).type()).isEqualTo("manual");
            assertThat(stack.get(1).addedByService()).isTrue();
            assertThat(stack.get(2).type()).isEqualTo("peak-shaving");
            assertThat(stack.get(2).settings()).isEqualTo(new StrategySpec.PeakShaving(900, 700));

            rig.runtime.setManualSetpoint(-120, Rig.T0 + 3000);
            assertThat(rig.runtime.manualSetpoint()).isEqualTo(new ManualSetpoint.Setpoint(-120, Rig.T0 + 3000));
            for (CycleSnapshot s : rig.steps(3)) {
                assertThat(s.setpointKw()).isCloseTo(-120, offset(1e-9));
                assertThat(s.binding()).isEqualTo("manual");
            }
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(-90, offset(1e-9)); // by charge headroom 3 : 1
            CycleSnapshot expired = rig.step(); // at T0 + 3 s
            assertThat(expired.setpointKw()).isCloseTo(200, offset(1e-9));
            assertThat(expired.binding()).isEqualTo("peak-shaving");
            assertThat(rig.runtime.manualSetpoint()).isNull();
        }
    }

    @Test
    void clearingEndsTheOverrideAtOnce() {
        try (Rig rig = FailSafeTest.rig(1, 0)) {
            rig.runtime.setManualSetpoint(50, Rig.T0 + 60_000);
            assertThat(rig.step().setpointKw()).isCloseTo(50, offset(1e-9));
            rig.runtime.clearManualSetpoint();
            assertThat(rig.runtime.manualSetpoint()).isNull();
            assertThat(rig.step().setpointKw()).isCloseTo(200, offset(1e-9));
        }
    }

    @Test
    void theOverrideStaysWithinThePhysicalLimits() {
        try (Rig rig = FailSafeTest.rig(1, 0)) { // 300 + 100 kW
            rig.runtime.setManualSetpoint(5000, Rig.T0 + 60_000);
            CycleSnapshot s = rig.step();
            assertThat(s.setpointKw()).isCloseTo(400, offset(1e-9));
            assertThat(s.binding()).isEqualTo("manual"); // it pushed the window to its edge (the stack's rule)
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(300, offset(1e-9));
            assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(100, offset(1e-9));
        }
    }

    /** The site ranks a backup reserve above the operator: the override cannot spend the reserve. */
    @Test
    void aManualLayerInTheSiteStackIsDrivenWhereItSits() {
        StrategySpec stack = new StrategySpec.Stack(
                Double.POSITIVE_INFINITY,
                List.of(
                        new StrategySpec.BackupReserve(400, 1), // keeps 400 kWh / 0.95 above the floor of a 1 MWh unit
                        new StrategySpec.Manual(),
                        new StrategySpec.DemandLimiter(2000, 0.5, 100)));
        SiteConfig site = Rig.site(stack, Rig.battery("bess-1", 1000, 500, 0.5));
        try (Rig rig = new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> 600)) {
            assertThat(rig.runtime.stack())
                    .extracting(EmsService.StackLayer::name)
                    .containsExactly("battery-limits", "backup-reserve", "manual", "demand-limiter");
            assertThat(rig.runtime.stack()).noneMatch(EmsService.StackLayer::addedByService);
            rig.runtime.setManualSetpoint(500, Rig.T0 + 60_000);
            CycleSnapshot s = rig.step();
            // stored 500 kWh, level 100 + 421.05 kWh: the reserve allows no discharge at all
            assertThat(s.setpointKw()).isCloseTo(0, offset(1e-9));
            assertThat(s.binding()).isEqualTo("backup-reserve");
            rig.runtime.setManualSetpoint(-200, Rig.T0 + 60_000); // charging is always allowed
            assertThat(rig.step().setpointKw()).isCloseTo(-200, offset(1e-9));
        }
    }

    /**
     * A site that ranks a backup reserve but places no manual layer: the service puts the operator's
     * layer right below the reserve, so a discharge request cannot drain it.
     */
    @Test
    void theServicePutsItsManualLayerBelowTheBackupReserve() {
        StrategySpec stack = new StrategySpec.Stack(
                Double.POSITIVE_INFINITY,
                List.of(
                        new StrategySpec.BackupReserve(200, 1), // keeps 200 kWh / 0.95 above the floor of 100 kWh
                        new StrategySpec.DemandLimiter(2000, 0.5, 100)));
        SiteConfig site = Rig.site(stack, Rig.battery("bess-1", 1000, 500, 0.35));
        double levelKwh = 100 + 200 / 0.95;
        try (Rig rig = new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> 600)) {
            assertThat(rig.runtime.stack())
                    .extracting(EmsService.StackLayer::name)
                    .containsExactly("battery-limits", "backup-reserve", "manual", "demand-limiter");
            assertThat(rig.runtime.stack().get(2).addedByService()).isTrue();
            rig.runtime.setManualSetpoint(500, Rig.T0 + 3_600_000);
            List<CycleSnapshot> s = rig.steps(600); // 39.5 kWh above the level: spent within 5 min at 500 kW
            assertThat(s.get(0).setpointKw()).isCloseTo(500, offset(1e-9));
            assertThat(s.get(0).binding()).isEqualTo("manual");
            assertThat(s.get(599).setpointKw()).isCloseTo(0, offset(1e-6));
            assertThat(rig.unit(0).battery.storedEnergyKwh()).isGreaterThanOrEqualTo(levelKwh - 1e-6);
        }
    }

    @Test
    void theSafeStateOverridesTheOperator() {
        try (Rig rig = FailSafeTest.rig(0, 0)) {
            rig.runtime.setManualSetpoint(300, Rig.T0 + 60_000);
            rig.step();
            rig.site.meter.silent = true;
            CycleSnapshot s = rig.step();
            assertThat(s.state()).isEqualTo(EmsState.SAFE);
            assertThat(s.setpointKw()).isZero();
        }
    }

    @Test
    void refusesAnExpiryInThePastAndAPowerThatIsNoNumber() {
        try (Rig rig = FailSafeTest.rig(1, 0)) {
            assertThatThrownBy(() -> rig.runtime.setManualSetpoint(100, Rig.T0))
                    .hasMessageContaining("not in the future");
            assertThatThrownBy(() -> rig.runtime.setManualSetpoint(Double.NaN, Rig.T0 + 1000))
                    .hasMessageContaining("kw");
            assertThat(rig.runtime.manualSetpoint()).isNull();
        }
    }
}
