package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.BatteryView;
import org.junit.jupiter.api.Test;

class ScheduleFollowerTest {
    static final long HALF_HOUR_MS = 30 * 60 * 1000L;
    static final long START = ControlHarness.START_MS;

    /** Caps the battery at +/- {@code kw} for the first {@code seconds} of every demand slot. */
    record EarlyCap(double kw, double seconds) implements ControlLayer {
        @Override
        public String name() {
            return "early-cap";
        }

        @Override
        public void control(Measurements m, BatteryView battery, PowerWindow window) {
            if (m.slotElapsedS() < seconds) {
                window.narrow(-kw, kw);
            }
        }
    }

    @Test
    void aPowerScheduleIsFollowedSlotBySlotWithinTheBatteryLimits() {
        long start = START + HALF_HOUR_MS; // the schedule starts half an hour later
        var h = ControlHarness.given(
                        ControlHarness.battery(0.5),
                        new ScheduleFollower(start, HALF_HOUR_MS, new double[] {200, -300, 800}))
                .stepSeconds(60);
        assertThat(h.whenFor(30, 1000)).isZero(); // before the schedule: no preference
        for (double expected : new double[] {200, -300, 500}) {
            for (int i = 0; i < 30; i++) {
                assertThat(h.when(1000)).isCloseTo(expected, offset(1e-9));
            }
        }
        assertThat(h.binding()).isEqualTo(ControllerStack.PHYSICAL); // 800 asked, 500 kW is the battery's limit
        assertThat(h.when(1000)).isZero(); // after the schedule
        // 0.5 - (100 - 150 + 250) kWh / 1000 kWh
        assertThat(h.battery.soc()).isCloseTo(0.3, offset(1e-9));
    }

    @Test
    void anEnergyScheduleMakesUpInTheSlotWhatAHigherLayerCut() {
        var follower = ScheduleFollower.energy(START, HALF_HOUR_MS, new double[] {100, -50});
        var h = ControlHarness.given(ControlHarness.battery(0.5), new EarlyCap(100, 600), follower)
                .stepSeconds(60);
        double slot1Kwh = 0;
        for (int i = 0; i < 30; i++) {
            double b = h.when(1000);
            // capped at 100 kW for 10 min (16.67 kWh), then 83.33 kWh over 20 min
            assertThat(b).isCloseTo(i < 10 ? 100 : 250, offset(1e-9));
            slot1Kwh += b / 60;
        }
        assertThat(slot1Kwh).isCloseTo(100, offset(1e-6));
        double slot2Kwh = 0;
        for (int i = 0; i < 30; i++) {
            slot2Kwh += h.when(1000) / 60;
        }
        assertThat(slot2Kwh).isCloseTo(-50, offset(1e-6)); // the cap (+/-100 kW) allowed -100 kW throughout
    }

    @Test
    void aStepAcrossASlotBoundaryCountsForBothSlots() {
        long slotMs = 25 * 60 * 1000L; // 10 min steps straddle the 25 min slots
        var h = ControlHarness.given(
                        ControlHarness.battery(0.5), ScheduleFollower.energy(START, slotMs, new double[] {100, 100}))
                .stepSeconds(600);
        // 100 kWh over 25 min is 240 kW; the third step puts 20 kWh in each slot, so the fourth
        // step still needs only 80 kWh over the 20 min left: 240 kW again, not 300
        for (int i = 0; i < 4; i++) {
            assertThat(h.when(1000)).isCloseTo(240, offset(1e-9));
        }
    }

    @Test
    void anInfeasibleEnergyIsDeliveredAsFarAsTheBatteryCan() {
        var h = ControlHarness.given(
                        ControlHarness.battery(0.5), ScheduleFollower.energy(START, HALF_HOUR_MS, new double[] {400}))
                .stepSeconds(60);
        assertThat(h.whenFor(30, 1000)).isCloseTo(500, offset(1e-9));
        assertThat(h.battery.soc()).isCloseTo(0.25, offset(1e-9)); // 250 kWh of the 400 asked
    }

    @Test
    void refusesAnEmptySlot() {
        assertThatThrownBy(() -> new ScheduleFollower(0, 0, new double[] {1})).hasMessageContaining("slotMs");
        assertThatThrownBy(() -> ScheduleFollower.energy(0, 1000, new double[] {Double.NaN}))
                .hasMessageContaining("energyKwh[0]");
    }
}
