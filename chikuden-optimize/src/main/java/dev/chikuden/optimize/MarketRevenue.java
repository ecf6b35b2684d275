package dev.chikuden.optimize;

import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.site.MarketsSpec;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a plan earns in each market, recomputed from the plan (not from the LP's objective):
 * energy (the energy bought and sold against the same site without battery), each balancing product
 * (capacity at its price, expected activation energy at the upward price), the capacity market
 * (the contracted kW at its yen per kW-year, pro rata over the study) or, with a long-term auction
 * won, that auction's fixed revenue in its place (it is paid through the capacity market) less the
 * share of the energy and balancing revenue it returns.
 *
 * @param byMarket  market to yen: energy, balancing, capacity, longTermAuction
 * @param byProduct balancing product to yen
 * @param byMonth   month to market to yen
 */
public record MarketRevenue(
        Map<String, Double> byMarket, Map<String, Double> byProduct, Map<YearMonth, Map<String, Double>> byMonth) {
    public static final String ENERGY = "energy";
    public static final String CAPACITY = "capacity";
    public static final String LONG_TERM = "longTermAuction";

    public double totalYen() {
        return byMarket.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public static MarketRevenue of(
            DispatchProblem p, DispatchSolution with, DispatchSolution without, MarketsSpec markets, ZoneId zone) {
        int n = p.periods();
        double h = p.periodHours();
        Map<String, Double> byMarket = new LinkedHashMap<>();
        Map<String, Double> byProduct = new LinkedHashMap<>();
        Map<YearMonth, Map<String, Double>> byMonth = new TreeMap<>();
        YearMonth[] month = new YearMonth[n];
        for (int t = 0; t < n; t++) {
            month[t] = YearMonth.from(
                    Instant.ofEpochMilli(p.startEpochMs() + t * p.periodMs()).atZone(zone));
            double energy = ((with.exportKw()[t] - without.exportKw()[t]) * p.exportYenPerKwh()[t]
                            - (with.importKw()[t] - without.importKw()[t]) * p.importYenPerKwh()[t])
                    * h;
            add(byMarket, byMonth, month[t], ENERGY, energy);
        }
        for (int k = 0; k < p.reserves().size(); k++) {
            ReserveMarket r = p.reserves().get(k);
            double yen = 0;
            for (int t = 0; t < n; t++) {
                double y = with.offerKw()[k][t]
                        * (r.priceYenPerKwH()[t] + r.activationShare() * r.activationYenPerKwh()[t])
                        * h;
                yen += y;
                add(byMarket, byMonth, month[t], r.market(), y);
            }
            byProduct.merge(r.product(), yen, Double::sum);
        }
        double years = n * h / 8760;
        if (markets.capacity() != null && markets.longTerm() == null && p.storage() != null) {
            double yen = MarketOffers.contractedKw(markets.capacity(), p.storage())
                    * markets.capacity().yenPerKwYear();
            spread(byMarket, byMonth, month, CAPACITY, yen * years);
        }
        if (markets.longTerm() != null && p.storage() != null) {
            double others =
                    byMarket.values().stream().mapToDouble(Double::doubleValue).sum();
            spread(
                    byMarket,
                    byMonth,
                    month,
                    LONG_TERM,
                    paidKw(markets, p.storage()) * markets.longTerm().yenPerKwYear() * years);
            spread(byMarket, byMonth, month, LONG_TERM, -markets.longTerm().returnShare() * others);
        }
        return new MarketRevenue(byMarket, byProduct, byMonth);
    }

    /**
     * A year's value of the battery with its fixed market payments, from what it earns on energy and
     * reserve in a year: plus the capacity payment, or with a long-term auction won, that auction's
     * payment and the share of the rest it keeps. The same rule as {@link #of}, for sizing.
     */
    public static double withFixedPayments(double energyAndReserveYen, MarketsSpec markets, DispatchProblem.Storage s) {
        return s == null ? energyAndReserveYen : markets.withFixedPayments(energyAndReserveYen, paidKw(markets, s), 1);
    }

    /** The kW the capacity payment or the long-term auction pays for: the contract's, else the rating. */
    public static double paidKw(MarketsSpec markets, DispatchProblem.Storage s) {
        return markets.capacity() != null ? MarketOffers.contractedKw(markets.capacity(), s) : s.dischargeKw();
    }

    private static void add(
            Map<String, Double> byMarket,
            Map<YearMonth, Map<String, Double>> byMonth,
            YearMonth m,
            String market,
            double yen) {
        byMarket.merge(market, yen, Double::sum);
        byMonth.computeIfAbsent(m, x -> new LinkedHashMap<>()).merge(market, yen, Double::sum);
    }

    /** A yearly sum spread over the periods evenly, so the months add up to it. */
    private static void spread(
            Map<String, Double> byMarket,
            Map<YearMonth, Map<String, Double>> byMonth,
            YearMonth[] month,
            String market,
            double yen) {
        for (YearMonth m : month) {
            add(byMarket, byMonth, m, market, yen / month.length);
        }
    }
}
