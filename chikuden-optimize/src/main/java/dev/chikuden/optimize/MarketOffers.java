package dev.chikuden.optimize;

import dev.chikuden.BadInputException;
import dev.chikuden.market.BalancingProduct;
import dev.chikuden.market.EprxPrices;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;
import dev.chikuden.site.MarketsSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The site's markets as the dispatch LP takes them. Each balancing offer becomes one reserve
 * product per delivery period of its rules that the study meets (a product that changed from 3-hour
 * to 30-minute blocks on 2026-03-14 is two, each offered only in its own days), priced in yen per kW
 * offered per hour. A capacity contract becomes energy held: on each tight day, from its window's
 * start, the stored energy keeps the contracted kW deliverable for 3 hours.
 */
public final class MarketOffers {
    /** The market balancing products are sold in, for the revenue by market. */
    public static final String BALANCING = "balancing";

    private MarketOffers() {}

    /**
     * The reserve products of {@code markets} over {@code n} periods from {@code startEpochMs}.
     *
     * @throws BadInputException for a price above the product's cap in a period it applies, or a
     *                           study that does not start on a block boundary
     */
    public static List<ReserveMarket> reserves(
            MarketsSpec markets, Path source, ZoneId zone, long startEpochMs, long periodMs, int n) {
        List<ReserveMarket> out = new ArrayList<>();
        for (Segment g : segments(markets, zone, startEpochMs, periodMs, n)) {
            out.add(segment(
                    g.offer(), g.index(), g.rules(), g.from(), g.until(), source, zone, startEpochMs, periodMs, n));
        }
        return out;
    }

    /**
     * When the offers of each of {@link #reserves}' products close, per period: epoch ms of its
     * delivery day's gate ({@link dev.chikuden.market.Gate}); {@link Long#MAX_VALUE} where the
     * product is not offered.
     */
    public static long[][] gates(MarketsSpec markets, ZoneId zone, long startEpochMs, long periodMs, int n) {
        List<Segment> segments = segments(markets, zone, startEpochMs, periodMs, n);
        long[][] out = new long[segments.size()][n];
        for (int k = 0; k < out.length; k++) {
            Segment g = segments.get(k);
            for (int t = 0; t < n; t++) {
                LocalDate day = day(startEpochMs + t * periodMs, zone);
                out[k][t] = day.isBefore(g.from()) || !day.isBefore(g.until())
                        ? Long.MAX_VALUE
                        : g.rules()
                                .gate()
                                .closesFor(day)
                                .atZone(zone)
                                .toInstant()
                                .toEpochMilli();
            }
        }
        return out;
    }

    /** One offer under one period of its product's rules, for the days {@code [from, until)}. */
    private record Segment(
            MarketsSpec.BalancingOffer offer,
            int index,
            BalancingProduct.Period rules,
            LocalDate from,
            LocalDate until) {}

    /** Every offer under every period of its rules that the study meets, in the site file's order. */
    private static List<Segment> segments(MarketsSpec markets, ZoneId zone, long startEpochMs, long periodMs, int n) {
        List<Segment> out = new ArrayList<>();
        LocalDate first = day(startEpochMs, zone);
        LocalDate last = day(startEpochMs + (n - 1) * periodMs, zone);
        for (int i = 0; i < markets.balancing().size(); i++) {
            MarketsSpec.BalancingOffer o = markets.balancing().get(i);
            List<BalancingProduct.Period> periods = o.product().periods();
            for (int j = 0; j < periods.size(); j++) {
                BalancingProduct.Period rules = periods.get(j);
                LocalDate from = rules.from();
                LocalDate until = j + 1 < periods.size() ? periods.get(j + 1).from() : LocalDate.MAX;
                if (!until.isAfter(first) || from.isAfter(last)) {
                    continue; // rules for days outside the study
                }
                out.add(new Segment(o, i, rules, from, until));
            }
        }
        return out;
    }

    private static ReserveMarket segment(
            MarketsSpec.BalancingOffer o,
            int index,
            BalancingProduct.Period rules,
            LocalDate from,
            LocalDate until,
            Path source,
            ZoneId zone,
            long startEpochMs,
            long periodMs,
            int n) {
        long blockMs = Math.round(rules.blockHours() * 3_600_000);
        if (blockMs % periodMs != 0) {
            throw new BadInputException(source + ": markets.balancing[" + index + "]: "
                    + o.product().name()
                    + "'s blocks of " + blockMs / 60_000 + " min do not tile the LP period of " + periodMs / 60_000
                    + " min");
        }
        ZonedDateTime start = Instant.ofEpochMilli(startEpochMs).atZone(zone);
        long intoDay = start.toLocalTime().toNanoOfDay() / 1_000_000;
        if (intoDay % blockMs != 0) {
            throw new BadInputException(source + ": study.start: " + start.toLocalTime() + " is not on a boundary of "
                    + o.product().name() + "'s " + blockMs / 60_000 + "-minute blocks; start the study at 00:00");
        }
        double[] price = new double[n];
        double[] activation = new double[n];
        double[] max = new double[n];
        for (int t = 0; t < n; t++) {
            ZonedDateTime at = Instant.ofEpochMilli(startEpochMs + t * periodMs).atZone(zone);
            LocalDate day = at.toLocalDate();
            if (day.isBefore(from) || !day.isBefore(until)) {
                continue; // not offered: max 0
            }
            double p = o.yenPerKwPer30min(at.toLocalDateTime());
            if (Double.isNaN(p)) {
                continue; // the results have no price here: nothing is offered
            }
            if (p > rules.capYenPerKwPer30min() && o.results() == null) {
                throw new BadInputException(source + ": markets.balancing[" + index + "]: " + p + " yen/ΔkW per 30 min"
                        + " at " + at.toLocalTime() + " is above " + o.product().name() + "'s price cap of "
                        + rules.capYenPerKwPer30min() + " for delivery from " + rules.from()
                        + "; EPRX clears no higher");
            }
            price[t] = EprxPrices.yenPerKwH(p);
            activation[t] = o.activationYenPerKwh();
            max[t] = o.maxKw();
        }
        return new ReserveMarket(
                o.product().name(),
                BALANCING,
                price,
                Double.isNaN(o.durationHours()) ? rules.durationHours() : o.durationHours(),
                (int) (blockMs / periodMs),
                max,
                o.activationShare(),
                activation);
    }

    /**
     * The energy a capacity contract holds above the floor at the end of each period, kWh: on a tight
     * day, at each moment of the 3-hour window the store covers the contracted kW for the rest of the
     * window ({@code contractedKw x hours left / discharge efficiency}), so a battery already
     * discharging through the window meets its duty; null for none.
     *
     * @param importYenPerKwh ranks the days when the tight ones are a share: those with the highest price
     */
    public static double[] heldKwh(
            MarketsSpec markets,
            Storage storage,
            ZoneId zone,
            long startEpochMs,
            long periodMs,
            double[] importYenPerKwh) {
        MarketsSpec.CapacityContract c = markets.capacity();
        if (c == null || storage == null) {
            return null;
        }
        int n = importYenPerKwh.length;
        Set<LocalDate> tight = tightDays(c, zone, startEpochMs, periodMs, importYenPerKwh);
        double kw = contractedKw(c, storage);
        double[] held = new double[n];
        long windowMs = Math.round(MarketsSpec.CapacityContract.SUSTAIN_HOURS * 3_600_000);
        for (int t = 0; t < n; t++) {
            ZonedDateTime end =
                    Instant.ofEpochMilli(startEpochMs + (t + 1) * periodMs).atZone(zone);
            ZonedDateTime opens = end.toLocalDate().atTime(c.windowStart()).atZone(zone);
            if (end.isBefore(opens)) {
                opens = opens.minusDays(1); // a window past midnight
            }
            long into = end.toInstant().toEpochMilli() - opens.toInstant().toEpochMilli();
            if (into < windowMs && tight.contains(opens.toLocalDate())) {
                held[t] = kw * (windowMs - into) / 3_600_000.0 / storage.dischargeEfficiency();
            }
        }
        return held;
    }

    /** The contracted kW: as given, or what the battery sustains for 3 hours from its usable energy. */
    public static double contractedKw(MarketsSpec.CapacityContract c, Storage s) {
        if (!Double.isNaN(c.contractedKw())) {
            return c.contractedKw();
        }
        double usable = (s.maxKwh() - s.floorKwh()) * s.dischargeEfficiency();
        return Math.min(s.dischargeKw(), usable / MarketsSpec.CapacityContract.SUSTAIN_HOURS);
    }

    /** The study's days assumed tight: those listed, or the given share with the highest daily peak price. */
    static Set<LocalDate> tightDays(
            MarketsSpec.CapacityContract c, ZoneId zone, long startEpochMs, long periodMs, double[] price) {
        if (!c.tightDays().isEmpty()) {
            return new HashSet<>(c.tightDays());
        }
        java.util.Map<LocalDate, Double> peak = new java.util.TreeMap<>();
        for (int t = 0; t < price.length; t++) {
            peak.merge(day(startEpochMs + t * periodMs, zone), price[t], Math::max);
        }
        List<LocalDate> days = new ArrayList<>(peak.keySet());
        int count = (int) Math.round(c.tightDayShare() * days.size());
        days.sort(Comparator.comparing((LocalDate d) -> -peak.get(d)).thenComparing(d -> d));
        return new HashSet<>(days.subList(0, count));
    }

    private static LocalDate day(long epochMs, ZoneId zone) {
        return Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate();
    }
}
