package dev.chikuden.optimize.mpc;

import dev.chikuden.BadInputException;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.MarketOffers;
import dev.chikuden.optimize.MarketRevenue;
import dev.chikuden.optimize.PriceForecast;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.site.MarketsSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;
import dev.chikuden.study.MpcLayerProvider;
import java.util.Locale;

/**
 * Builds a site's {@code mpc} layer for the core ({@link MpcLayerProvider}, registered in
 * {@code META-INF/services}): a {@link RollingHorizonController} over the site's dispatch problem
 * at its LP period, solved by its configured solver.
 */
public final class RollingHorizonProvider implements MpcLayerProvider {
    @Override
    public ControlLayer create(SiteConfig site, StrategySpec.Mpc spec) {
        DispatchProblem truth = SiteDispatch.problem(site, 0);
        if (truth.storage() == null) {
            throw new BadInputException(
                    site.source() + ": strategy: the mpc controller plans a battery; add batteries");
        }
        long period = truth.periodMs();
        if (site.study().stepMs() > period) {
            throw new BadInputException(site.source() + ": study.step: the mpc controller follows its plan period by "
                    + "period; use a study step of at most the LP period (" + period / 60_000 + " min)");
        }
        int horizon = (int) Math.round(spec.horizonHours() * 3_600_000 / period);
        int every = (int) (spec.everyMs() / period);
        Solver solver = Solver.valueOf(site.planning().optimize().solver().toUpperCase(Locale.ROOT));
        return new RollingHorizonController(
                truth, forecaster(spec, period), horizon, every, trading(site, spec, truth), solver);
    }

    /** The markets the layer trades: the site's balancing offers and capacity contract, with its price forecast. */
    private static RollingHorizonController.Trading trading(
            SiteConfig site, StrategySpec.Mpc spec, DispatchProblem truth) {
        MarketsSpec markets = site.planning().markets();
        boolean contracted = markets.capacity() != null || markets.longTerm() != null;
        return new RollingHorizonController.Trading(
                MarketOffers.gates(markets, site.zone(), truth.startEpochMs(), truth.periodMs(), truth.periods()),
                PriceForecast.valueOf(spec.prices().name()),
                site.zone(),
                site.billing().prices() != null,
                contracted ? MarketRevenue.paidKw(markets, truth.storage()) : Double.NaN,
                site.source().toString());
    }

    private static Forecaster forecaster(StrategySpec.Mpc spec, long periodMs) {
        if (spec.forecast() == StrategySpec.Mpc.Forecast.PERFECT) {
            return Forecaster.perfect();
        }
        if (spec.forecast() == StrategySpec.Mpc.Forecast.NOISY) {
            return Forecaster.noisy(spec.noiseFraction(), spec.seed());
        }
        return Forecaster.seasonalNaive((int) Math.max(1, 86_400_000 / periodMs));
    }
}
