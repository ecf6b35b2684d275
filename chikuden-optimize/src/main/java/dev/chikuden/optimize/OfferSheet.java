package dev.chikuden.optimize;

import dev.chikuden.market.BalancingProduct;
import dev.chikuden.market.EprxPrices;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The offers of a plan as a trader reads them: one row per product and block in which the product
 * may be offered, with the block's local start and end, the ΔkW offered (whole kW; EPRX takes
 * offers of 1 MW and more, so a smaller one is flagged), the price the plan expects in EPRX's unit
 * (yen per ΔkW per 30 minutes) and what the block earns at it.
 */
public final class OfferSheet {
    static final String HEADER =
            "block_start,block_end,product,offer_kw,below_minimum,price_yen_per_kw_per_30min,expected_yen";

    private OfferSheet() {}

    /** @param offerKw per product and period, as {@link DispatchSolution#offerKw()} */
    public static String csv(DispatchProblem p, double[][] offerKw, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        double h = p.periodHours();
        for (int k = 0; k < p.reserves().size(); k++) {
            ReserveMarket r = p.reserves().get(k);
            for (int first = 0; first < p.periods(); first += r.blockPeriods()) {
                int last = Math.min(p.periods(), first + r.blockPeriods());
                if (r.blockMaxKw(first / r.blockPeriods()) <= 0) {
                    continue; // not offered in this block (another period of the product's rules)
                }
                double kw = offerKw[k][first];
                double yen = 0;
                double price = 0;
                for (int t = first; t < last; t++) {
                    yen += kw * (r.priceYenPerKwH()[t] + r.activationShare() * r.activationYenPerKwh()[t]) * h;
                    price += EprxPrices.yenPerKwPer30min(r.priceYenPerKwH()[t]) / (last - first);
                }
                sb.append(Instant.ofEpochMilli(p.startEpochMs() + first * p.periodMs())
                                .atZone(zone)
                                .format(f))
                        .append(',')
                        .append(Instant.ofEpochMilli(p.startEpochMs() + last * p.periodMs())
                                .atZone(zone)
                                .format(f))
                        .append(',')
                        .append(r.product())
                        .append(',')
                        .append(Math.round(kw))
                        .append(',')
                        .append(kw >= 0.5 && kw < BalancingProduct.MIN_OFFER_KW)
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.2f", price))
                        .append(',')
                        .append(Math.round(yen))
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
