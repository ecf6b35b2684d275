package dev.chikuden.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainedControlTest {
    static final long T0 = SimulationEngineTest.T0;

    /** A fast layer that asks the battery to carry the whole net load: without lag the grid stays at 0. */
    static final class Cover implements ControlLayer {
        @Override
        public String name() {
            return "cover";
        }

        @Override
        public dev.chikuden.control.ControlLoop loop() {
            return dev.chikuden.control.ControlLoop.FAST;
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.prefer(m.netLoadKw());
        }
    }

    static RecordingSink run(double[] loadKw, long stepMs, ControlChain chain) {
        TimeGrid grid = new TimeGrid(T0, stepMs, loadKw.length, SimulationEngineTest.TOKYO);
        BatterySystem battery = new BatterySystem(BatteryParameters.reservoir("b", 1e6, 1e5, 1e5, 1, 1, 0, 1, 0.5, 0));
        RecordingSink rec = new RecordingSink();
        new SimulationEngine(
                        grid,
                        SimulationEngineTest.series(loadKw),
                        Profile.ZERO,
                        SimulationEngine.STANDARD_AMBIENT,
                        battery,
                        new ControllerStack(List.of(new Cover()), Double.POSITIVE_INFINITY),
                        60,
                        SimulationEngine.DEFAULT_CHUNK,
                        chain)
                .run(List.of(rec));
        return rec;
    }

    /**
     * A load step of X at a step boundary, both loops every 100 ms, 100 ms meter and command delays, a
     * 200 ms converter: the loop acting at the step sees the load 100 ms before it, the next one sees
     * the step, its command arrives 100 ms later, so the battery starts D = 200 ms after the step and
     * follows {@code X (1 - exp(-(t - D) / tau))}. The grid's mean over the first second is
     * {@code X (D + tau (1 - exp(-(1 - D) / tau)))}, over the second {@code X tau exp(-(1 - D) / tau)
     * (1 - exp(-1 / tau))}; the largest 1-s ramp is the first.
     */
    @Test
    void aLoadStepThroughTheChainGivesTheAnalyticGridMeans() {
        double x = 10_000;
        double[] load = new double[20];
        Arrays.fill(load, 10, 20, x);
        double d = 0.2;
        double tau = 0.2;
        RecordingSink r = run(load, 1000, new ControlChain(100, 100, ControlChain.FastHost.EMS, 100, 100, tau, 1e12));
        double first = x * (d + tau * (1 - Math.exp(-(1 - d) / tau)));
        double second = x * tau * Math.exp(-(1 - d) / tau) * (1 - Math.exp(-1 / tau));
        assertThat(r.grid[9]).isCloseTo(0, offset(1e-9));
        assertThat(r.grid[10]).isCloseTo(first, offset(1e-6));
        assertThat(r.grid[11]).isCloseTo(second, offset(1e-6));
        assertThat(r.grid[19]).isCloseTo(0, offset(1e-3));
    }

    /** With a ramp limit binding, the converter ramps straight: 2 MW/s takes a 1 MW command 0.5 s. */
    @Test
    void theConverterRampLimitsTheResponse() {
        double[] load = new double[6];
        Arrays.fill(load, 2, 6, 1000);
        RecordingSink r = run(load, 1000, new ControlChain(100, 100, ControlChain.FastHost.EMS, 0, 100, 0, 2000));
        // command from t0 + 0 (meter delay 0: the loop sees the step it acts in), at the converter 100 ms later;
        // then 0.5 s of ramp (mean 500 kW) and 0.4 s at 1 MW: battery mean 0.25 + 0.4 = 0.65 MW
        assertThat(r.battery[2]).isCloseTo(0.5 * 500 + 0.4 * 1000, offset(1e-6));
        assertThat(r.grid[2]).isCloseTo(1000 - 650, offset(1e-6));
        assertThat(r.battery[3]).isCloseTo(1000, offset(1e-9));
    }

    /** A zero-latency chain is the single-loop study, to the last bit. */
    @Test
    void aZeroLatencyChainIsTheSingleLoopStudy() {
        double[] load = new double[50];
        for (int i = 0; i < load.length; i++) {
            load[i] = 1000 + 400 * Math.sin(i * 0.7) + (i % 7 == 0 ? 300 : 0);
        }
        RecordingSink none = run(load, 1000, null);
        RecordingSink ideal = run(load, 1000, ControlChain.ideal(1000, Double.POSITIVE_INFINITY));
        assertThat(ideal.grid).containsExactly(none.grid);
        assertThat(ideal.battery).containsExactly(none.battery);
    }
}
