package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.fixtures.TwoPriceSite;
import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.PlanStudy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MPC on {@link TwoPriceSite}, simulated through the planning study as {@code plan} runs it. */
class RollingHorizonControllerTest {
    @TempDir
    Path dir;

    private static double lpBillYen(DispatchProblem p) {
        try (DispatchModel m = new DispatchModel(p, Solver.HIGHS, false)) {
            return m.solve().costs().billYen();
        }
    }

    private PlanStudy.Result plan(String mpcLayer) {
        return PlanStudy.run(TwoPriceSite.days(dir, "[" + mpcLayer + "]"), PlanStudy.SinkFactory.NONE);
    }

    /**
     * Knowing the load and seeing the whole study, replanning every 30 min from the battery's
     * actual state must end where the one LP of the study does. Tolerance: the bill's rounding
     * of each line item to whole yen (the 5-minute steps add nothing: the reservoir is linear).
     */
    @Test
    void aPerfectForecastOverTheWholeStudyEarnsWhatTheStudyLpPlans() {
        PlanStudy.Result r = plan("{type: mpc, horizon: 72 h, forecast: perfect}");
        DispatchProblem study = SiteDispatch.problem(r.site(), 0);
        double lpBill = lpBillYen(study);
        double lpSaving = lpBillYen(study.withStorage(null)) - lpBill;
        assertThat(lpSaving).isGreaterThan(40_000); // about 18 yen on each of some 2,400 kWh discharged
        assertThat((double) r.bills().withBattery().totalYen()).isCloseTo(lpBill, offset(10.0));
        assertThat((double) r.bills().savingYen()).isCloseTo(lpSaving, offset(10.0));
        assertThat(r.withBattery().gridKpis().peakDemand30minKw()).isLessThanOrEqualTo(1000 + 1e-6);
    }

    /**
     * No forecast beats knowing the load (up to the bill's rounding), whatever the noise draws. (The
     * weekdays repeat, so the seasonal-naive forecast is as good as perfect here.)
     */
    @Test
    void aNoisyForecastNeverBeatsThePerfectOne() {
        long perfect = plan("{type: mpc, horizon: 72 h, forecast: perfect}")
                .bills()
                .withBattery()
                .totalYen();
        for (long seed = 1; seed <= 3; seed++) {
            PlanStudy.Result noisy =
                    plan("{type: mpc, horizon: 72 h, forecast: noisy, noise: 10 %, seed: " + seed + "}");
            assertThat(noisy.bills().withBattery().totalYen())
                    .as("seed " + seed)
                    .isGreaterThanOrEqualTo(perfect - 10);
        }
        long naive = plan("{type: mpc, horizon: 24 h, forecast: seasonal-naive}")
                .bills()
                .withBattery()
                .totalYen();
        assertThat(naive).isGreaterThanOrEqualTo(perfect - 10);
    }

    /** The same seed gives the same run. */
    @Test
    void aNoisyRunRepeatsWithItsSeed() {
        String layer = "{type: mpc, horizon: 24 h, every: 1 h, forecast: noisy, noise: 20 %, seed: 5}";
        assertThat(plan(layer).bills().withBattery())
                .isEqualTo(plan(layer).bills().withBattery());
    }

    /** One LP model, updated and re-solved at each of the 144 half-hourly replans of three days. */
    @Test
    void everyReplanReusesTheOneModel() {
        SiteConfig site = TwoPriceSite.days(dir, "[{type: mpc}]");
        int[] built = {0};
        RollingHorizonController mpc = new RollingHorizonController(
                SiteDispatch.problem(site, 0), Forecaster.noisy(0.05, 1), 96, 1, null, p -> {
                    built[0]++;
                    return new DispatchModel(p, Solver.HIGHS, true);
                });
        MpcRuns.run(site, mpc, List.of());
        assertThat(mpc.replans()).isEqualTo(144);
        assertThat(built[0]).isEqualTo(1);
    }
}
