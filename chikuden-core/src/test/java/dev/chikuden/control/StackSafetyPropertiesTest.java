package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.time.HalfHourDemandMeter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The safety invariants of any controller stack, for any configuration and any load: the battery
 * stays inside its power limits and its converter's ramp capability, its SOC inside its window,
 * the backup reserve is never entered while the grid is there, and energy is conserved. Each case
 * draws a battery, a stack (any subset and order of the seven layers, the reserve first when
 * present), a step, a load with jumps, frequency excursions and outages from one seed.
 */
class StackSafetyPropertiesTest {
    static final double EPS = 1e-6;

    @Property(tries = 10_000)
    void noStackLeavesTheBatteryLimitsTheRampOrTheReserve(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double energy = 100 + r.nextDouble() * 10_000;
        double power = energy * (0.1 + r.nextDouble() * 2);
        double socMin = r.nextDouble() * 0.3;
        double socMax = 0.7 + r.nextDouble() * 0.3;
        double initial = socMin + r.nextDouble() * (socMax - socMin);
        double aux = r.nextBoolean() ? 0 : power * r.nextDouble() * 0.01;
        double eta = 0.8 + r.nextDouble() * 0.2;
        BatterySystem battery = new BatterySystem(
                BatteryParameters.reservoir("p", energy, power, power, eta, eta, socMin, socMax, initial, aux));
        double stepS = new double[] {0.1, 1, 10, 60, 900}[r.nextInt(5)];
        double ramp = r.nextBoolean() ? Double.POSITIVE_INFINITY : power * (0.001 + r.nextDouble());
        double load = power * (1 + 2 * r.nextDouble());

        BackupReserve reserve =
                r.nextBoolean() ? new BackupReserve(power * r.nextDouble() * 0.5, r.nextDouble()) : null;
        List<ControlLayer> layers = randomLayers(r, power, load);
        if (reserve != null) {
            layers.add(0, reserve);
        }
        ControllerStack stack = new ControllerStack(layers, ramp);

        Measurements m = new Measurements();
        HalfHourDemandMeter demand = new HalfHourDemandMeter(ZoneId.of("Asia/Tokyo"));
        long t = 1_751_328_000_000L;
        double lastApplied = Double.NaN;
        int steps = 20 + r.nextInt(150);
        boolean grid = true;
        for (int i = 0; i < steps; i++) {
            load = Math.max(
                    0, load + power * 0.05 * r.nextGaussian() + (r.nextInt(20) == 0 ? -power * r.nextDouble() : 0));
            if (r.nextInt(30) == 0) {
                grid = !grid;
            }
            double hz = 60 + (r.nextInt(4) == 0 ? r.nextGaussian() * 0.2 : 0);
            boolean same = t < demand.slotEndEpochMs() && t >= demand.slotStartEpochMs();
            m.update(t, stepS, load, 0, hz, same ? demand.slotStartEpochMs() : t, same ? demand.slotImportKwh() : 0)
                    .gridAvailable(grid);

            double physicalLo = -battery.maxChargeKw(stepS);
            double physicalHi = battery.maxDischargeKw(stepS);
            double levelKwh = reserve == null
                    ? Double.NEGATIVE_INFINITY
                    : battery.socMin() * battery.capacityKwh() + reserve.reserveKwh();
            double storedBefore = battery.storedEnergyKwh();

            double request = stack.requestKw(m, battery);
            assertThat(request).isBetween(physicalLo - EPS, physicalHi + EPS);
            if (!Double.isNaN(lastApplied) && ramp < Double.POSITIVE_INFINITY) {
                double reach = ramp * stepS;
                boolean bandPossible = lastApplied + reach >= physicalLo && lastApplied - reach <= physicalHi;
                if (bandPossible) {
                    assertThat(Math.abs(request - lastApplied)).isLessThanOrEqualTo(reach + EPS * Math.max(1, reach));
                }
            }
            double applied = battery.apply(request, stepS);
            stack.applied(applied, m);
            assertThat(applied).isBetween(-power - aux - EPS, power - aux + EPS);
            assertThat(battery.soc()).isBetween(socMin - 1e-9, socMax + 1e-9);
            if (reserve != null && grid) {
                double storedAfter = battery.storedEnergyKwh();
                boolean held = storedAfter >= levelKwh - EPS || storedAfter >= storedBefore - EPS;
                if (ramp == Double.POSITIVE_INFINITY) {
                    // never into the reserve: still at or above its level, or not lower than before
                    assertThat(held)
                            .as(
                                    "step %d: stored %.6f -> %.6f, reserve level %.6f",
                                    i, storedBefore, storedAfter, levelKwh)
                            .isTrue();
                } else if (!held) {
                    // a converter still ramping down may overrun the level: only as far as its ramp forces
                    double lowest = Math.max(physicalLo, lastApplied - ramp * stepS);
                    assertThat(request)
                            .as("step %d: entering the reserve beyond what the ramp forces", i)
                            .isLessThanOrEqualTo(Math.max(-battery.auxiliaryKw(), lowest) + EPS);
                }
            }
            demand.add(t, Math.round(stepS * 1000), load - applied);
            t += Math.round(stepS * 1000);
            lastApplied = applied;
        }
        BatteryLedger l = battery.ledger();
        assertThat(l.acChargedKwh() - l.acDischargedKwh() - l.conversionLossKwh() - l.fadeKwh())
                .isCloseTo(l.storedEndKwh() - l.storedStartKwh(), offset(1e-9 * Math.max(1, l.throughputKwh())));
    }

    /** Any subset of the other six layers, in any order, with random settings. */
    static List<ControlLayer> randomLayers(SplittableRandom r, double power, double load) {
        List<ControlLayer> all = new ArrayList<>();
        all.add(new LoadDropAbsorber(power * (0.01 + r.nextDouble())));
        all.add(new GridCodeSmoothing(
                power * (0.001 + r.nextDouble()),
                power * r.nextDouble() * 0.1,
                1 + r.nextDouble() * 600,
                r.nextDouble(),
                r.nextDouble() * 0.3,
                0.1 + r.nextDouble() * 4));
        all.add(new DemandLimiter(load * (0.5 + r.nextDouble()), r.nextDouble(), power * r.nextDouble()));
        all.add(new FrequencyResponse(60, r.nextDouble() * 0.05, 0.01 + r.nextDouble() * 0.1, power * r.nextDouble()));
        double[] schedule = new double[8];
        for (int i = 0; i < schedule.length; i++) {
            schedule[i] = (r.nextDouble() * 2 - 1) * power * 1.5;
        }
        all.add(new ScheduleFollower(1_751_328_000_000L, 60_000, schedule));
        ManualSetpoint manual = new ManualSetpoint();
        manual.set((r.nextDouble() * 2 - 1) * power * 2, 1_751_328_000_000L + r.nextInt(600_000));
        all.add(manual);
        // the fleet may ask anything, even past the battery's rating; the stack must not follow it there
        FleetRequest fleet = new FleetRequest(r.nextDouble() * 100, load * (0.5 + r.nextDouble()));
        fleet.recordOffers();
        fleet.set(1, (r.nextDouble() * 2 - 1) * power * 3, 1_751_328_000_000L + r.nextInt(600_000));
        all.add(fleet);
        Collections.shuffle(all, new java.util.Random(r.nextLong()));
        return new ArrayList<>(all.subList(0, r.nextInt(all.size() + 1)));
    }
}
