package dev.chikuden.optimize;

import dev.chikuden.BadInputException;
import dev.chikuden.market.JepxIntradayCsv;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.site.BillingSpec;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.SeriesCsv;

/**
 * JEPX's intraday (時間前市場) prices beside its day-ahead prices, per LP period, yen/kWh. A period
 * whose slot had no intraday trade (or no day-ahead price) holds NaN: no deviation trades there.
 *
 * @param dayAheadYenPerKwh the day-ahead (spot) area price the position settles at
 * @param intradayYenPerKwh the intraday market's volume-weighted mean price of the slot; NaN where none traded
 */
public record IntradayPrices(double[] dayAheadYenPerKwh, double[] intradayYenPerKwh) {
    public IntradayPrices {
        if (dayAheadYenPerKwh.length != intradayYenPerKwh.length) {
            throw new IllegalArgumentException("one day-ahead and one intraday price per period");
        }
    }

    /** Whether a deviation trades in period {@code t}. */
    public boolean traded(int t) {
        return !Double.isNaN(intradayYenPerKwh[t]) && !Double.isNaN(dayAheadYenPerKwh[t]);
    }

    /** Intraday less day-ahead in period {@code t}, NaN where no deviation trades. */
    public double spreadYenPerKwh(int t) {
        return traded(t) ? intradayYenPerKwh[t] - dayAheadYenPerKwh[t] : Double.NaN;
    }

    /** Periods in which a deviation trades. */
    public int tradedPeriods() {
        int k = 0;
        for (int t = 0; t < intradayYenPerKwh.length; t++) {
            k += traded(t) ? 1 : 0;
        }
        return k;
    }

    /** The site's intraday prices on the periods of {@code p}; null when its {@code prices} section gives none. */
    public static IntradayPrices of(SiteConfig site, DispatchProblem p) {
        BillingSpec b = site.billing();
        if (b == null || b.prices() == null || b.prices().intradayFile() == null) {
            return null;
        }
        PriceSeries dayAhead = SiteModels.prices(site);
        PriceSeries intraday = JepxIntradayCsv.read(b.prices().intradayFile());
        int n = p.periods();
        double[] da = new double[n];
        double[] id = new double[n];
        for (int t = 0; t < n; t++) {
            long at = p.startEpochMs() + t * p.periodMs();
            da[t] = dayAhead.priceAt(at);
            id[t] = intraday.priceAt(at);
        }
        IntradayPrices out = new IntradayPrices(da, id);
        if (out.tradedPeriods() == 0) {
            throw new BadInputException(b.prices().intradayFile() + ": no slot of the study (" + n + " periods from "
                    + SeriesCsv.formatTime(p.startEpochMs(), site.zone())
                    + ") has an intraday price; give the intraday results of the study's year");
        }
        return out;
    }
}
