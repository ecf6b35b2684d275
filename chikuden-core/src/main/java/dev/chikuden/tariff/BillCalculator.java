package dev.chikuden.tariff;

import dev.chikuden.BadInputException;
import dev.chikuden.market.PriceSeries;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bills 30-minute slot energy under a {@link Tariff}, one usage month (local calendar month) at a
 * time: basic charge (prorated by the part of the month covered) and excess-demand penalty,
 * energy charge by band or market-linked, fuel-cost and market-price adjustments, renewable
 * levy, subsidies, export sale and consumption tax.
 */
public final class BillCalculator {
    private final Tariff tariff;
    private final ZoneId zone;
    private final PriceSeries prices;
    private final Set<String> warnings = new LinkedHashSet<>();

    /**
     * @param prices JEPX area prices for a market-linked menu, an export sale at market price and
     *               the market-price adjustment; null when none
     */
    public BillCalculator(Tariff tariff, ZoneId zone, PriceSeries prices) {
        this.tariff = tariff;
        this.zone = zone;
        this.prices = prices;
    }

    public Bill bill(SlotEnergy slots) {
        List<MonthlyBill> months = new ArrayList<>();
        Map<YearMonth, Double> peaks = new LinkedHashMap<>();
        int i = 0;
        while (i < slots.size()) {
            YearMonth m = YearMonth.from(local(slots.firstSlotEpochMs(), i));
            int end = i;
            while (end < slots.size() && YearMonth.from(local(slots.firstSlotEpochMs(), end)).equals(m)) {
                end++;
            }
            months.add(month(m, slots, i, end, peaks));
            i = end;
        }
        Map<String, Long> items = new LinkedHashMap<>();
        long total = 0;
        for (MonthlyBill b : months) {
            b.lineItemsYen().forEach((k, v) -> items.merge(k, v, Long::sum));
            total += b.totalYen();
        }
        return new Bill(tariff.name(), List.copyOf(months), items, total, List.copyOf(warnings));
    }

    private MonthlyBill month(YearMonth m, SlotEnergy s, int from, int to, Map<YearMonth, Double> peaks) {
        double importKwh = 0;
        double exportKwh = 0;
        double peakKw = 0;
        double coveredS = 0;
        Map<String, Double> energy = new LinkedHashMap<>();
        for (EnergyBand b : tariff.energyBands()) {
            energy.put(b.name(), 0.0);
        }
        double marketEnergyYen = 0;
        double exportYen = 0;
        for (int i = from; i < to; i++) {
            double kwh = s.importKwh()[i];
            importKwh += kwh;
            exportKwh += s.exportKwh()[i];
            coveredS += s.coveredSeconds()[i];
            peakKw = Math.max(peakKw, s.demandKw(i));
            long slotMs = s.firstSlotEpochMs() + i * PriceSeries.SLOT_MS;
            if (tariff.marketLinked() != null) {
                marketEnergyYen += kwh * (price(slotMs, "a market-linked menu") + tariff.marketLinked().adderYenPerKwh());
            } else if (kwh > 0) {
                EnergyBand b = band(local(s.firstSlotEpochMs(), i));
                energy.merge(b.name(), kwh * b.yenPerKwh(), Double::sum);
            }
            if (tariff.exportSale() != null && s.exportKwh()[i] > 0) {
                double p = tariff.exportSale().yenPerKwh()
                        + (tariff.exportSale().market() ? price(slotMs, "an export sale at market price") : 0);
                exportYen += s.exportKwh()[i] * p;
            }
        }
        peaks.put(m, peakKw);
        double covered = coveredS / (m.lengthOfMonth() * 86_400.0);
        Tariff.ContractDemand c = tariff.contract();
        double contractKw = c.ratchet() ? ratchet(m, peaks, c.previousPeakKw()) : c.agreedKw();
        double pfFactor = (185 - tariff.powerFactor() * 100) / 100;
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("basicChargeYen", yen(contractKw * tariff.basicChargeYenPerKwMonth() * pfFactor * covered));
        if (!c.ratchet()) {
            double excessKw = Math.max(0, peakKw - c.agreedKw());
            items.put("excessDemandChargeYen",
                    yen(excessKw * tariff.basicChargeYenPerKwMonth() * c.excessMultiplier() * pfFactor));
        }
        if (tariff.marketLinked() != null) {
            items.put("energyChargeMarketYen", yen(marketEnergyYen));
        }
        energy.forEach((band, y) -> items.put("energyCharge" + Character.toUpperCase(band.charAt(0)) + band.substring(1)
                + "Yen", yen(y)));
        if (!tariff.fuelCostAdjustment().isEmpty()) {
            Double rate = tariff.fuelCostAdjustment().get(m);
            if (rate == null) {
                warnings.add("fuel-cost adjustment for " + m + " is not in the tariff's table; counted as 0");
            }
            items.put("fuelCostAdjustmentYen", yen(importKwh * (rate == null ? 0 : rate)));
        }
        if (tariff.marketPriceAdjustment() != null) {
            items.put("marketPriceAdjustmentYen", yen(importKwh * marketPriceAdjustment(m)));
        }
        int fiscalYear = m.getMonthValue() >= 5 ? m.getYear() : m.getYear() - 1;
        Double levy = tariff.renewableLevy().get(fiscalYear);
        if (levy == null) {
            warnings.add("renewable levy for FY" + fiscalYear + " (May " + fiscalYear + " to April " + (fiscalYear + 1)
                    + ") is not in the tariff; counted as 0");
        }
        items.put("renewableLevyYen", yen(importKwh * (levy == null ? 0 : levy)));
        if (!tariff.subsidies().isEmpty()) {
            double perKwh = tariff.subsidies().stream().filter(x -> x.covers(m)).mapToDouble(Tariff.Subsidy::yenPerKwh).sum();
            items.put("subsidyYen", yen(importKwh * perKwh));
        }
        if (!tariff.taxIncluded()) {
            long charges = items.values().stream().mapToLong(Long::longValue).sum();
            items.put("consumptionTaxYen", yen(charges * tariff.consumptionTax()));
        }
        if (tariff.exportSale() != null) {
            items.put("exportSaleYen", yen(-exportYen));
        }
        long total = items.values().stream().mapToLong(Long::longValue).sum();
        return new MonthlyBill(m, importKwh, exportKwh, peakKw, contractKw, covered, items, total);
    }

    /** The largest demand of this month and the previous 11 (and of the history before the series). */
    private static double ratchet(YearMonth m, Map<YearMonth, Double> peaks, double previousPeakKw) {
        double kw = 0;
        YearMonth first = peaks.keySet().iterator().next();
        for (int back = 0; back < 12; back++) {
            YearMonth earlier = m.minusMonths(back);
            kw = Math.max(kw, peaks.getOrDefault(earlier, 0.0));
            if (earlier.isBefore(first)) {
                kw = Math.max(kw, previousPeakKw);
            }
        }
        return kw;
    }

    /** Unit price, yen/kWh, rounded to 0.01 as utilities publish it; 0 before it applies. */
    private double marketPriceAdjustment(YearMonth m) {
        Tariff.MarketPriceAdjustment a = tariff.marketPriceAdjustment();
        if (m.isBefore(a.from())) {
            return 0;
        }
        double sum = 0;
        for (int lag = a.lagFirst(); lag <= a.lagLast(); lag++) {
            YearMonth w = m.minusMonths(lag);
            double mean = prices != null ? prices.meanBetween(startMs(w), startMs(w.plusMonths(1)))
                    : a.monthlyAverages().getOrDefault(w, Double.NaN);
            if (Double.isNaN(mean)) {
                warnings.add("market-price adjustment for " + m + " needs the JEPX mean of " + w + ", which "
                        + (prices != null ? "the price file does not cover" : "the tariff's monthlyAverages lacks")
                        + "; counted as 0");
                return 0;
            }
            sum += mean;
        }
        double avg = sum / (a.lagLast() - a.lagFirst() + 1);
        return Math.round((avg - a.baseYenPerKwh()) * a.coefficient() * 100) / 100.0;
    }

    private double price(long slotMs, String what) {
        double p = prices == null ? Double.NaN : prices.priceAt(slotMs);
        if (Double.isNaN(p)) {
            throw new BadInputException("prices: no JEPX price for the slot at "
                    + Instant.ofEpochMilli(slotMs).atZone(zone).toOffsetDateTime() + "; " + what
                    + " needs a price for every billed slot (give prices: {file, area} covering the series)");
        }
        return p;
    }

    private EnergyBand band(LocalDateTime t) {
        boolean summer = tariff.summer(t.getMonthValue());
        boolean holiday = tariff.restDays().contains(t.getDayOfWeek()) || tariff.holidays().contains(t.toLocalDate());
        for (EnergyBand b : tariff.energyBands()) {
            if (b.matches(summer, holiday, t.getHour())) {
                return b;
            }
        }
        throw new IllegalStateException("no energy band matches " + t + "; the reader ensures a catch-all band");
    }

    private long startMs(YearMonth m) {
        return m.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private LocalDateTime local(long firstSlotMs, int i) {
        Instant t = Instant.ofEpochMilli(firstSlotMs + i * PriceSeries.SLOT_MS);
        ZoneOffset offset = zone.getRules().getOffset(t);
        return LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset);
    }

    /** Whole yen, fractions dropped (toward zero); 1e-6 yen absorbs binary rounding of decimal rates. */
    private static long yen(double v) {
        return (long) (v >= 0 ? Math.floor(v + 1e-6) : Math.ceil(v - 1e-6));
    }
}
