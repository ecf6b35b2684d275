package dev.chikuden.tariff;

import dev.chikuden.BadInputException;
import dev.chikuden.market.PriceSeries;
import dev.chikuden.time.OffsetCache;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unit prices of a {@link Tariff} at a moment: what one more kWh imported or exported, or one
 * more kW of contract, costs. The bill ({@link BillCalculator}) and the dispatch optimiser both price
 * through this class, so the optimiser's objective is the bill before its rounding to whole yen.
 * One thread's: it collects warnings and keeps the zone offset it looked up last.
 */
public final class TariffRates {
    private final Tariff tariff;
    private final ZoneId zone;
    private final OffsetCache offsets;
    /** The band of each kind of slot (summer, holiday, hour): the first match, -1 for none. */
    private final int[] bandOf;

    private final PriceSeries prices;
    private final Set<String> warnings = new LinkedHashSet<>();

    /**
     * @param prices JEPX area prices for a market-linked menu, an export sale at market price and
     *               the market-price adjustment; null when none
     */
    public TariffRates(Tariff tariff, ZoneId zone, PriceSeries prices) {
        this.tariff = tariff;
        this.zone = zone;
        this.offsets = new OffsetCache(zone);
        this.prices = prices;
        this.bandOf = new int[2 * 2 * 24];
        for (int kind = 0; kind < bandOf.length; kind++) {
            bandOf[kind] = firstMatch(kind >= 48, kind % 48 >= 24, kind % 24);
        }
    }

    public Tariff tariff() {
        return tariff;
    }

    public ZoneId zone() {
        return zone;
    }

    /** What a rate could not find (a month missing from a table), each said once. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Every per-kWh charge on an imported kWh in the 30-minute slot starting at {@code slotEpochMs}:
     * energy rate, fuel-cost and market-price adjustments, levy, subsidies, with consumption tax.
     */
    public double importYenPerKwh(long slotEpochMs) {
        LocalDateTime t = local(slotEpochMs);
        YearMonth m = YearMonth.from(t);
        double energy = tariff.marketLinked() != null
                ? marketPrice(slotEpochMs, "a market-linked menu")
                        + tariff.marketLinked().adderYenPerKwh()
                : band(t).yenPerKwh();
        return (energy + fuelCostAdjustment(m) + marketPriceAdjustment(m) + renewableLevy(m) + subsidy(m))
                * taxFactor();
    }

    /** What an exported kWh earns (untaxed), 0 when the tariff buys no exports. */
    public double exportYenPerKwh(long slotEpochMs) {
        Tariff.ExportSale s = tariff.exportSale();
        if (s == null) {
            return 0;
        }
        if (s.fit() != null
                && !YearMonth.from(local(slotEpochMs)).isAfter(s.fit().lastMonth())) {
            return s.fit().yenPerKwh();
        }
        return s.yenPerKwh() + (s.market() ? marketPrice(slotEpochMs, "an export sale at market price") : 0);
    }

    /** The basic charge of one kW of contract for a whole month, with power factor and tax. */
    public double basicYenPerKwMonth() {
        return tariff.basicChargeYenPerKwMonth() * powerFactorScale() * taxFactor();
    }

    /** The penalty on one kW of demand above an agreed contract in a month, with tax; 0 for a ratchet. */
    public double excessYenPerKw() {
        Tariff.ContractDemand c = tariff.contract();
        return c.ratchet()
                ? 0
                : tariff.basicChargeYenPerKwMonth() * c.excessMultiplier() * powerFactorScale() * taxFactor();
    }

    /** (185 - power factor %) / 100: a better power factor lowers the basic charge. */
    double powerFactorScale() {
        return (185 - tariff.powerFactor() * 100) / 100;
    }

    /** 1 + consumption tax when the rates exclude it, else 1. */
    double taxFactor() {
        return tariff.taxIncluded() ? 1 : 1 + tariff.consumptionTax();
    }

    EnergyBand band(LocalDateTime t) {
        return band(tariff.summer(t.getMonthValue()), tariff.holiday(t.toLocalDate()), t.getHour());
    }

    /** The band of a slot in a summer month or not, on a holiday or not, at a local hour. */
    EnergyBand band(boolean summer, boolean holiday, int hour) {
        return tariff.energyBands().get(bandIndex(summer, holiday, hour));
    }

    /**
     * The position in the tariff's bands of {@link #band(boolean, boolean, int)}: the first match,
     * looked up once for each of the 96 kinds of slot.
     */
    int bandIndex(boolean summer, boolean holiday, int hour) {
        int k = bandOf[(summer ? 48 : 0) + (holiday ? 24 : 0) + hour];
        if (k < 0) {
            throw new IllegalStateException("no energy band matches summer " + summer + ", holiday " + holiday
                    + ", hour " + hour + "; the reader ensures a catch-all band");
        }
        return k;
    }

    private int firstMatch(boolean summer, boolean holiday, int hour) {
        List<EnergyBand> bands = tariff.energyBands();
        for (int k = 0; bands != null && k < bands.size(); k++) {
            if (bands.get(k).matches(summer, holiday, hour)) {
                return k;
            }
        }
        return -1;
    }

    double fuelCostAdjustment(YearMonth m) {
        if (tariff.fuelCostAdjustment().isEmpty()) {
            return 0;
        }
        Double rate = tariff.fuelCostAdjustment().get(m);
        if (rate == null) {
            warnings.add("fuel-cost adjustment for " + m + " is not in the tariff's table; counted as 0");
        }
        return rate == null ? 0 : rate;
    }

    /** Unit price, yen/kWh, rounded to 0.01 as utilities publish it; 0 before it applies. */
    double marketPriceAdjustment(YearMonth m) {
        Tariff.MarketPriceAdjustment a = tariff.marketPriceAdjustment();
        if (a == null || m.isBefore(a.from())) {
            return 0;
        }
        double sum = 0;
        List<YearMonth> missing = new ArrayList<>();
        for (int lag = a.lagLast(); lag >= a.lagFirst(); lag--) { // oldest first, as the warning lists them
            YearMonth w = m.minusMonths(lag);
            double mean = prices != null
                    ? prices.meanBetween(startMs(w), startMs(w.plusMonths(1)))
                    : a.monthlyAverages().getOrDefault(w, Double.NaN);
            if (Double.isNaN(mean)) {
                missing.add(w);
            }
            sum += mean;
        }
        if (!missing.isEmpty()) {
            warnings.add("market-price adjustment for " + m + " needs the JEPX means of " + m.minusMonths(a.lagLast())
                    + " to " + m.minusMonths(a.lagFirst()) + "; "
                    + (prices != null ? "the price file does not cover " : "the tariff's monthlyAverages lacks ")
                    + missing.stream().map(YearMonth::toString).collect(Collectors.joining(", ")) + "; counted as 0");
            return 0;
        }
        double avg = sum / (a.lagLast() - a.lagFirst() + 1);
        return Math.round((avg - a.baseYenPerKwh()) * a.coefficient() * 100) / 100.0;
    }

    /** The levy of the fiscal year the usage month falls in (FY N: May N to April N+1). */
    double renewableLevy(YearMonth m) {
        int fiscalYear = m.getMonthValue() >= 5 ? m.getYear() : m.getYear() - 1;
        Double levy = tariff.renewableLevy().get(fiscalYear);
        if (levy == null) {
            warnings.add("renewable levy for FY" + fiscalYear + " (May " + fiscalYear + " to April " + (fiscalYear + 1)
                    + ") is not in the tariff; counted as 0");
        }
        return levy == null ? 0 : levy;
    }

    double subsidy(YearMonth m) {
        double perKwh = 0;
        for (Tariff.Subsidy s : tariff.subsidies()) {
            if (s.covers(m)) {
                perKwh += s.yenPerKwh();
            }
        }
        return perKwh;
    }

    double marketPrice(long slotMs, String what) {
        double p = prices == null ? Double.NaN : prices.priceAt(slotMs);
        if (Double.isNaN(p)) {
            throw new BadInputException("prices: no JEPX price for the slot at "
                    + Instant.ofEpochMilli(slotMs).atZone(zone).toOffsetDateTime() + "; " + what
                    + " needs a price for every billed slot (give prices: {file, area} covering the series)");
        }
        return p;
    }

    LocalDateTime local(long epochMs) {
        long local = offsets.localMs(epochMs);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1000), 0, ZoneOffset.UTC);
    }

    private long startMs(YearMonth m) {
        return m.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
