package dev.chikuden.site;

import dev.chikuden.market.BalancingProduct;
import dev.chikuden.market.EprxPrices;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The markets a battery sells into beside energy: offers into Japan's balancing market, a
 * capacity-market contract and the long-term decarbonisation auction. Every part is optional.
 *
 * @param balancing the upward products offered, in the site file's order
 * @param capacity  null for none
 * @param longTerm  null for none
 */
public record MarketsSpec(List<BalancingOffer> balancing, CapacityContract capacity, LongTermAuction longTerm) {
    public static final MarketsSpec NONE = new MarketsSpec(List.of(), null, null);

    public MarketsSpec {
        balancing = List.copyOf(balancing);
    }

    public boolean any() {
        return !balancing.isEmpty() || capacity != null || longTerm != null;
    }

    /**
     * What the battery earns with the fixed market payments, from what it earns on energy and
     * reserve over {@code years}: plus the capacity payment, or, with a long-term auction won, that
     * auction's payment and the share of the rest it keeps (the auction pays through the capacity
     * market, in its place).
     *
     * @param contractedKw the kW either payment is for
     */
    public double withFixedPayments(double energyAndReserveYen, double contractedKw, double years) {
        if (longTerm != null) {
            return (1 - longTerm.returnShare()) * energyAndReserveYen + contractedKw * longTerm.yenPerKwYear() * years;
        }
        if (capacity != null) {
            return energyAndReserveYen + contractedKw * capacity.yenPerKwYear() * years;
        }
        return energyAndReserveYen;
    }

    /**
     * One product offered.
     *
     * @param halfHourPricesPerDay yen per ΔkW per 30 minutes for each of a day's 48 half-hours (a
     *                            3-hour block's price repeated over its six), every day; null with
     *                            {@code results}
     * @param results             the prices EPRX published, slot by slot; null for prices stated per day
     * @param maxKw               the largest offer; infinite: the battery's rating
     * @param activationShare     expected energy delivered per kWh of offer-hours
     * @param activationYenPerKwh the registered upward kWh price
     * @param durationHours       overrides the product's duration; NaN: the product's by period
     */
    public record BalancingOffer(
            BalancingProduct product,
            double[] halfHourPricesPerDay,
            EprxPrices results,
            double maxKw,
            double activationShare,
            double activationYenPerKwh,
            double durationHours) {
        /** The price of the slot starting at {@code at} (local), NaN where the results have none. */
        public double yenPerKwPer30min(java.time.LocalDateTime at) {
            return results != null ? results.at(at) : halfHourPricesPerDay[at.getHour() * 2 + at.getMinute() / 30];
        }
    }

    /**
     * A capacity-market contract (容量市場): paid per kW-year; its duty, modelled as a stated
     * assumption since the market fixes no daily window, is to keep the contracted kW deliverable for
     * 3 hours from {@code windowStart} on the days assumed tight.
     *
     * @param contractedKw  NaN: the kW the battery sustains for 3 hours
     * @param tightDays     the days assumed tight, when given
     * @param tightDayShare else this share of the study's days, those with the highest energy price
     */
    public record CapacityContract(
            double yenPerKwYear,
            double contractedKw,
            List<LocalDate> tightDays,
            double tightDayShare,
            LocalTime windowStart) {
        /** Hours a battery must sustain its contracted kW to count as a stable source. */
        public static final double SUSTAIN_HOURS = 3;

        public CapacityContract {
            tightDays = List.copyOf(tightDays);
        }
    }

    /**
     * A win in the long-term decarbonisation auction (長期脱炭素電源オークション): a fixed yen per
     * kW-year, and {@code returnShare} of the revenue from the other markets given back.
     */
    public record LongTermAuction(double yenPerKwYear, double returnShare) {}
}
