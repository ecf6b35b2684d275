package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.Battery;
import org.junit.jupiter.api.Test;

class DemandLimiterTest {
    static final double STEP_S = 10;
    static final int SLOT_STEPS = 180; // 30 min of 10 s steps

    /** Imported energy of the steps run through {@link #step}, as the demand meter counts it. */
    double importKwh;

    double elapsedS;

    double step(ControlHarness h, double loadKw, double pvKw) {
        double b = h.when(loadKw, pvKw);
        importKwh += Math.max(0, h.lastGridKw) * STEP_S / 3600;
        elapsedS += STEP_S;
        return b;
    }

    double step(ControlHarness h, double loadKw) {
        return step(h, loadKw, 0);
    }

    double slotMeanKw() {
        return importKwh / 0.5;
    }

    @Test
    void aSlotThatWouldExceedTheTargetEndsOnIt() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new DemandLimiter(1000, 0, 0))
                .stepSeconds(STEP_S);
        for (int i = 0; i < 60; i++) {
            assertThat(step(h, 800)).isZero(); // under the target: it banks headroom, no discharge
        }
        for (int i = 0; i < 120; i++) {
            step(h, i % 2 == 0 ? 1500 : 1300); // unpredictable in the limiter's eyes
        }
        // 800 kW for 10 min leaves (500 - 133.33) kWh for 20 min: 1100 kW may still be imported
        assertThat(h.lastGridKw).isCloseTo(1100, offset(1e-6));
        assertThat(h.lastBatteryKw).isCloseTo(200, offset(1e-6));
        assertThat(slotMeanKw()).isCloseTo(1000, offset(1e-6));
    }

    @Test
    void aSlotAlreadyUnderTheTargetIsLeftAlone() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new DemandLimiter(1000, 0.5, 300))
                .stepSeconds(STEP_S);
        for (int i = 0; i < SLOT_STEPS; i++) {
            assertThat(step(h, 900)).isZero();
        }
        assertThat(slotMeanKw()).isCloseTo(900, offset(1e-9));
    }

    @Test
    void aHandComputedStep() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), new DemandLimiter(1000, 0, 0))
                .stepSeconds(STEP_S);
        h.whenFor(60, 700); // 10 min at 700 kW: 116.67 kWh imported
        // 1500 - (1000 x 0.5 - 700 x 10/60) / (20/60) = 1500 - 1150
        assertThat(h.when(1500)).isCloseTo(350, offset(1e-9));
        assertThat(h.binding()).isEqualTo("demand-limiter");
    }

    @Test
    void rechargeUsesOnlyTheSlotsHeadroom() {
        var h = ControlHarness.given(ControlHarness.battery(0.2), new DemandLimiter(1000, 0.9, 400))
                .stepSeconds(STEP_S);
        double[] loads = {800, 950, 500};
        double[] charges = {-200, -50, -400}; // the headroom, then maxRechargeKw
        for (int phase = 0; phase < 3; phase++) {
            for (int i = 0; i < 60; i++) {
                assertThat(step(h, loads[phase])).isCloseTo(charges[phase], offset(1e-6));
                assertThat(importKwh).isLessThanOrEqualTo(1000 * elapsedS / 3600 + 1e-9);
            }
        }
        // (1000 x 20 min + 900 x 10 min) / 30 min
        assertThat(slotMeanKw()).isCloseTo(966.6666667, offset(1e-6));
        assertThat(h.battery.soc()).isCloseTo(0.2 + (200 + 50 + 400) / 6.0 / 1000, offset(1e-9));
    }

    @Test
    void rechargeStopsAtTheSocTargetWithinALongStep() {
        var h = ControlHarness.given(ControlHarness.battery(0.895), new DemandLimiter(1000, 0.9, 400))
                .stepSeconds(600);
        // 5 kWh to the target over a 10 min step: 30 kW, not 400
        assertThat(h.when(500)).isCloseTo(-30, offset(1e-9));
        assertThat(h.when(500)).isCloseTo(0, offset(1e-9));
    }

    @Test
    void aSlotAlreadyOverTheTargetAsksForZeroImportNotExport() {
        var limiter = new DemandLimiter(1000, 0, 0);
        var window = new PowerWindow();
        window.reset(-500, 500, 0);
        window.at(1);
        // 20 min into a slot that already imported 600 kWh (more than 1000 kW x 0.5 h); net load 300 kW
        var m = new Measurements().update(1_200_000, 10, 800, 500, 60, 0, 600);
        limiter.control(m, Battery.NONE, window);
        assertThat(window.minKw()).isEqualTo(300);
    }

    @Test
    void theLimiterOutranksALowerSchedule() {
        // the schedule would charge 400 kW all slot long
        var schedule = new ScheduleFollower(ControlHarness.START_MS, 30 * 60 * 1000L, new double[] {-400});
        var h = ControlHarness.given(ControlHarness.battery(0.5), new DemandLimiter(1000, 0, 0), schedule)
                .stepSeconds(STEP_S);
        for (int i = 0; i < 90; i++) {
            assertThat(step(h, 1300)).isCloseTo(300, offset(1e-6)); // discharges, though the schedule says charge
            assertThat(h.binding()).isEqualTo("demand-limiter");
        }
        for (int i = 0; i < 90; i++) {
            assertThat(step(h, 800)).isCloseTo(-200, offset(1e-6)); // the schedule's charge, cut to the headroom
            assertThat(h.binding()).isEqualTo("demand-limiter");
        }
        assertThat(slotMeanKw()).isCloseTo(1000, offset(1e-6));
    }

    @Test
    void aMonthlyTargetHoldsEachSlotAtTheTargetOfTheMonthItStartsIn() {
        // the "month" changes at the second slot's start; a lossless battery with room for both slots
        long slotMs = 30 * 60 * 1000L;
        var limiter = DemandLimiter.monthly(
                new long[] {ControlHarness.START_MS, ControlHarness.START_MS + slotMs},
                new double[] {1000, 1200},
                0,
                0);
        var h = ControlHarness.given(ControlHarness.battery(0.9), limiter).stepSeconds(STEP_S);
        for (int i = 0; i < SLOT_STEPS; i++) {
            assertThat(step(h, 1300)).isCloseTo(300, offset(1e-6));
        }
        for (int i = 0; i < SLOT_STEPS; i++) {
            assertThat(step(h, 1300)).isCloseTo(100, offset(1e-6));
        }
    }

    @Test
    void monthlyTargetsMustAscendInTime() {
        assertThatThrownBy(() -> DemandLimiter.monthly(new long[] {2, 1}, new double[] {1, 1}, 0, 0))
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> DemandLimiter.monthly(new long[] {1}, new double[] {1, 2}, 0, 0))
                .hasMessageContaining("one target per instant");
    }

    @Test
    void refusesANegativeTarget() {
        assertThatThrownBy(() -> new DemandLimiter(-1, 0.5, 100)).hasMessageContaining("targetKw");
        assertThatThrownBy(() -> new DemandLimiter(1000, 1.5, 100)).hasMessageContaining("rechargeSocTarget");
    }
}
