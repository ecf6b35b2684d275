package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The runtime's safety invariants, for any site the examples' layer types make, any units and any
 * misfortune: whatever the load, the stack, the operator, silent devices, refused writes, faults,
 * derated or lying units, every setpoint written to a unit lies within the limits that unit reported
 * in the reading before it, never discharges a unit at or below its SOC floor nor charges one at or
 * above its ceiling, gives a faulted unit nothing, and no unit leaves its SOC window. Each case draws
 * everything from one seed.
 */
class RuntimeSafetyPropertiesTest {
    static final double EPS = 1e-9;

    @Property(tries = 300)
    void everySetpointIsWithinTheUnitsReportedLimitsAndSocWindow(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(4);
        List<BatteryParameters> batteries = new ArrayList<>();
        double totalPower = 0;
        for (int i = 0; i < n; i++) {
            double energy = 100 + r.nextDouble() * 5000;
            double power = energy * (0.1 + r.nextDouble() * 2);
            double socMin = r.nextDouble() * 0.3;
            double socMax = 0.7 + r.nextDouble() * 0.3;
            double initial = r.nextInt(4) == 0
                    ? (r.nextBoolean() ? socMin : socMax)
                    : socMin + r.nextDouble() * (socMax - socMin);
            double eta = 0.85 + r.nextDouble() * 0.15;
            double aux = r.nextBoolean() ? 0 : power * r.nextDouble() * 0.01;
            batteries.add(BatteryParameters.reservoir(
                    "bess-" + (i + 1), energy, power, power, eta, eta, socMin, socMax, initial, aux));
            totalPower += power;
        }
        double baseLoad = totalPower * (0.5 + r.nextDouble() * 2);
        SiteConfig site = Rig.site(strategy(r, totalPower, baseLoad), batteries.toArray(new BatteryParameters[0]));
        long cycleMs = new long[] {100, 1000, 5000}[r.nextInt(3)];
        // any safe setpoint the rating allows; one beyond it is refused (EmsConfigReaderTest, FailSafeTest)
        double safeKw = r.nextBoolean() ? 0 : (r.nextDouble() * 2 - 1) * totalPower;
        double[] load = {baseLoad};
        try (Rig rig = new Rig(site, Rig.ems(cycleMs, r.nextInt(3), safeKw, 5000, site), t -> load[0])) {
            for (FakeBess u : rig.site.units) {
                u.lies = r.nextInt(4) == 0;
            }
            int cycles = 30 + r.nextInt(60);
            for (int k = 0; k < cycles; k++) {
                load[0] = Math.max(
                        0,
                        load[0]
                                + totalPower * 0.1 * r.nextGaussian()
                                + (r.nextInt(15) == 0 ? (r.nextDouble() * 2 - 1) * totalPower : 0));
                misfortune(r, rig, totalPower);
                rig.step();
                check(rig);
            }
            rig.runtime.close();
            check(rig);
        }
    }

    /** Peak shaving, idle, or any subset of the examples' layer types in any order, with random settings. */
    static StrategySpec strategy(SplittableRandom r, double power, double load) {
        int pick = r.nextInt(6);
        if (pick == 0) {
            double above = load * (0.5 + r.nextDouble());
            return new StrategySpec.PeakShaving(above, above * r.nextDouble());
        }
        if (pick == 1) {
            return new StrategySpec.Idle();
        }
        List<StrategySpec.Layer> all = new ArrayList<>(List.of(
                new StrategySpec.BackupReserve(power * r.nextDouble() * 0.5, r.nextDouble()),
                new StrategySpec.LoadDropAbsorber(power * (0.01 + r.nextDouble())),
                new StrategySpec.DemandLimiter(load * (0.5 + r.nextDouble()), r.nextDouble(), power * r.nextDouble()),
                new StrategySpec.GridCodeSmoothing(
                        power * (0.001 + r.nextDouble()),
                        power * r.nextDouble() * 0.1,
                        1 + r.nextDouble() * 600,
                        r.nextDouble(),
                        r.nextDouble() * 0.3,
                        0.1 + r.nextDouble() * 4),
                new StrategySpec.FrequencyResponse(
                        r.nextDouble() * 0.05, 0.01 + r.nextDouble() * 0.1, power * r.nextDouble()),
                new StrategySpec.Manual()));
        Collections.shuffle(all, new java.util.Random(r.nextLong()));
        List<StrategySpec.Layer> layers = new ArrayList<>(all.subList(0, r.nextInt(all.size() + 1)));
        double ramp = r.nextBoolean() ? Double.POSITIVE_INFINITY : power * (0.001 + r.nextDouble());
        return new StrategySpec.Stack(ramp, layers);
    }

    /** Silences, refusals, faults, alarms, derating, grid trouble and the operator, now and then. */
    static void misfortune(SplittableRandom r, Rig rig, double totalPower) {
        if (r.nextInt(20) == 0) {
            rig.site.meter.silent = !rig.site.meter.silent;
        }
        int f = r.nextInt(30);
        rig.site.meter.frequencyHz = f == 0 ? 0 : f < 4 ? 60 + r.nextGaussian() * 0.3 : 60;
        for (FakeBess u : rig.site.units) {
            if (r.nextInt(20) == 0) {
                u.reads = u.reads == FakeBess.Reads.ANSWER ? FakeBess.Reads.SILENT : FakeBess.Reads.ANSWER;
            }
            if (r.nextInt(25) == 0) {
                u.refuseWrites = !u.refuseWrites;
            }
            if (r.nextInt(25) == 0) {
                u.state = u.state == BatteryUnitState.FAULT ? BatteryUnitState.RUNNING : BatteryUnitState.FAULT;
            }
            if (r.nextInt(25) == 0) {
                u.alarmBits = r.nextBoolean() ? 0 : 1 << r.nextInt(16);
            }
            if (r.nextInt(10) == 0) {
                u.derate = r.nextDouble();
            }
        }
        if (r.nextInt(15) == 0) {
            double kw = (r.nextDouble() * 2 - 1) * totalPower * 2;
            rig.runtime.setManualSetpoint(kw, rig.clock.epochMs() + 1 + r.nextInt(20_000));
        }
    }

    static void check(Rig rig) {
        for (FakeBess u : rig.site.units) {
            for (FakeBess.Write w : u.writes) {
                BessReading seen = w.seen();
                if (seen == null) {
                    assertThat(w.kw())
                            .as("%s: written before any reading", u.name())
                            .isZero();
                    continue;
                }
                assertThat(w.kw())
                        .as("%s at %d: within its reported limits", u.name(), w.epochMs())
                        .isBetween(-seen.maxChargeKw() - EPS, seen.maxDischargeKw() + EPS);
                if (seen.soc() <= seen.socMin()) {
                    assertThat(w.kw())
                            .as("%s: no discharge at its SOC floor", u.name())
                            .isLessThanOrEqualTo(0);
                }
                if (seen.soc() >= seen.socMax()) {
                    assertThat(w.kw())
                            .as("%s: no charge at its SOC ceiling", u.name())
                            .isGreaterThanOrEqualTo(0);
                }
                if (seen.state() == BatteryUnitState.FAULT) {
                    assertThat(w.kw())
                            .as("%s: nothing for a faulted unit", u.name())
                            .isZero();
                }
            }
            u.writes.clear();
            assertThat(u.battery.soc())
                    .as("%s: inside its SOC window", u.name())
                    .isBetween(u.battery.socMin() - 1e-9, u.battery.socMax() + 1e-9);
        }
    }
}
