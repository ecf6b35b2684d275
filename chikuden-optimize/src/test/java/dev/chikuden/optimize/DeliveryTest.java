package dev.chikuden.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plan played through the battery model and billed like the case without battery. */
class DeliveryTest {
    static SiteConfig touWeek() throws URISyntaxException {
        return SiteConfigReader.read(
                Path.of(DeliveryTest.class.getResource("tou-week.yaml").toURI()));
    }

    @Test
    void aReservoirBatteryDeliversWhatTheLpSaid() throws Exception {
        Optimization o = Optimization.of(touWeek(), 0, Solver.HIGHS, true, null, null);
        // The LP is exact for a reservoir: what is left is the bills' contracts rounded up to whole kW (a kW
        // costs about 430 yen that week) and their lines to whole yen.
        assertThat(o.delivery().savingYen()).isCloseTo(o.lpSavingYen(), within(500.0));
        assertThat(o.delivery().endStoredKwh()).isCloseTo(o.delivery().plannedEndStoredKwh(), within(0.1));
        assertThat(o.delivery().monthlyPeakKw()).containsExactly(o.plan().monthPeakKw(), within(0.1));
        // The battery did work: it shaved the peak and moved energy into the night band.
        assertThat(o.delivery().scheduledKwh()).isGreaterThan(5_000);
        assertThat(o.plan().contractKw()).isLessThan(o.baseline().bill().contractKw() - 100);
        assertThat(o.lpSavingYen()).isPositive();
    }

    @Test
    void theBillWithoutBatteryIsTheBaselinesAndTheLpsOwnIsCloseToIt() throws Exception {
        Optimization o = Optimization.of(touWeek(), 0, Solver.HIGHS, false, null, null);
        assertThat(o.delivery()).isNull();
        // the LP prices the same slots at the same rates: the bill's rounding and the contract's whole kW apart
        assertThat(o.lpWithoutBattery().costs().billYen())
                .isCloseTo(o.baseline().bill().totalYen(), within(5_000.0));
    }

    /** A step of the follower from the battery's stored energy, with nothing above it. */
    private static double request(PlanFollower f, BatterySystem b, long epochMs) {
        PowerWindow w = new PowerWindow();
        f.control(new Measurements().update(epochMs, 60, 0, 0, 60, epochMs, 0), b, w);
        return w.preferredKw();
    }

    @Test
    void theFollowerClosesAShareOfTheGapToThePlansStoredEnergy() {
        // the plan: idle, 500 kWh stored; the battery holds 400 kWh (lossless): a quarter of 100 kWh in 30 min
        BatterySystem b = new BatterySystem(BatteryParameters.reservoir("b", 1000, 500, 500, 1, 1, 0, 1, 0.4, 0));
        PlanFollower f = new PlanFollower(0, 1_800_000, new double[] {0, 0}, new double[] {500, 500}, 500, 0.25, 1, 1);
        assertThat(request(f, b, 0)).isCloseTo(-25 / 0.5, within(1e-9));
        PlanFollower none = new PlanFollower(0, 1_800_000, new double[] {0, 0}, new double[] {500, 500}, 500, 0, 1, 1);
        assertThat(request(none, b, 0)).isZero();
    }

    @Test
    void aLimiterBehindTheLowPassSeesTheLoadsTrendNotItsSwings() {
        double[] seen = new double[1];
        ControlLayer probe = new ControlLayer() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public void control(Measurements m, dev.chikuden.battery.BatteryView battery, PowerWindow window) {
                seen[0] = m.loadKw();
            }
        };
        LowPassView view = new LowPassView(probe, 10);
        Measurements m = new Measurements();
        for (int i = 0; i < 600; i++) {
            view.control(m.update(i * 1000L, 1, i % 2 == 0 ? 1200 : 800, 0, 60, 0, 0), null, new PowerWindow());
        }
        assertThat(seen[0]).isCloseTo(1000, within(60.0)); // a 400 kW swing every second, filtered to its mean
    }
}
