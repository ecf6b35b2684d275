package dev.chikuden.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControlLoop;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.FrequencyResponse;
import dev.chikuden.control.GridCodeSmoothing;
import dev.chikuden.control.LoadDropAbsorber;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The fast loop's safety, for any chain: loop periods from 10 ms to 1 s, meter and command delays
 * from 0 to 1 s, any converter; any load with jumps and frequency excursions. Every command the
 * fast loop issues stays inside the battery's limits over the fast period (so inside its SOC
 * window) and inside the window the supervisory layer above the fast ones held (as far as the
 * converter's ramp reaches in one fast period: physics first), however the greedy layer below
 * pushes; the SOC never leaves its window. Steps of 10 ms, so every fast
 * command is seen.
 */
class ChainSafetyPropertiesTest {
    static final double EPS = 1e-6;

    /** A supervisory window from the EMS: random bounds, redrawn at each supervisory pass. */
    static final class RandomWindow implements ControlLayer {
        final SplittableRandom r;
        final double scale;
        double lo;
        double hi;

        RandomWindow(SplittableRandom r, double scale) {
            this.r = r;
            this.scale = scale;
        }

        @Override
        public String name() {
            return "window";
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            double a = (r.nextDouble() * 2 - 1) * scale;
            double b = (r.nextDouble() * 2 - 1) * scale;
            lo = Math.min(a, b);
            hi = Math.max(a, b);
            window.narrow(lo, hi);
        }
    }

    /** Asks for far more than any limit, either way, every supervisory pass. */
    static final class Greedy implements ControlLayer {
        final SplittableRandom r;

        Greedy(SplittableRandom r) {
            this.r = r;
        }

        @Override
        public String name() {
            return "greedy";
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.prefer((r.nextBoolean() ? 1 : -1) * 1e12);
        }
    }

    @Property(tries = 10_000)
    void theFastLoopNeverLeavesTheBatteryLimitsOrTheSupervisoryWindow(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long fastMs = 10L * (1 + r.nextInt(100));
        long supervisoryMs = Math.min(1000, fastMs * (1 + r.nextInt(10)));
        supervisoryMs -= supervisoryMs % fastMs;
        long meterMs = 10L * r.nextInt(101);
        long commandMs = 10L * r.nextInt(101);
        double tau = r.nextBoolean() ? 0 : r.nextDouble();
        double energy = 10 + r.nextDouble() * 10_000;
        double power = energy * (0.1 + r.nextDouble() * 4);
        double ramp = r.nextBoolean() ? Double.POSITIVE_INFINITY : power * (0.01 + r.nextDouble() * 10);
        double socMin = r.nextDouble() * 0.3;
        double socMax = 0.7 + r.nextDouble() * 0.3;
        double eta = 0.8 + r.nextDouble() * 0.2;
        BatterySystem battery = new BatterySystem(BatteryParameters.reservoir(
                "p", energy, power, power, eta, eta, socMin, socMax, socMin + r.nextDouble() * (socMax - socMin), 0));
        ControlChain chain =
                new ControlChain(supervisoryMs, fastMs, ControlChain.FastHost.EMS, meterMs, commandMs, tau, ramp);

        RandomWindow window = new RandomWindow(r, power * 1.5);
        List<ControlLayer> layers = new ArrayList<>();
        List<ControlLoop> loops = new ArrayList<>();
        layers.add(window);
        loops.add(ControlLoop.SUPERVISORY);
        if (r.nextBoolean()) {
            layers.add(new LoadDropAbsorber(power * (0.01 + r.nextDouble())));
            loops.add(ControlLoop.FAST);
        }
        if (r.nextBoolean()) {
            layers.add(new GridCodeSmoothing(
                    power * (0.01 + r.nextDouble()),
                    power * 0.05 * r.nextDouble(),
                    1 + r.nextDouble() * 300,
                    0.5,
                    0.1,
                    1));
            loops.add(ControlLoop.FAST);
        }
        if (r.nextBoolean()) {
            layers.add(new FrequencyResponse(60, 0.01, 0.05, power * r.nextDouble()));
            loops.add(ControlLoop.FAST);
        }
        layers.add(new Greedy(r));
        loops.add(ControlLoop.SUPERVISORY);
        ControllerStack stack = new ControllerStack(layers, loops, ramp);
        ChainedControl chained = new ChainedControl(chain, 10, stack);

        long loopMs = stack.hasFastLayers() ? fastMs : supervisoryMs; // no fast layer: no plant loop
        double fastS = loopMs / 1000.0;
        double load = power * (1 + r.nextDouble());
        long t = 1_751_328_000_000L;
        int steps = 100 + r.nextInt(200);
        double last = Double.NaN;
        for (int i = 0; i < steps; i++, t += 10) {
            load = Math.max(0, load + power * 0.02 * r.nextGaussian() + (r.nextInt(50) == 0 ? -load / 2 : 0));
            double hz = 60 + (r.nextInt(30) == 0 ? r.nextGaussian() * 0.3 : 0);
            double lo = -battery.maxChargeKw(fastS);
            double hi = battery.maxDischargeKw(fastS);
            if (!Double.isNaN(last) && ramp < Double.POSITIVE_INFINITY) {
                // the converter's ramp is physics too: the window starts within a period's reach
                double reach = ramp * fastS;
                lo = Math.max(lo, Math.min(hi, last - reach));
                hi = Math.min(hi, Math.max(lo, last + reach));
            }
            boolean fastTick = (i * 10L) % loopMs == 0;
            double asked = chained.step(t, load, 0, hz, t, 0, battery);
            if (fastTick) {
                double issued = chained.issuedKw();
                // the window as PowerWindow resolves it: the physical limits, then the supervisory bounds
                double wLo = Math.max(lo, Math.min(window.lo, hi));
                double wHi = Math.min(hi, Math.max(window.hi, wLo));
                assertThat(issued).as("issued within the battery's limits").isBetween(lo - EPS, hi + EPS);
                assertThat(issued).as("issued within the supervisory window").isBetween(wLo - EPS, wHi + EPS);
                last = issued;
            }
            double applied = battery.apply(asked, 0.01);
            chained.delivered(applied, asked);
            assertThat(battery.soc()).isBetween(socMin - EPS, socMax + EPS);
        }
    }
}
