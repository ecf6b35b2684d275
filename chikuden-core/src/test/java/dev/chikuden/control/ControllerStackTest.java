package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryView;
import org.junit.jupiter.api.Test;

class ControllerStackTest {
    /** A layer that only prefers a power. */
    record Prefer(String name, double kw) implements ControlLayer {
        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.prefer(kw);
        }
    }

    /** A layer that only narrows the window. */
    record Narrow(String name, double lo, double hi) implements ControlLayer {
        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.narrow(lo, hi);
        }
    }

    @Test
    void aLowerLayersPreferenceIsClampedIntoWhatHigherLayersAllow() {
        var h = ControlHarness.given(
                ControlHarness.battery(0.5), new Narrow("cap", -100, 200), new Prefer("want", 400));
        assertThat(h.when(1000)).isCloseTo(200, offset(1e-9));
        assertThat(h.binding()).isEqualTo("cap");
    }

    @Test
    void aHigherLayerWinsWhenTwoNarrowingsConflict() {
        // the upper layer allows 0..100 kW, the lower asks for at least 300: the window stays at 100
        var h = ControlHarness.given(
                ControlHarness.battery(0.5),
                new Narrow("upper", 0, 100),
                new Narrow("lower", 300, 400),
                new Prefer("want", 0));
        assertThat(h.when(1000)).isCloseTo(100, offset(1e-9));
        assertThat(h.binding()).isEqualTo("lower"); // the lower layer pushed as far as it could
    }

    @Test
    void listsItsLayersHighestPriorityFirstAndTheyCannotBeChanged() {
        var cap = new Narrow("cap", -100, 200);
        var want = new Prefer("want", 400);
        var stack = new ControllerStack(java.util.List.of(cap, want), Double.POSITIVE_INFINITY);
        assertThat(stack.layers()).containsExactly(cap, want);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stack.layers().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void thePhysicalLimitsBindWhenEveryoneAsksForMore() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new Prefer("greedy", 5000));
        assertThat(h.when(1000)).isCloseTo(500, offset(1e-9));
        assertThat(h.binding()).isEqualTo(ControllerStack.PHYSICAL);
    }

    @Test
    void theLastPreferenceCountsAndNoPreferenceMeansRest() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new Prefer("first", 100), new Prefer("second", -50));
        assertThat(h.when(1000)).isCloseTo(-50, offset(1e-9));
        assertThat(h.binding()).isEqualTo("second");
        var idle = ControlHarness.given(ControlHarness.battery(0.5), new Narrow("n", -100, 100));
        assertThat(idle.when(1000)).isZero();
    }

    /** Prefers the given powers, one per step. */
    static final class Script implements ControlLayer {
        private final double[] kw;
        private int i;

        Script(double... kw) {
            this.kw = kw;
        }

        @Override
        public String name() {
            return "script";
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.prefer(kw[Math.min(i++, kw.length - 1)]);
        }
    }

    @Test
    void theConverterRampLimitsHowFastThePowerChanges() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), 50, new Script(0, 500, 500, -500));
        assertThat(h.when(1000)).isZero();
        assertThat(h.when(1000)).isCloseTo(50, offset(1e-9)); // 50 kW/s over a 1 s step
        assertThat(h.binding()).isEqualTo(ControllerStack.PHYSICAL);
        assertThat(h.when(1000)).isCloseTo(100, offset(1e-9));
        assertThat(h.when(1000)).isCloseTo(50, offset(1e-9));
    }

    @Test
    void bindingSharesAddUpToOne() {
        var h = ControlHarness.given(
                ControlHarness.battery(0.5), new Narrow("cap", -100, 200), new Prefer("want", 150));
        h.whenFor(10, 1000);
        h.stack.requestKw(new Measurements().update(0, 1, 0, 0, 60, 0, 0), h.battery);
        double sum = h.stack.bindingShare().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(sum).isCloseTo(1, offset(1e-12));
    }
}
