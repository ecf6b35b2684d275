package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.MeterReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Silent devices, refused writes and unit faults: the safe state, its alarms and the way back. */
class FailSafeTest {
    /** Two units of 300 and 100 kW under peak shaving at 900 kW; the load asks for 200 kW. */
    static Rig rig(int silentCycles, double safeKw) {
        SiteConfig site = Rig.site(
                new StrategySpec.PeakShaving(900, 700),
                Rig.battery("bess-1", 1000, 300, 0.5),
                Rig.battery("bess-2", 400, 100, 0.5));
        return new Rig(site, Rig.ems(1000, silentCycles, safeKw, 5000, site), t -> 1100);
    }

    @Test
    void aStoppedMeterPutsTheSiteInTheSafeStateWithinTwoCycles() {
        try (Rig rig = rig(1, -60)) {
            rig.steps(3);
            assertThat(rig.runtime.state()).isEqualTo(EmsState.RUNNING);
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(150, offset(1e-9));
            rig.site.meter.silent = true;

            CycleSnapshot first = rig.step(); // one miss is allowed with silentCycles = 1
            assertThat(first.state()).isEqualTo(EmsState.RUNNING);
            assertThat(first.binding()).isEqualTo("hold");
            CycleSnapshot second = rig.step();
            assertThat(second.state()).isEqualTo(EmsState.SAFE);
            assertThat(second.binding()).isEqualTo("safe");
            // -60 kW shared by charge headroom 300 : 100
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(-45, offset(1e-9));
            assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(-15, offset(1e-9));
            assertThat(second.setpointKw()).isCloseTo(-60, offset(1e-9));
            assertThat(rig.runtime.alarms(false)).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("device-silent");
                assertThat(a.source()).isEqualTo("meter");
                assertThat(a.message()).contains("127.0.0.1:1502 unit 100", "TimeoutException", "2 cycles");
                assertThat(a.active()).isTrue();
            });
            assertThat(second.activeAlarms()).isEqualTo(1);
        }
    }

    @Test
    void withTheMeterDeadTheSafeStateDischargesNothingUnlessTheSiteFileAllowsIt() {
        try (Rig rig = rig(0, 120)) {
            rig.steps(2);
            rig.site.meter.silent = true;
            CycleSnapshot safe = rig.step();
            assertThat(safe.state()).isEqualTo(EmsState.SAFE);
            assertThat(safe.setpointKw()).isZero();
            assertThat(rig.unit(0).lastWrittenKw()).isZero();
            assertThat(rig.unit(1).lastWrittenKw()).isZero();
            rig.runtime.close(); // the shutdown's safe write: still no reading, still no discharge
            assertThat(rig.unit(0).lastWrittenKw()).isZero();
            assertThat(rig.unit(1).lastWrittenKw()).isZero();
        }
        SiteConfig allowed = Rig.site(
                new StrategySpec.PeakShaving(900, 700),
                Rig.battery("bess-1", 1000, 300, 0.5),
                Rig.battery("bess-2", 400, 100, 0.5));
        EmsConfig base = Rig.ems(1000, 0, 120, 5000, allowed);
        EmsConfig blind = new EmsConfig(
                base.cycleMs(),
                base.silentCycles(),
                base.safeSetpointKw(),
                true,
                base.watchdogMs(),
                base.devices(),
                base.http(),
                base.store(),
                base.auditLog(),
                base.stateDir());
        try (Rig rig = new Rig(allowed, blind, t -> 1100)) {
            rig.steps(2);
            rig.site.meter.silent = true;
            assertThat(rig.step().setpointKw()).isCloseTo(120, offset(1e-9));
        }
    }

    @Test
    void aSafeSetpointBeyondTheRatingIsRefused() {
        SiteConfig s = Rig.site(new StrategySpec.PeakShaving(900, 700), Rig.battery("bess-1", 1000, 300, 0.5));
        assertThatThrownBy(() -> new Rig(s, Rig.ems(1000, 0, 300.5, 5000, s), t -> 1100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rating");
    }

    @Test
    void aStoppedUnitLeavesTheOthersHoldingTheSafeSetpoint() {
        try (Rig rig = rig(1, 120)) {
            rig.steps(2);
            rig.unit(1).reads = FakeBess.Reads.SILENT;
            int writesBefore = rig.unit(1).writeCount();
            rig.steps(2);
            assertThat(rig.runtime.state()).isEqualTo(EmsState.SAFE);
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(120, offset(1e-9)); // all of it: the other is unreachable
            assertThat(rig.unit(1).writeCount()).isEqualTo(writesBefore);
            assertThat(rig.runtime.alarms(false))
                    .extracting(Alarm::code, Alarm::source)
                    .containsExactly(org.assertj.core.api.Assertions.tuple("device-silent", "bess-2"));
        }
    }

    @Test
    void aUnitThatNeverAnswersIsAskedOnceAndGoesSilentAtTheCyclesDeadline() {
        try (Rig rig = rig(1, 0)) {
            rig.step();
            rig.unit(1).reads = FakeBess.Reads.NEVER;
            int before = rig.unit(1).readCalls.get();
            CycleSnapshot first = rig.step();
            assertThat(first.staleDevices()).isEqualTo(1);
            assertThat(first.cycleMs()).isEqualTo(500); // it waited for the read until the deadline, half the cycle
            CycleSnapshot second = rig.step();
            assertThat(second.state()).isEqualTo(EmsState.SAFE);
            assertThat(second.cycleMs()).isZero(); // the open request is not waited for again
            rig.steps(3);
            assertThat(rig.unit(1).readCalls.get() - before)
                    .as("no request piles up behind the open one")
                    .isEqualTo(1);
            assertThat(rig.runtime.alarms(false))
                    .singleElement()
                    .satisfies(a -> assertThat(a.message())
                            .contains("bess-2 at 127.0.0.1:1502 unit 2 silent for 2 cycles: no answer within 500 ms"));
        }
    }

    @Test
    void aMeterReadingZeroHertzIsAGridOutageWhichReleasesTheBackupReserve() {
        StrategySpec stack = new StrategySpec.Stack(
                Double.POSITIVE_INFINITY, List.of(new StrategySpec.BackupReserve(400, 1), new StrategySpec.Manual()));
        SiteConfig site = Rig.site(stack, Rig.battery("bess-1", 1000, 500, 0.5));
        try (Rig rig = new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> 600)) {
            rig.runtime.setManualSetpoint(300, Rig.T0 + 60_000);
            assertThat(rig.step().setpointKw()).isZero(); // the reserve holds
            rig.site.meter.frequencyHz = 0;
            CycleSnapshot outage = rig.step();
            assertThat(outage.state()).isEqualTo(EmsState.RUNNING);
            assertThat(outage.setpointKw()).isCloseTo(300, offset(1e-9));
        }
    }

    @Test
    void withNoSilentCyclesAllowedTheFirstMissIsSafe() {
        try (Rig rig = rig(0, 0)) {
            rig.step();
            rig.site.meter.silent = true;
            assertThat(rig.step().state()).isEqualTo(EmsState.SAFE);
            assertThat(rig.unit(0).lastWrittenKw()).isZero();
        }
    }

    @Test
    void theSiteRecoversWhenTheDeviceAnswersAgainAndKeepsTheAlarmInHistory() {
        try (Rig rig = rig(1, 0)) {
            rig.step();
            rig.site.meter.silent = true;
            rig.steps(3);
            assertThat(rig.runtime.state()).isEqualTo(EmsState.SAFE);
            long raised = rig.runtime.alarms(false).get(0).raisedEpochMs();
            rig.site.meter.silent = false;
            CycleSnapshot back = rig.step();
            assertThat(back.state()).isEqualTo(EmsState.RUNNING);
            assertThat(back.binding()).isEqualTo("peak-shaving");
            assertThat(back.activeAlarms()).isZero();
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(150, offset(1e-9));
            assertThat(rig.runtime.alarms(false)).isEmpty();
            assertThat(rig.runtime.alarms(true)).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("device-silent");
                assertThat(a.active()).isFalse();
                assertThat(a.clearedEpochMs()).isEqualTo(back.epochMs()).isGreaterThan(raised);
            });
        }
    }

    /**
     * Under a converter ramp of 50 kW/s the operator holds 300 kW: the stack climbs 50 kW a cycle.
     * After a safe spell at 0 kW it climbs again from the power the unit really delivers, not from
     * the 300 kW it last commanded (which would be a jump the converter cannot make).
     */
    @Test
    void afterTheSafeStateTheRampResumesFromTheActualPower() {
        SiteConfig site = Rig.site(new StrategySpec.Stack(50, List.of()), Rig.battery("bess-1", 1000, 500, 0.5));
        try (Rig rig = new Rig(site, Rig.ems(1000, 1, 0, 5000, site), t -> 600)) {
            rig.runtime.setManualSetpoint(300, Rig.T0 + 3_600_000);
            double[] climb =
                    rig.steps(7).stream().mapToDouble(CycleSnapshot::setpointKw).toArray();
            assertThat(climb).containsExactly(new double[] {50, 100, 150, 200, 250, 300, 300}, offset(1e-9));
            rig.site.meter.silent = true;
            rig.steps(3);
            assertThat(rig.unit(0).lastWrittenKw()).isZero();
            rig.site.meter.silent = false;
            double[] again =
                    rig.steps(3).stream().mapToDouble(CycleSnapshot::setpointKw).toArray();
            assertThat(again).containsExactly(new double[] {50, 100, 150}, offset(1e-9));
        }
    }

    @Test
    void aRefusedWriteMakesTheSiteSafeInTheSameCycleUntilWritesSucceed() {
        try (Rig rig = rig(1, 40)) {
            rig.step();
            rig.unit(0).refuseWrites = true;
            CycleSnapshot failed = rig.step();
            assertThat(failed.state()).isEqualTo(EmsState.SAFE);
            assertThat(failed.binding()).isEqualTo("safe");
            assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(10, offset(1e-9)); // 40 kW by discharge headroom 3 : 1
            assertThat(rig.runtime.alarms(false)).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("write-failed");
                assertThat(a.source()).isEqualTo("bess-1");
                assertThat(a.message()).contains("127.0.0.1:1502 unit 1", "slave device failure", "150.0 kW");
            });
            assertThat(rig.step().state()).isEqualTo(EmsState.SAFE); // still refused
            rig.unit(0).refuseWrites = false;
            CycleSnapshot accepted = rig.step(); // the safe setpoint is accepted: the alarm clears
            assertThat(accepted.state()).isEqualTo(EmsState.SAFE);
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(30, offset(1e-9));
            assertThat(accepted.activeAlarms()).isZero();
            CycleSnapshot running = rig.step();
            assertThat(running.state()).isEqualTo(EmsState.RUNNING);
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(150, offset(1e-9));
        }
    }

    @Test
    void aMissedReadingIsNaNAndItsLastValueIsNeverUsedAsCurrent() {
        try (Rig rig = rig(2, 0)) {
            CycleSnapshot good = rig.step();
            assertThat(good.gridKw()).isCloseTo(1100, offset(1e-9)); // the battery has not delivered yet
            int writes = rig.unit(0).writeCount();
            rig.site.meter.silent = true;
            CycleSnapshot missed = rig.step();
            assertThat(missed.gridKw()).isNaN();
            assertThat(missed.loadKw()).isNaN();
            assertThat(missed.frequencyHz()).isNaN();
            assertThat(missed.setpointKw()).isNaN();
            assertThat(missed.batteryKw()).isCloseTo(200, offset(1e-9)); // the units did answer
            assertThat(missed.staleDevices()).isEqualTo(1);
            assertThat(missed.binding()).isEqualTo("hold");
            assertThat(rig.unit(0).writeCount()).isEqualTo(writes); // nothing decided on old values
            EmsService.DeviceStatus meter = rig.runtime.devices().get(0);
            assertThat(meter.name()).isEqualTo("meter");
            assertThat(meter.kind()).isEqualTo("meter");
            assertThat(meter.fresh()).isFalse();
            assertThat(meter.consecutiveMisses()).isEqualTo(1);
            assertThat(meter.lastGoodAgeMs()).isEqualTo(1000L);
            assertThat(meter.problem()).contains("TimeoutException");
            assertThat(((MeterReading) meter.lastValues()).gridKw()).isCloseTo(1100, offset(1e-9));

            rig.site.meter.silent = false;
            rig.unit(1).reads = FakeBess.Reads.SILENT;
            CycleSnapshot unitMissed = rig.step();
            assertThat(unitMissed.gridKw()).isCloseTo(900, offset(1e-9)); // fresh again: the battery's 200 kW
            assertThat(unitMissed.batteryKw()).isNaN();
            assertThat(unitMissed.soc()).isNaN();
            assertThat(unitMissed.loadKw()).isNaN();
            assertThat(rig.runtime.devices().get(2).fresh()).isFalse();
            assertThat(rig.runtime.devices().get(2).consecutiveMisses()).isEqualTo(1);
        }
    }

    @Test
    void theServiceStartsOnlyOnceEveryDeviceAnswered() {
        try (Rig rig = rig(3, 0)) {
            rig.site.meter.silent = true;
            for (CycleSnapshot s : rig.steps(3)) {
                assertThat(s.state()).isEqualTo(EmsState.STARTING);
                assertThat(s.binding()).isEqualTo("hold");
            }
            assertThat(rig.unit(0).writeCount()).isZero();
            rig.site.meter.silent = false;
            assertThat(rig.step().state()).isEqualTo(EmsState.RUNNING);
            assertThat(rig.unit(0).writeCount()).isEqualTo(1);
        }
    }

    @Test
    void unitAlarmBitsRaiseAnAlarmAndAFaultedUnitGetsNothing() {
        try (Rig rig = rig(1, 0)) {
            rig.step();
            rig.unit(0).alarmBits = 0x14;
            rig.unit(1).state = BatteryUnitState.FAULT;
            CycleSnapshot s = rig.step();
            assertThat(s.state()).isEqualTo(EmsState.RUNNING);
            assertThat(rig.unit(1).lastWrittenKw()).isZero();
            assertThat(rig.unit(0).lastWrittenKw()).isCloseTo(200, offset(1e-9)); // it takes the whole request
            assertThat(rig.runtime.alarms(false))
                    .extracting(Alarm::code, Alarm::source)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.api.Assertions.tuple("device-alarm", "bess-1"),
                            org.assertj.core.api.Assertions.tuple("device-alarm", "bess-2"));
            assertThat(rig.runtime.alarms(false))
                    .anySatisfy(a -> assertThat(a.message()).contains("0x14"));
            rig.unit(0).alarmBits = 0;
            rig.unit(1).state = BatteryUnitState.RUNNING;
            assertThat(rig.step().activeAlarms()).isZero();
            assertThat(rig.unit(1).lastWrittenKw()).isCloseTo(50, offset(1e-9));
        }
    }
}
