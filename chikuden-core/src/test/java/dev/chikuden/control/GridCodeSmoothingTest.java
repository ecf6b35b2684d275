package dev.chikuden.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class GridCodeSmoothingTest {
    /** 100 kW/s, ±50 kW, 60 s filter, SOC 50 % ± 10 %, recovered over 1 h. */
    static GridCodeSmoothing smoothing(double maxRampKwPerS) {
        return new GridCodeSmoothing(maxRampKwPerS, 50, 60, 0.5, 0.1, 1);
    }

    @Test
    void aSquareWaveReachesTheGridAsASmallRipple() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), smoothing(100));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double lastGrid = Double.NaN;
        for (int i = 0; i < 600; i++) { // 1,000 kW ± 300 kW at 0.5 Hz, 1 s steps, 10 minutes
            h.when(i % 2 == 0 ? 1300 : 700);
            if (i > 0) {
                assertThat(Math.abs(h.lastGridKw - lastGrid)).isLessThanOrEqualTo(100);
            }
            lastGrid = h.lastGridKw;
            if (i >= 480) { // 8 filter time constants: the start at 1,300 kW has faded to 0.1 kW
                min = Math.min(min, h.lastGridKw);
                max = Math.max(max, h.lastGridKw);
            }
        }
        // steady state: the filter moves a = 1 - exp(-1/60) of the gap a step and alternates between
        // 1000 ± d with 2d = a (300 + d), d = 300 a / (2 - a) = 2.50 kW
        double a = 1 - Math.exp(-1 / 60.0);
        double d = 300 * a / (2 - a);
        assertThat(max - min).isCloseTo(2 * d, offset(0.1)).isLessThanOrEqualTo(2 * 50);
        assertThat((max + min) / 2).isCloseTo(1000, offset(0.2));
    }

    @Test
    void aLoadStepReachesTheGridAtTheRampLimit() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), smoothing(2));
        h.whenFor(10, 1000);
        assertThat(h.lastGridKw).isEqualTo(1000);
        // the filter would move 400 (1 - exp(-k/60)) kW: 6.6 kW in the first second, still 67 kW
        // ahead of the ramp at 150 s; the target climbs 2 kW a second
        for (int k = 1; k <= 150; k++) {
            h.when(1400);
            assertThat(h.lastGridKw).isCloseTo(1000 + 2 * k, offset(1e-9));
            assertThat(h.lastBatteryKw).isCloseTo(400 - 2 * k, offset(1e-9));
        }
        assertThat(h.binding()).isEqualTo("grid-code-smoothing");
    }

    @Test
    void theBatteryLimitsStillBoundEverything() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), smoothing(100));
        h.when(1000);
        assertThat(h.when(1800)).isCloseTo(500, offset(1e-9)); // wants 800 - 13 kW, may give 500
        assertThat(h.lastGridKw).isCloseTo(1300, offset(1e-9));
        assertThat(h.binding()).isEqualTo(ControllerStack.PHYSICAL);
        var empty = ControlHarness.given(ControlHarness.battery(0), smoothing(100));
        empty.when(1000);
        assertThat(empty.when(1800)).isZero();
        assertThat(empty.lastGridKw).isEqualTo(1800);
    }

    @Test
    void aTooFullBatteryIsDischargedBackTowardsTheTarget() {
        // bias 0.4 x 1,000 kWh / 1 h = 400 kW through the 60 s filter: soc' = -y / 1 h, y' = (x - y) / 60 s
        // for x = soc - 0.5; roots s = (-1 ± sqrt(1 - 4 x 60 / 3600)) / 120 = -2.826e-4, -1.638e-2 per s;
        // from x = 0.4, y = 0: x(t) = 0.40702 exp(-2.826e-4 t) - 0.00702 exp(-1.638e-2 t)
        var h = ControlHarness.given(ControlHarness.battery(0.9), smoothing(100))
                .stepSeconds(10);
        h.whenFor(360, 1000);
        assertThat(h.battery.soc()).isCloseTo(0.5 + 0.40702 * Math.exp(-2.826e-4 * 3600), offset(0.002)); // 0.647
        assertThat(h.lastBatteryKw).isGreaterThan(0);
        // recovery goes on inside the band, to the target
        h.whenFor(360, 1000);
        assertThat(h.battery.soc()).isCloseTo(0.5 + 0.40702 * Math.exp(-2.826e-4 * 7200), offset(0.002)); // 0.553
    }

    @Test
    void aTooEmptyBatteryIsChargedBackTowardsTheTarget() {
        var h = ControlHarness.given(ControlHarness.battery(0.1), smoothing(100))
                .stepSeconds(10);
        h.whenFor(360, 1000);
        assertThat(h.battery.soc()).isCloseTo(0.5 - 0.40702 * Math.exp(-2.826e-4 * 3600), offset(0.002)); // 0.353
        assertThat(h.lastGridKw).isGreaterThan(1000);
    }

    @Test
    void insideTheBandTheSocIsLeftAlone() {
        var h = ControlHarness.given(ControlHarness.battery(0.59), smoothing(100))
                .stepSeconds(10);
        assertThat(h.whenFor(360, 1000)).isZero();
        assertThat(h.battery.soc()).isCloseTo(0.59, offset(1e-12));
    }

    @Test
    void aRequestThatIsNeverAppliedLeavesTheFilterAlone() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), smoothing(100));
        h.whenFor(5, 1000);
        h.stack.requestKw(new Measurements().update(0, 1, 5000, 0, 60, 0, 0), h.battery);
        h.when(1000);
        assertThat(h.lastGridKw).isEqualTo(1000);
    }

    @Test
    void anOutageSuspendsItAndItRestartsFromTheNetLoad() {
        var h = ControlHarness.given(ControlHarness.battery(0.5), smoothing(100));
        h.whenFor(5, 1000);
        h.gridAvailable(false);
        assertThat(h.when(1300)).isZero();
        h.gridAvailable(true);
        assertThat(h.when(700)).isZero();
        assertThat(h.when(1000)).isCloseTo(1000 - (700 + 300 * (1 - Math.exp(-1 / 60.0))), offset(1e-9));
    }

    @Test
    void refusesSettingsOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new GridCodeSmoothing(0, 50, 60, 0.5, 0.1, 1)).hasMessageContaining("maxRampKwPerS");
        assertThatThrownBy(() -> new GridCodeSmoothing(1, -1, 60, 0.5, 0.1, 1)).hasMessageContaining("toleranceKw");
        assertThatThrownBy(() -> new GridCodeSmoothing(1, 50, 0, 0.5, 0.1, 1)).hasMessageContaining("filterSeconds");
        assertThatThrownBy(() -> new GridCodeSmoothing(1, 50, 60, 1.5, 0.1, 1)).hasMessageContaining("socTarget");
        assertThatThrownBy(() -> new GridCodeSmoothing(1, 50, 60, 0.5, Double.NaN, 1))
                .hasMessageContaining("socBand");
        assertThatThrownBy(() -> new GridCodeSmoothing(1, 50, 60, 0.5, 0.1, 0))
                .hasMessageContaining("socRecoveryHours");
    }
}
