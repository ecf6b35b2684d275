package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.control.PriceSignals;
import dev.chikuden.fixtures.TwoPriceSite;
import dev.chikuden.optimize.DispatchModel;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A price signalled from outside (an OpenADR PRICE event a fleet passes on) reaches the MPC's plans:
 * on {@link TwoPriceSite}, one night hour priced at 1,000 yen/kWh instead of 10 makes the MPC
 * discharge in it, where without the signal it charges or rests; it replans when the signal arrives.
 */
class PriceSignalsTest {
    @TempDir
    Path dir;

    /** The battery's mean power over {@code [from, to)} in a run of three days, with the signals given. */
    private double meanBatteryKw(List<PriceSignals.Interval> signals, long from, long to) {
        SiteConfig site = TwoPriceSite.days(dir, "[{type: mpc}]");
        RollingHorizonController mpc = new RollingHorizonController(
                SiteDispatch.problem(site, 0),
                Forecaster.perfect(),
                96,
                6,
                null,
                p -> new DispatchModel(p, Solver.HIGHS, true));
        mpc.priceSignals().set(signals);
        TimeGrid grid = SiteModels.timeGrid(site);
        double[] sum = {0};
        int[] n = {0};
        StepSink window = new StepSink() {
            @Override
            public void accept(StepChunk c) {
                for (int i = 0; i < c.count(); i++) {
                    long t = grid.epochMsAt(c.firstStep() + i);
                    if (t >= from && t < to) {
                        sum[0] += c.batteryKw[i];
                        n[0]++;
                    }
                }
            }

            @Override
            public void close() {}
        };
        MpcRuns.run(site, mpc, List.of(window));
        return sum[0] / n[0];
    }

    @Test
    void aSignalledNightPriceMakesTheMpcDischargeInIt() {
        SiteConfig site = TwoPriceSite.days(dir, "[{type: mpc}]");
        long from = ZonedDateTime.of(2025, 6, 3, 5, 0, 0, 0, site.zone())
                .toInstant()
                .toEpochMilli();
        long to = from + 3_600_000;
        double without = meanBatteryKw(List.of(), from, to);
        double with = meanBatteryKw(List.of(new PriceSignals.Interval(from, to, 1000)), from, to);
        assertThat(without).as("the night at 10 yen/kWh: charging or resting").isLessThanOrEqualTo(0);
        assertThat(with).as("the hour at 1,000 yen/kWh: discharging").isGreaterThan(100);
    }

    @Test
    void theSignalsAreReplacedWholeAndAnEqualSetChangesNothing() {
        PriceSignals s = new PriceSignals();
        s.set(List.of(new PriceSignals.Interval(0, 10, 50), new PriceSignals.Interval(5, 20, 70)));
        assertThat(s.yenPerKwhAt(7)).isEqualTo(70); // the last given wins
        assertThat(s.yenPerKwhAt(20)).isNaN();
        long v = s.version();
        s.set(List.of(new PriceSignals.Interval(0, 10, 50), new PriceSignals.Interval(5, 20, 70)));
        assertThat(s.version()).isEqualTo(v);
        s.set(List.of());
        assertThat(s.version()).isEqualTo(v + 1);
        assertThat(s.yenPerKwhAt(7)).isNaN();
    }
}
