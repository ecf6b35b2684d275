package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatterySystem;
import dev.chikuden.battery.BatteryView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stack supervised in one place (the EMS) and replayed in another (a plant controller's copy of
 * the stack, told over registers): the copy held from the accessors replays as the original does.
 */
class HeldElsewhereTest {
    /** Grid powers in disguise: an import cap of 300 kW and a preferred import of 500 kW. */
    record OnNet(String name) implements ControlLayer {
        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.atMostOnNet(m.netLoadKw() - 300);
            window.preferOnNet(m.netLoadKw() - 500);
        }
    }

    /** A fast layer that only prefers charging (every supervisory preference below replaces it). */
    record Charge(String name) implements ControlLayer {
        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            window.prefer(-200);
        }
    }

    private static ControllerStack stack() {
        return new ControllerStack(
                List.of(new DemandLimiter(600, 0, 0), new Charge("charge"), new OnNet("on-net")),
                List.of(ControlLoop.SUPERVISORY, ControlLoop.FAST, ControlLoop.SUPERVISORY),
                Double.POSITIVE_INFINITY);
    }

    private static Measurements at(double netKw) {
        long t = ControlHarness.START_MS;
        return new Measurements().update(t, 1, netKw, 0, 60, t, 0);
    }

    @Test
    void aCopyHeldFromTheAccessorsReplaysAsTheSupervisedStack() {
        BatterySystem battery = new BatterySystem(ControlHarness.battery(0.5));
        ControllerStack ems = stack();
        ems.supervise(at(700), battery);
        // the demand limiter: at least 700 - 600 on the net; the other layer at most 700 - 300, prefer 700 - 500
        assertThat(ems.heldAtLeastKw(0)).isCloseTo(100, offset(1e-9));
        assertThat(ems.heldOnNetMask(0)).isEqualTo(ControllerStack.ON_NET_AT_LEAST);
        assertThat(ems.heldOnNetMask(2)).isEqualTo(ControllerStack.ON_NET_AT_MOST | ControllerStack.ON_NET_PREFER);
        assertThat(ems.supervisedNetKw()).isEqualTo(700);

        ControllerStack ppc = stack();
        ppc.supervisedNetKw(ems.supervisedNetKw());
        for (int i : new int[] {0, 2}) {
            ppc.hold(i, ems.heldAtLeastKw(i), ems.heldAtMostKw(i), ems.heldPreferKw(i), ems.heldOnNetMask(i));
        }
        ControllerStack stale = stack();
        for (int i : new int[] {0, 2}) {
            stale.hold(i, ems.heldAtLeastKw(i), ems.heldAtMostKw(i), ems.heldPreferKw(i));
        }
        for (double net : new double[] {850, 600, 700}) {
            double expected = ems.fastRequestKw(at(net), battery);
            assertThat(ppc.fastRequestKw(at(net), battery)).as("net %s", net).isCloseTo(expected, offset(1e-9));
        }
        // by hand at 850: at least 250, at most 550, prefer 350 (the last preference) -> 350
        assertThat(ems.fastRequestKw(at(850), battery)).isCloseTo(350, offset(1e-9));
        // held as battery powers they stay where they were: at least 100, at most 400, prefer 200
        assertThat(stale.fastRequestKw(at(850), battery)).isCloseTo(200, offset(1e-9));
    }

    @Test
    void theMaskIsTheFlagOfTheTightestBoundAndTheLastPreference() {
        ControlLayer mixed = new ControlLayer() {
            @Override
            public String name() {
                return "mixed";
            }

            @Override
            public void control(Measurements m, BatteryView battery, PowerWindow window) {
                window.atLeast(50);
                window.atLeastOnNet(20); // looser: the battery-space bound gives the value
                window.atMostOnNet(300);
                window.atMost(400);
                window.preferOnNet(10);
                window.prefer(5);
            }
        };
        ControllerStack s = new ControllerStack(List.of(mixed), Double.POSITIVE_INFINITY);
        s.supervise(at(700), new BatterySystem(ControlHarness.battery(0.5)));
        assertThat(s.heldAtLeastKw(0)).isEqualTo(50);
        assertThat(s.heldAtMostKw(0)).isEqualTo(300);
        assertThat(s.heldPreferKw(0)).isEqualTo(5);
        assertThat(s.heldOnNetMask(0)).isEqualTo(ControllerStack.ON_NET_AT_MOST);
    }
}
