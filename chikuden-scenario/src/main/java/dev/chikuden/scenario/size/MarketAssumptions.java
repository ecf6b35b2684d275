package dev.chikuden.scenario.size;

import static dev.chikuden.scenario.Numbers.trim;

import dev.chikuden.optimize.sizing.Candidate;
import dev.chikuden.optimize.sizing.SizingResult;
import dev.chikuden.site.MarketsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What each size's revenue holds beside energy, in words, from the site's {@code markets:}: the
 * balancing products offered (volume, price source, activation), the capacity payment with the kW
 * each size is paid for, or the long-term auction. Nothing for a site without markets.
 */
public final class MarketAssumptions {
    private static final double M = 1e6;

    private MarketAssumptions() {}

    static List<String> of(MarketsSpec markets, SizingResult r) {
        List<String> a = new ArrayList<>();
        for (MarketsSpec.BalancingOffer o : markets.balancing()) {
            a.add(balancing(o));
        }
        if (markets.capacity() != null && markets.longTerm() == null) {
            a.add(capacity(markets, r));
        }
        if (markets.longTerm() != null) {
            a.add(longTerm(markets, r));
        }
        return a;
    }

    private static String balancing(MarketsSpec.BalancingOffer o) {
        String volume = Double.isInfinite(o.maxKw())
                ? "up to each size's rating"
                : String.format(Locale.ROOT, "up to %,.0f kW, the same for every size,", o.maxKw());
        String price = o.results() != null
                ? "at EPRX's published prices of the site file's results"
                : String.format(
                        Locale.ROOT,
                        "at the site file's block prices (mean %s yen per ΔkW per 30 min)",
                        trim(Math.round(Arrays.stream(o.halfHourPricesPerDay())
                                                .average()
                                                .orElse(0)
                                        * 100)
                                / 100.0));
        String activation = o.activationShare() > 0
                ? String.format(
                        Locale.ROOT,
                        "; %s %% of the offer-hours' energy expected activated, paid at %s yen/kWh",
                        trim(o.activationShare() * 100),
                        trim(o.activationYenPerKwh()))
                : "; no activation energy paid";
        return "balancing, " + o.product().name() + ": the LP offers " + volume + " in each block " + price
                + activation;
    }

    private static String capacity(MarketsSpec markets, SizingResult r) {
        MarketsSpec.CapacityContract c = markets.capacity();
        String kw = Double.isNaN(c.contractedKw())
                ? "the kW each size sustains for 3 hours, min(power, usable energy x discharge efficiency / 3 h)"
                : String.format(Locale.ROOT, "the contracted %,.0f kW", c.contractedKw());
        String tight = c.tightDays().isEmpty()
                ? trim(c.tightDayShare() * 100) + " % of the days, those with the highest prices"
                : c.tightDays().size() + " listed days";
        return String.format(
                        Locale.ROOT,
                        "capacity market: %,.0f yen/kW-year on %s, kept deliverable 3 hours from %s on the tight days (%s): ",
                        c.yenPerKwYear(),
                        kw,
                        c.windowStart(),
                        tight)
                + perSize(r, SizeFigures.fixedYenPerKwYear(markets));
    }

    private static String longTerm(MarketsSpec m, SizingResult r) {
        MarketsSpec.LongTermAuction l = m.longTerm();
        return String.format(
                        Locale.ROOT,
                        "long-term auction won: %,.0f yen/kW-year in place of the capacity payment, %s %% of the energy "
                                + "and balancing revenue given back: ",
                        l.yenPerKwYear(),
                        trim(l.returnShare() * 100))
                + perSize(r, SizeFigures.fixedYenPerKwYear(m));
    }

    /** Each feasible size's paid kW and the payment a year, as the JSON's capacityKw and capacityPaymentYen. */
    private static String perSize(SizingResult r, double yenPerKwYear) {
        List<String> sizes = new ArrayList<>();
        for (Candidate c : r.candidates()) {
            if (c.feasible()) {
                sizes.add(String.format(
                        Locale.ROOT,
                        "%s MW / %s MWh %,.0f kW (%,.1f M yen a year)",
                        trim(c.powerKw() / 1000),
                        trim(c.energyKwh() / 1000),
                        c.capacityKw(),
                        c.capacityKw() * yenPerKwYear / M));
            }
        }
        return String.join(", ", sizes);
    }
}
